import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileGrammars } from '../../../src/cli/grammars.ts';
import { check } from '../../../src/core/check/index.ts';

const directory = new URL('../../fixtures/real-world/', import.meta.url);

/**
 * Public files of issue 20 (re-typed and reduced; sources and the judgement of every finding in
 * tests/fixtures/real-world/JUDGEMENTS.md): extensions found, exact ranges, and no false finding.
 */
const expected: Record<string, { extensions: number; findings: string[] }> = {
	'az-one-dash-docs-70192.ps1': {
		extensions: 1,
		findings: ['KV053 error 2:26-2:31', 'KV053 error 4:6-4:21'],
	},
	'avm-tf-vm-keyvault-extension.tf': { extensions: 1, findings: [] },
	'zukakosan-iis-windows-3.0.settings.json': { extensions: 1, findings: [] },
	'linux-2.2-issue-1915.json': {
		extensions: 1,
		findings: [
			'KV004 warning 9:27-9:32',
			'KV023 warning 14:9-14:24',
			'KV028 warning 14:26-14:33',
			'KV009 error 22:5-22:29',
			'KV032 warning 24:22-24:50',
		],
	},
};

describe('public inputs of issue 20', () => {
	it.each(Object.entries(expected))('%s', async (name, { extensions, findings }) => {
		const text = readFileSync(new URL(name, directory), 'utf8');
		const result = await check(text, { path: name, grammars: fileGrammars });
		expect(result.extensionCount).toBe(extensions);
		expect(
			result.diagnostics.map(
				(d) =>
					`${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
			)
		).toEqual(findings);
		// The false errors of issue 20 stay gone: Linux 2.2 is a published version.
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV003')).toEqual([]);
	});
});
