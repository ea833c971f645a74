// kvcert check in a team's repository, step by step as an adopter meets it, in a throwaway git
// repository: unrelated files skipped, no localhost links, inline suppressions kept in SARIF, the
// config, a baseline that survives lines moving, paths from the repository root, JUnit, explain,
// settings files named by scripts under their real path (and fixed), absolute paths.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
	existsSync,
	unlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Microsoft Learn's extension example (KV005, KV015, KV020) and the site's clean Windows sample.
const brokenTemplate = readFileSync(
	join(root, 'tests/fixtures/check/learn-windows-top-level.json'),
	'utf8'
);
const cleanTemplate = join(root, 'samples/arm/windows-vm-extension.json');
const repo = mkdtempSync(join(tmpdir(), 'kvcert-repo-'));
afterAll(() => rmSync(repo, { recursive: true, force: true }));

execFileSync('git', ['init', '-q', repo]);
mkdirSync(join(repo, 'infra'));
mkdirSync(join(repo, 'deploy'));
copyFileSync(cleanTemplate, join(repo, 'infra/clean.json'));
writeFileSync(join(repo, 'build.sh'), '#!/usr/bin/env bash\nset -e\nnpm ci\nnpm test\n');
writeFileSync(join(repo, 'package.json'), '{ "name": "app", "private": true }\n');

