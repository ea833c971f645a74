// The GitHub Action (action.yml) run as a runner runs it: scripts/run-action.mjs executes the
// composite steps in bash with the inputs substituted, in a workspace holding only the checked files.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Microsoft Learn's extension example (three errors) and the site's clean Windows sample.
const broken = join(root, 'tests/fixtures/check/learn-windows-top-level.json');
const clean = join(root, 'samples/arm/windows-vm-extension.json');
// The schema lives outside the repository, in the shared folder beside it.
const schema = JSON.parse(
	readFileSync(new URL('../../../shared/data/sarif-schema-2.1.0.json', import.meta.url), 'utf8')
);
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
	schema
);

let workspace = '';
beforeEach(() => {
	workspace = mkdtempSync(join(tmpdir(), 'kvcert-action-'));
	copyFileSync(broken, join(workspace, 'broken.json'));
	copyFileSync(clean, join(workspace, 'clean.json'));
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

let runs = 0;
function runAction(inputs: Record<string, string>) {
	const summary = join(workspace, `summary-${++runs}.md`);
	const result = spawnSync(
		process.execPath,
		[
			join(root, 'scripts/run-action.mjs'),
			'--workspace',
			workspace,
			'--summary',
			summary,
			...Object.entries(inputs).flatMap(([name, value]) => ['--input', `${name}=${value}`]),
		],
		{ encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '' } }
	);
	const line = result.stdout.split('\n').find((l) => l.startsWith('run-action: '));
	const report = JSON.parse(line!.slice('run-action: '.length)) as {
		steps: Array<{ name: string; exitCode: number }>;
		outputs: Record<string, string>;
	};
	return {
		status: result.status,
		stdout: result.stdout,
		report,
		summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '',
	};
}

describe('the GitHub Action', () => {
	it('writes a SARIF file that validates, and fails the step on errors', () => {
		const { status, report } = runAction({ paths: 'broken.json\nclean.json' });
		expect(status).toBe(1);
		expect(report.steps.map((s) => s.exitCode)).toEqual([0, 1]);
		expect(report.outputs).toEqual({ 'sarif-file': 'kvcert.sarif', 'exit-code': '1' });
		const sarif = JSON.parse(readFileSync(join(workspace, 'kvcert.sarif'), 'utf8'));
		expect(validateSarif(sarif)).toBe(true);
		expect(validateSarif.errors ?? []).toEqual([]);
		const results = sarif.runs[0].results as Array<{
			ruleId: string;
			locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
		}>;
		expect(results.map((r) => r.ruleId)).toEqual(['KV005', 'KV015', 'KV020']);
		expect(results[1]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('broken.json');
	});

	it('passes on a clean template, expands globs itself and honours the output, lang and fail-on inputs', () => {
		const passed = runAction({ paths: 'clean.json', output: 'reports/kv.sarif' });
		expect(passed.status).toBe(0);
		expect(passed.report.outputs).toEqual({ 'sarif-file': 'reports/kv.sarif', 'exit-code': '0' });
		const sarif = JSON.parse(readFileSync(join(workspace, 'reports/kv.sarif'), 'utf8'));
		expect(validateSarif(sarif)).toBe(true);
		expect(sarif.runs[0].results).toEqual([]);

		const ja = runAction({ paths: '*.json', lang: 'ja', 'fail-on': 'warning' });
		expect(ja.status).toBe(1);
		const log = JSON.parse(readFileSync(join(workspace, 'kvcert.sarif'), 'utf8'));
		expect(validateSarif(log)).toBe(true);
		expect(log.runs[0].results[1].message.text).toContain('/secrets/ を使ってください');
	});

	it('writes annotations and a step summary with format github', () => {
		const { status, stdout, summary, report } = runAction({
			paths: 'broken.json clean.json',
			format: 'github',
		});
		expect(status).toBe(1);
		expect(report.outputs['sarif-file']).toBe('');
		expect(stdout).toMatch(
			/^::error file=broken\.json,line=29,col=57,endLine=29,endColumn=69,title=KV015 certificates-path::/m
		);
		expect(summary).toContain('## kvcert check');
		expect(summary).toContain('| error | KV015 | broken.json | 29:57 |');
		expect(existsSync(join(workspace, 'kvcert.sarif'))).toBe(false);

		const quiet = runAction({ paths: 'clean.json', format: 'github' });
		expect(quiet).toMatchObject({ status: 0, summary: '' });
	});

	it('stops with exit code 2 and a message for an unreadable path', () => {
		const { status, stdout, report } = runAction({ paths: 'missing.json' });
		expect(status).toBe(2);
		expect(report.outputs['exit-code']).toBe('2');
		expect(stdout).not.toContain('::error');
	});
});
