// The pre-commit hook: its entry is the package's bin, its file pattern picks what kvcert reads, and
// the command pre-commit runs (entry + staged file names) behaves as documented.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{
	id: string;
	entry: string;
	language: string;
	files: string;
}>;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	bin: Record<string, string>;
};

describe('the pre-commit hook', () => {
	const hook = hooks.find((h) => h.id === 'kvcert-check')!;

	it('runs the package’s kvcert bin on the files kvcert reads', () => {
		expect(hook.language).toBe('node');
		const [command, ...args] = hook.entry.split(' ');
		expect(Object.keys(pkg.bin)).toContain(command);
		expect(args).toEqual(['check']);
		const files = new RegExp(hook.files);
		for (const name of ['infra/azuredeploy.json', 'a.parameters.json', 'deploy.sh', 'Set-Kv.ps1'])
			expect(name).toMatch(files);
		for (const name of ['README.md', 'main.bicep', 'main.tf', 'pipeline.yml'])
			expect(name).not.toMatch(files);
	});

	it('fails the commit on an error and passes a clean file, as pre-commit runs the entry', () => {
		const run = (files: string[]) =>
			spawnSync(process.execPath, [join(root, pkg.bin['kvcert']!), 'check', ...files], {
				cwd: root,
				encoding: 'utf8',
				env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', KVCERT_LANG: '' },
			});
		const failing = run([
			'samples/arm/windows-vm-extension.json',
			'tests/fixtures/check/learn-windows-top-level.json',
		]);
		expect(failing.status).toBe(1);
		expect(failing.stdout).toContain('--> tests/fixtures/check/learn-windows-top-level.json:29:57');
		expect(run(['samples/arm/windows-vm-extension.json']).status).toBe(0);
	});
});