function kvcert(args: string[], cwd = repo, env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [join(root, 'bin/kvcert.mjs'), ...args], {
		cwd,
		encoding: 'utf8',
		env: {
			...process.env,
			LANG: 'en_US.UTF-8',
			LC_ALL: '',
			LC_MESSAGES: '',
			KVCERT_LANG: '',
			KVCERT_DOCS_URL: '',
			GITHUB_STEP_SUMMARY: '',
			...env,
		},
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

type SarifResult = {
	ruleId: string;
	level?: string;
	locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
	suppressions?: Array<{ kind: string; justification?: string }>;
	partialFingerprints?: Record<string, string>;
	baselineState?: string;
};
const sarifResults = (stdout: string) => JSON.parse(stdout).runs[0].results as SarifResult[];

describe('kvcert check in a repository', { timeout: 120_000 }, () => {
	it('skips an unrelated build script and package.json beside a clean template, and exits 0', () => {
		const run = kvcert(['check', '.']);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(
			'infra/clean.json: 1 Key Vault VM extension(s), no problems found.'
		);
		expect(run.stdout).not.toContain('build.sh');
		expect(run.stdout).toContain('2 files skipped');
		const verbose = kvcert(['check', '.', '--verbose']);
		expect(verbose.stdout).toContain('build.sh: nothing kvcert reads');
		expect(verbose.stdout).toContain('package.json: nothing kvcert reads');
		// Named, the script is read as commands: nothing to check, exit 0 (never 2).
		expect(kvcert(['check', 'build.sh'])).toMatchObject({
			status: 0,
			stdout: 'build.sh: no Key Vault VM extension found.\n',
		});
	});

	it('exits 1 on a broken template, with no localhost link', () => {
		writeFileSync(join(repo, 'infra/broken.json'), brokenTemplate);
		const run = kvcert(['check', '.']);
		expect(run.status).toBe(1);
		expect(run.stdout).toContain('--> infra/broken.json:29:57');
		expect(run.stdout).toContain('= docs: kvcert explain KV015');
		expect(run.stdout).not.toMatch(/localhost|127\.0\.0\.1/);
		const sarif = JSON.parse(kvcert(['check', '.', '--format', 'sarif']).stdout);
		const driver = sarif.runs[0].tool.driver;
		expect(driver.informationUri).toBeUndefined();
		expect(driver.rules.filter((r: { helpUri?: string }) => r.helpUri)).toEqual([]);
		expect(JSON.stringify(sarif)).not.toContain('localhost:4321');
		expect(kvcert(['check', '.', '--docs-url', 'https://docs.example.test']).stdout).toContain(
			'= docs: https://docs.example.test/en/rules/certificates-path/'
		);
	});

	it('keeps a finding suppressed by a comment in SARIF, with its reason, and out of the text report', () => {
		const lines = brokenTemplate.split('\n');
		const at = lines.findIndex((l) =>
			l.includes('"url": "https://myvault.vault.azure.net/certificates/')
		);
		lines.splice(
			at,
			0,
			'          // kvcert-disable-next-line KV015 -- migration to /secrets/ in March'
		);
		writeFileSync(join(repo, 'infra/broken.json'), lines.join('\n'));
		const sarif = sarifResults(kvcert(['check', 'infra/broken.json', '--format', 'sarif']).stdout);
		const kv015 = sarif.find((r) => r.ruleId === 'KV015')!;
		expect(kv015.suppressions).toEqual([
			{ kind: 'inSource', status: 'accepted', justification: 'migration to /secrets/ in March' },
		]);
		const text = kvcert(['check', 'infra/broken.json']);
		expect(text.stdout).not.toContain('KV015');
		expect(text.stdout).toContain('1 finding suppressed by a comment');
		expect(kvcert(['check', 'infra/broken.json', '--verbose']).stdout).toContain(
			'= suppressed: migration to /secrets/ in March'
		);
		// Without a reason: still suppressed, and a KV060 warning says the reason is missing.
		writeFileSync(
			join(repo, 'infra/broken.json'),
			lines.join('\n').replace(' -- migration to /secrets/ in March', '')
		);
		expect(kvcert(['check', 'infra/broken.json']).stdout).toContain(
			'warning[KV060]: The suppression has no reason'
		);
		writeFileSync(join(repo, 'infra/broken.json'), brokenTemplate);
	});

	it('drops KV015 when kvcert.config.json turns it off, skips its ignores, and refuses an unknown rule', () => {
		writeFileSync(
			join(repo, 'kvcert.config.json'),
			'{ "rules": { "KV015": "off", "KV020": "warning" } }\n'
		);
		const run = kvcert(['check', 'infra', '--format', 'json']);
		const findings = JSON.parse(run.stdout).files.flatMap(
			(f: { diagnostics: Array<{ ruleId: string; severity: string }> }) => f.diagnostics
		);
		expect(findings.map((d: { ruleId: string }) => d.ruleId)).toEqual(['KV005', 'KV020']);
		expect(findings[1].severity).toBe('warning');
		// ignores, relative to the config's folder: a folder pattern covers what is inside it.
		mkdirSync(join(repo, 'legacy'));
		writeFileSync(join(repo, 'legacy/old.json'), brokenTemplate);
		writeFileSync(join(repo, 'kvcert.config.json'), '{ "ignores": ["legacy/"] }\n');
		const ignored = kvcert(['check', '.', '--verbose']);
		expect(ignored.stdout).not.toContain('--> legacy/old.json');
		expect(ignored.stdout).toContain('legacy/old.json: ignored by the config’s ignores');
		writeFileSync(join(repo, 'elsewhere.json'), '{ "ignores": ["legacy/"] }\n');
		expect(kvcert(['check', 'legacy', '--config', 'elsewhere.json']).stdout).toContain(
			'1 file skipped'
		);
		rmSync(join(repo, 'legacy'), { recursive: true });
		unlinkSync(join(repo, 'elsewhere.json'));
		writeFileSync(
			join(repo, 'kvcert.config.json'),
			'{ "rules": { "KV999": "off" }, "colour": true }\n'
		);
		const bad = kvcert(['check', 'infra']);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('kvcert.config.json:1:14: there is no rule "KV999"');
		expect(bad.stderr).toContain('kvcert.config.json:1:32: unknown setting "colour"');
		unlinkSync(join(repo, 'kvcert.config.json'));
	});

	it('accepts known findings with a baseline, still after they move down, and fails on a new file', () => {
		const update = kvcert(['check', '.', '--update-baseline']);
		expect(update.status).toBe(0);
		expect(update.stderr).toContain('wrote 3 finding(s) to the baseline kvcert-baseline.json');
		expect(kvcert(['check', '.', '--baseline', 'kvcert-baseline.json']).status).toBe(0);
		writeFileSync(join(repo, 'infra/broken.json'), `\n\n${brokenTemplate}`);
		const moved = kvcert(['check', '.', '--baseline', 'kvcert-baseline.json']);
		expect(moved.status).toBe(0);
		expect(moved.stdout).toContain('3 known findings in the baseline');
		const sarif = sarifResults(
			kvcert(['check', '.', '--baseline', 'kvcert-baseline.json', '--format', 'sarif']).stdout
		);
		// The baseline holds what fails a run (errors, warnings); infos such as the placeholder in
		// Learn's example (KV054) are reported as they come and never fail it.
		const failing = sarif.filter((r) => r.level !== 'note');
		expect(failing.map((r) => r.baselineState)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		expect(sarif.filter((r) => r.level === 'note').map((r) => r.ruleId)).toEqual(['KV054']);
		expect(
			failing.every((r) => /^[0-9a-f]{28}:1$/.test(r.partialFingerprints!['kvcertFindingHash/v1']!))
		).toBe(true);
		writeFileSync(join(repo, 'infra/broken2.json'), brokenTemplate);
		const added = kvcert(['check', '.', '--baseline', 'kvcert-baseline.json']);
		expect(added.status).toBe(1);
		expect(added.stdout).toContain('--> infra/broken2.json:29:57');
		expect(added.stdout).not.toContain('--> infra/broken.json');
		unlinkSync(join(repo, 'infra/broken2.json'));
	});

	it('names files from the repository root in SARIF written from a subfolder, and takes absolute paths', () => {
		const fromSub = sarifResults(
			kvcert(['check', '.', '--format', 'sarif'], join(repo, 'infra')).stdout
		);
		expect(fromSub[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
			uri: 'infra/broken.json',
			uriBaseId: '%SRCROOT%',
		});
		const absolute = kvcert(['check', join(repo, 'infra')], join(repo, 'deploy'));
		expect(absolute.status).toBe(1);
		expect(absolute.stdout).toContain(`--> ${join(repo, 'infra/broken.json')}:31:57`);
		const github = kvcert(['check', '../infra', '--format', 'github'], join(repo, 'deploy'));
		expect(github.stdout).toMatch(/^::error file=infra\/broken\.json,line=31,col=57,/m);
	});

	it('reports failures in JUnit', () => {
		const run = kvcert(['check', 'infra', '--format', 'junit']);
		expect(run.status).toBe(1);
		expect(run.stdout).toMatch(
			/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="kvcert check" tests="4" failures="3"/
		);
		expect(run.stdout).toContain('<testsuite name="infra/broken.json" tests="3" failures="3"');
		expect(run.stdout).toContain('<failure type="error" message="The URL points to /certificates/');
		expect(run.stdout).toContain(
			'<testcase classname="infra/clean.json" name="kvcert check infra/clean.json"'
		);
	});

	it('explains a rule in Japanese, and lists the rules', () => {
		const run = kvcert(['explain', 'KV010', '--lang', 'ja']);
		expect(run.status).toBe(0);
		expect(run.stdout).toContain(
			'KV010 polling-interval-string: pollingIntervalInS は数字の文字列にします'
		);
		expect(run.stdout).toContain('誤りの例:');
		expect(run.stdout).toContain('出典:');
		expect(kvcert(['explain', 'certificates-path']).stdout).toContain('KV015 certificates-path');
		expect(kvcert(['explain', 'KV999']).status).toBe(2);
		expect(kvcert(['rules']).stdout).toMatch(/^KV001 {2}publisher/);
	});

	it('reports a settings file named by a script under its real path, once, and fixes it', () => {
		copyFileSync(join(root, 'tests/fixtures/check/az-cli.sh'), join(repo, 'deploy/az-cli.sh'));
		writeFileSync(
			join(repo, 'deploy/az-cli.settings.json'),
			readFileSync(join(root, 'tests/fixtures/check/az-cli.settings.json'), 'utf8').replace(
				'"pollingIntervalInS": "3600"',
				'"pollingIntervalInS": 3600'
			)
		);
		const run = kvcert(['check', 'deploy', '--format', 'json']);
		const files = JSON.parse(run.stdout).files as Array<{
			file: string;
			diagnostics: Array<{ file: string; ruleId: string }>;
		}>;
		const inSettings = files
			.flatMap((f) => f.diagnostics)
			.filter((d) => d.file.includes('settings'));
		expect(inSettings.map((d) => `${d.file} ${d.ruleId}`)).toEqual([
			'deploy/az-cli.settings.json KV010',
			'deploy/az-cli.settings.json KV034',
			'deploy/az-cli.settings.json KV032',
		]);
		const fixed = kvcert(['check', 'deploy/az-cli.sh', '--fix']);
		expect(fixed.stderr).toContain('deploy/az-cli.settings.json:3:27 fixed KV010');
		expect(readFileSync(join(repo, 'deploy/az-cli.settings.json'), 'utf8')).toContain(
			'"pollingIntervalInS": "3600"'
		);
		expect(existsSync(join(repo, 'az-cli.settings.json'))).toBe(false);
	});
});
