// The GitHub Action run as a runner runs it: scripts/run-action.mjs starts `node <main>` from a copy
// of only the committed files the action needs (action.yml and dist-cli/, as `uses:` downloads
// them: no node_modules, nothing built), with INPUT_ variables, in a workspace whose path holds a
// space.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	copyFileSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sharedDataFile } from '../support/shared-data.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Microsoft Learn's extension example (three errors) and the site's clean Windows sample.
const broken = join(root, 'tests/fixtures/check/learn-windows-top-level.json');
const clean = join(root, 'samples/arm/windows-vm-extension.json');
// The schema lives outside the repository, in the shared folder beside it.
const schema = JSON.parse(readFileSync(sharedDataFile('sarif-schema-2.1.0.json'), 'utf8'));
const validateSarif = new Ajv({ allErrors: true, strict: false, validateFormats: false }).compile(
	schema
);

const temp = mkdtempSync(join(tmpdir(), 'kvcert-action-'));
const actionCopy = join(temp, 'action');
let workspace = '';
beforeAll(() => {
	// What `uses: owner/kvcert@ref` gets: the repository's files; the action needs action.yml and
	// the committed bundle only, so nothing else is copied.
	const files = execFileSync('git', ['ls-files', 'action.yml', 'dist-cli'], {
		cwd: root,
		encoding: 'utf8',
	})
		.split('\n')
		.filter(Boolean);
	for (const file of files) {
		mkdirSync(dirname(join(actionCopy, file)), { recursive: true });
		copyFileSync(join(root, file), join(actionCopy, file));
	}
});
afterAll(() => rmSync(temp, { recursive: true, force: true }));
beforeEach(() => {
	workspace = mkdtempSync(join(temp, 'work space-'));
	execFileSync('git', ['init', '-q', workspace]);
	mkdirSync(join(workspace, 'infra/web app'), { recursive: true });
	copyFileSync(broken, join(workspace, 'infra/web app/kv settings.json'));
	copyFileSync(clean, join(workspace, 'infra/clean.json'));
});

let runs = 0;
function runAction(inputs: Record<string, string>) {
	const summary = join(workspace, `summary-${++runs}.md`);
	const result = spawnSync(
		process.execPath,
		[
			join(root, 'scripts/run-action.mjs'),
			'--workspace',
			workspace,
			'--action',
			actionCopy,
			'--summary',
			summary,
			...Object.entries(inputs).flatMap(([name, value]) => ['--input', `${name}=${value}`]),
		],
		{
			encoding: 'utf8',
			env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '', KVCERT_LANG: '' },
		}
	);
	const line = result.stdout.split('\n').find((l) => l.startsWith('run-action: '));
	const report = JSON.parse(line!.slice('run-action: '.length)) as {
		exitCode: number;
		outputs: Record<string, string>;
	};
	return {
		status: result.status,
		log: result.stdout.slice(0, result.stdout.indexOf('run-action: ')) + result.stderr,
		report,
		summary: existsSync(summary) ? readFileSync(summary, 'utf8') : '',
	};
}

const annotations = (log: string) =>
	log.split('\n').filter((l) => /^::(?:error|warning|notice)/.test(l));

