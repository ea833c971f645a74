// The pre-commit hook for real: the machine's pre-commit (Debian's 3.0.4 in CI; .ci/run installs
// it) installs the hook from a git clone of this repository's committed files and runs it on a
// throwaway repository. Nothing is built or installed at install time: the hook runs the committed
// dist-cli/kvcert.js.
import { execFileSync, spawnSync } from 'node:child_process';
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'kvcert-pre-commit-'));
const hookRepo = join(temp, 'kvcert');
const project = join(temp, 'project');
const home = join(temp, 'cache');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const git = (cwd: string, ...args: string[]) =>
	execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], {
		cwd,
		encoding: 'utf8',
		stdio: 'pipe',
	});

const preCommitVersion = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });

beforeAll(() => {
	// The hook repository: this repository's tracked files (the working copy of them, so that a
	// change is tested before it is committed), committed into a fresh git repository.
	const files = git(root, 'ls-files', '-z').split('\0').filter(Boolean);
	for (const file of files) {
		const target = join(hookRepo, file);
		mkdirSync(dirname(target), { recursive: true });
		try {
			copyFileSync(join(root, file), target);
		} catch {
			// A file deleted in the working copy but still tracked.
		}
	}
	execFileSync('chmod', ['+x', join(hookRepo, 'dist-cli/kvcert.js')]);
	git(hookRepo, 'init', '-q');
	git(hookRepo, 'add', '-A');
	git(hookRepo, 'commit', '-q', '-m', 'hook');
	const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();

	git(temp, 'init', '-q', project);
	mkdirSync(join(project, 'infra'));
	copyFileSync(
		join(root, 'tests/fixtures/check/learn-windows-top-level.json'),
		join(project, 'infra/broken.json')
	);
	copyFileSync(
		join(root, 'samples/arm/windows-vm-extension.json'),
		join(project, 'infra/clean.json')
	);
	writeFileSync(join(project, 'build.sh'), '#!/usr/bin/env bash\nnpm ci\nnpm test\n');
	writeFileSync(
		join(project, '.pre-commit-config.yaml'),
		`repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: kvcert-check\n`
	);
	git(project, 'add', '-A');
}, 120_000);

function preCommit(...args: string[]) {
	const result = spawnSync('pre-commit', args, {
		cwd: project,
		encoding: 'utf8',
		env: {
			...process.env,
			PRE_COMMIT_HOME: home,
			LANG: 'en_US.UTF-8',
			LC_ALL: '',
			KVCERT_LANG: '',
			NO_COLOR: '1',
		},
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the pre-commit hook', { timeout: 180_000 }, () => {
	it('is a script hook on the committed, executable bundle, for every file kind kvcert reads', () => {
		const [hook] = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
			id: string;
			entry: string;
			language: string;
			files: string;
			minimum_pre_commit_version?: string;
		}>;
		expect(hook).toMatchObject({
			id: 'kvcert-check',
			language: 'script',
			entry: 'dist-cli/kvcert.js check',
		});
		expect(hook!.minimum_pre_commit_version).toBeUndefined();
		expect(git(root, 'ls-files', '-s', 'dist-cli/kvcert.js')).toMatch(/^100755 /);
		const files = new RegExp(hook!.files);
		for (const name of [
			'infra/azuredeploy.json',
			'a.parameters.json',
			'deploy.sh',
			'Set-Kv.ps1',
			'main.bicep',
			'main.bicepparam',
			'main.tf',
		])
			expect(name).toMatch(files);
		for (const name of ['README.md', 'pipeline.yml']) expect(name).not.toMatch(files);
	});

	// Skipped only off CI when pre-commit is missing; .ci/run installs it, so CI always runs it.
	it.skipIf(preCommitVersion.status !== 0 && !process.env['CI'])(
		`installs and reports KV015 in a broken template with ${preCommitVersion.stdout.trim() || 'pre-commit'}`,
		() => {
			const install = preCommit('install-hooks');
			expect(install.output).not.toMatch(/error/i);
			expect(install.status).toBe(0);
			// Nothing was installed for the hook: no node_modules, no npm in the environment.
			const repos = readdirSync(home).filter((d) => d.startsWith('repo'));
			for (const repo of repos) expect(readdirSync(join(home, repo))).not.toContain('node_modules');

			const failing = preCommit('run', '--all-files');
			expect(failing.status).toBe(1);
			expect(failing.output).toContain('kvcert check (Key Vault VM extension settings)');
			expect(failing.output).toContain('Failed');
			expect(failing.output).toContain('error[KV015]');
			expect(failing.output).toContain('--> infra/broken.json:29:57');
			// The build script beside it is read as commands with nothing to check, never exit 2.
			expect(failing.output).toContain('build.sh: no Key Vault VM extension found.');

			git(project, 'rm', '-q', '-f', 'infra/broken.json');
			const passing = preCommit('run', '--all-files');
			expect(passing.output).toMatch(/kvcert check \(Key Vault VM extension settings\)\.+Passed/);
			expect(passing.status).toBe(0);
		}
	);
});
