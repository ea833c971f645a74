import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { armVirtualMachines, iacMachines } from '../../../scripts/bench-workloads.mjs';
import { fileGrammars } from '../../../src/cli/grammars.ts';
import { check, formatJson, formatSarif, type CheckResult } from '../../../src/core/check/index.ts';

/*
 * The shapes of `npm run bench`'s big workloads (issue 21), small: the checker's speed-ups must keep
 * every finding, position, fix and report byte as it was. The snapshot holds digests computed by the
 * code before those changes (never typed by hand): a change to any finding changes a digest.
 */

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

function summary(result: CheckResult) {
	const byRule: Record<string, number> = {};
	for (const d of result.diagnostics) byRule[d.ruleId] = (byRule[d.ruleId] ?? 0) + 1;
	return {
		extensions: result.extensionCount,
		findings: result.diagnostics.length,
		byRule,
		// Every field of every finding: rule, severity, file, range, message, related places, fix.
		findingsDigest: sha(JSON.stringify(result.diagnostics)),
		sarifDigest: sha(
			formatSarif([result], { lang: 'en', toolVersion: '0.0.0', docsBase: 'https://example.test/' })
		),
		jsonDigest: sha(formatJson([result], 'en', '0.0.0')),
	};
}

const workloads: Array<[string, string, () => string]> = [
	[
		'ARM template of virtual machines, NICs and extensions',
		'vms.json',
		() => armVirtualMachines(0.5),
	],
	['Bicep machines with extensions', 'machines.bicep', () => iacMachines('bicep', 60)],
	['Terraform machines with extensions', 'machines.tf', () => iacMachines('terraform', 60)],
];

describe('the big bench workloads, small: findings unchanged', () => {
	for (const [label, path, generate] of workloads)
		it(label, async () => {
			const text = generate();
			const en = await check(text, { path, grammars: fileGrammars });
			const ja = await check(text, { path, grammars: fileGrammars, lang: 'ja' });
			expect(en.extensionCount).toBeGreaterThan(50);
			expect(en.diagnostics.length).toBeGreaterThan(20);
			expect({ ...summary(en), jaDigest: sha(JSON.stringify(ja.diagnostics)) }).toMatchSnapshot();
		});
});