describe('the GitHub Action', { timeout: 60_000 }, () => {
	it('is a node24 JavaScript action from the committed bundle, with the documented inputs', () => {
		const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
		expect(action.runs).toEqual({ using: 'node24', main: 'dist-cli/action.js' });
		for (const input of [
			'paths',
			'format',
			'fail-on',
			'max-warnings',
			'lang',
			'parameters',
			'config',
			'baseline',
			'working-directory',
			'output',
		])
			expect(action.inputs).toHaveProperty(input);
	});

	it('writes a SARIF file that validates, prints the text report, and says why it fails', () => {
		const { status, log, report } = runAction({
			paths: 'infra/web app/kv settings.json\ninfra/clean.json',
		});
		expect(status).toBe(1);
		expect(report.outputs).toEqual({
			'sarif-file': 'kvcert.sarif',
			'report-file': 'kvcert.sarif',
			'exit-code': '1',
		});
		// The log shows the findings although the report went to a file.
		expect(log).toContain('error[KV015]: The URL points to /certificates/');
		expect(log).toContain('--> infra/web app/kv settings.json:29:57');
		expect(annotations(log)).toEqual([
			'::error title=kvcert::kvcert check: 3 findings at or above error (fail-on: error); the report in the step log lists them.',
		]);
		const sarif = JSON.parse(readFileSync(join(workspace, 'kvcert.sarif'), 'utf8'));
		expect(validateSarif(sarif)).toBe(true);
		const results = sarif.runs[0].results as Array<{
			ruleId: string;
			locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }>;
		}>;
		expect(results.map((r) => r.ruleId)).toEqual(['KV005', 'KV015', 'KV020']);
		expect(results[1]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
			'infra/web%20app/kv%20settings.json'
		);
	});

	it('takes paths with spaces on one line when quoted, a working directory, lang and fail-on', () => {
		const ja = runAction({
			paths: '"web app/kv settings.json" clean.json',
			'working-directory': 'infra',
			lang: 'ja',
			'fail-on': 'warning',
			output: 'reports/kv.sarif',
		});
		expect(ja.status).toBe(1);
		expect(ja.report.outputs['sarif-file']).toBe('reports/kv.sarif');
		const log = JSON.parse(readFileSync(join(workspace, 'infra/reports/kv.sarif'), 'utf8'));
		expect(validateSarif(log)).toBe(true);
		// Files are named from the repository root, whatever the working directory.
		expect(log.runs[0].results[1].locations[0].physicalLocation.artifactLocation.uri).toBe(
			'infra/web%20app/kv%20settings.json'
		);
		expect(log.runs[0].results[1].message.text).toContain('/secrets/ を使ってください');
		expect(ja.log).toContain('警告');

		const passed = runAction({ paths: 'infra/clean.json' });
		expect(passed.status).toBe(0);
		expect(annotations(passed.log)).toEqual([]);
		expect(passed.log).toContain(
			'infra/clean.json: 1 Key Vault VM extension(s), no problems found.'
		);
	});

	it('fails on max-warnings, and reads the config and a baseline', () => {
		writeFileSync(
			join(workspace, 'kvcert.config.json'),
			'{ "rules": { "KV005": "warning", "KV015": "warning", "KV020": "warning" } }\n'
		);
		const warnings = runAction({ paths: 'infra', 'max-warnings': '2' });
		expect(warnings.status).toBe(1);
		expect(annotations(warnings.log)).toEqual([
			'::error title=kvcert::kvcert check: 3 warnings, more than max-warnings 2.',
		]);
		expect(runAction({ paths: 'infra', 'max-warnings': '3' }).status).toBe(0);
		writeFileSync(join(workspace, 'other.json'), '{ "rules": {} }\n');
		execFileSync(
			process.execPath,
			[
				join(root, 'bin/kvcert.mjs'),
				'check',
				'infra',
				'--config',
				'other.json',
				'--update-baseline',
			],
			{
				cwd: workspace,
				stdio: 'pipe',
			}
		);
		expect(
			runAction({ paths: 'infra', config: 'other.json', baseline: 'kvcert-baseline.json' }).status
		).toBe(0);
	});

	it('writes annotations and a step summary with format github, keeping a slot for why it failed', () => {
		// 12 errors: 9 annotations, then the failure's own; the rest is named in the log, not annotated.
		for (let i = 0; i < 3; i++) copyFileSync(broken, join(workspace, `infra/copy-${i}.json`));
		const { status, log, summary, report } = runAction({ paths: 'infra', format: 'github' });
		expect(status).toBe(1);
		expect(report.outputs['sarif-file']).toBe('');
		const lines = annotations(log);
		expect(lines.filter((l) => l.startsWith('::error file='))).toHaveLength(9);
		expect(lines).toHaveLength(10);
		expect(lines[9]).toBe(
			'::error title=kvcert::kvcert check: 12 findings at or above error (fail-on: error); the report in the step log lists them.'
		);
		expect(log).toContain(
			'kvcert: 3 more finding(s) beyond GitHub’s annotation limit were written to the job summary.'
		);
		expect(log).toContain('kvcert check report:\ninfra/clean.json: 1 Key Vault VM extension(s)');
		expect(summary).toContain('| error | KV015 | infra/copy-0.json | 29:57 |');
		expect(existsSync(join(workspace, 'kvcert.sarif'))).toBe(false);
	});

	it('says why when a path cannot be read (exit 2), with the message in the log', () => {
		const { status, log, report } = runAction({ paths: 'missing.json' });
		expect(status).toBe(2);
		expect(report.outputs['exit-code']).toBe('2');
		expect(log).toContain('kvcert check: missing.json does not exist.');
		expect(annotations(log)).toEqual([
			'::error title=kvcert::kvcert check could not run (exit code 2: a wrong input, or a file that cannot be read or written); the error message in the step log says which.',
		]);
	});
});
