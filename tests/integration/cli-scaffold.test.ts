import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

// `kvcert scaffold` as users run it, over OS × target × identity × format: every folder it writes
// passes `kvcert check --fail-on warning`, the gate a CI pipeline would put on it.
const bin = new URL('../../bin/kvcert.mjs', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'kvcert-scaffold-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

function kvcert(args: string[], env: Record<string, string> = {}): Promise<Run> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			[bin, ...args],
			{ cwd: temp, env: { ...process.env, LANG: 'en_US.UTF-8', KVCERT_LANG: '', ...env } },
			(error, stdout, stderr) =>
				resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

/** The shortest scaffold command line for an OS, followed by more options. */
const scaffoldArgs = (os: 'windows' | 'linux', ...more: string[]) => [
	'scaffold',
	'--os',
	os,
	'--vault',
	'kv1',
	'--cert',
	'a',
	...more,
];

/** Runs `work` over `items`, a few at a time (the machine's CPUs are shared). */
async function inBatches<T, R>(items: T[], work: (item: T) => Promise<R>, size = 4): Promise<R[]> {
	const results: R[] = [];
	for (let i = 0; i < items.length; i += size)
		results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
	return results;
}

const identityId =
	'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/identity-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/web-identity';
const combinations = (['windows', 'linux'] as const).flatMap((os) =>
	(['vm', 'vmss'] as const).flatMap((target) =>
		(['system', 'user'] as const).flatMap((identity) =>
			(['arm', 'bicep', 'terraform', 'azcli', 'powershell'] as const).map((format) => ({
				os,
				target,
				identity,
				format,
				folder: join(temp, `${os}-${target}-${identity}-${format}`),
			}))
		)
	)
);

describe('kvcert scaffold', () => {
	test('OS × target × identity × format: every output passes kvcert check --fail-on warning', async () => {
		const written = await inBatches(combinations, (c) =>
			kvcert([
				'scaffold',
				'--os',
				c.os,
				'--target',
				c.target,
				'--identity',
				c.identity === 'system' ? 'system' : 'user:3f2504e0-4f89-41d3-9a0c-0305e82c3301',
				...(c.identity === 'user' ? ['--identity-id', identityId] : []),
				'--vault',
				'contoso-kv',
				'--cert',
				'webcert,apicert',
				'--format',
				c.format,
				'--out',
				c.folder,
			])
		);
		written.forEach((run, i) =>
			expect(run, JSON.stringify(combinations[i])).toMatchObject({ code: 0 })
		);

		// One check over every folder but the ARM ones (an ARM template is paired with the
		// parameters file beside it by name, so each ARM folder is checked on its own).
		const arm = combinations.filter((c) => c.format === 'arm');
		const others = combinations.filter((c) => c.format !== 'arm');
		const runs = await inBatches([others, ...arm.map((c) => [c])], (group) =>
			kvcert([
				'check',
				'--fail-on',
				'warning',
				'--format',
				'json',
				...group.flatMap((c) => readdirSync(c.folder).map((f) => join(c.folder, f))),
			])
		);
		for (const run of runs) {
			expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
			const report = JSON.parse(run.stdout) as {
				files: Array<{ file: string; extensions: number; diagnostics: unknown[] }>;
				summary: { errors: number; warnings: number };
			};
			expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
			// In every folder the extension was found (in the script, the template or the .tf file).
			const folders = new Set(report.files.map((f) => f.file.slice(0, f.file.lastIndexOf('/'))));
			for (const folder of folders)
				expect(
					report.files
						.filter((f) => f.file.startsWith(`${folder}/`))
						.reduce((n, f) => n + f.extensions, 0),
					folder
				).toBeGreaterThan(0);
		}
		// Every folder was checked.
		expect(runs.length).toBe(arm.length + 1);
	}, 600_000);

	test('writes the files a format has, a script executable', async () => {
		const folder = join(temp, 'files');
		const run = await kvcert(scaffoldArgs('linux', '--format', 'azcli', '--out', folder));
		expect(run.code).toBe(0);
		expect(readdirSync(folder).sort()).toEqual(['deploy.sh', 'settings.json']);
		expect(statSync(join(folder, 'deploy.sh')).mode & 0o111).not.toBe(0);
		expect(readFileSync(join(folder, 'deploy.sh'), 'utf8')).toContain('--settings @settings.json');
	});

	test('an impossible combination: exit 2, each reason in the user’s language with its option', async () => {
		const args = scaffoldArgs('linux', '--link-name', 'x', '--polling', '30');
		const en = await kvcert(args);
		expect(en.code).toBe(2);
		expect(en.stdout).toBe('');
		expect(en.stderr).toContain('--polling: Version 4.0 polls every 300 to 3600 seconds');
		expect(en.stderr).toContain(
			'--link-name: customSymbolicLinkName was removed in Linux version 4.0.'
		);
		const ja = await kvcert([...args, '--lang', 'ja']);
		expect(ja.code).toBe(2);
		expect(ja.stderr).toContain('--polling: バージョン 4.0 のポーリング間隔は 300～3600 秒');
	});

	test('usage errors and help, in both languages', async () => {
		const missing = await kvcert(['scaffold', '--os', 'windows', '--cert', 'a']);
		expect(missing).toMatchObject({ code: 2 });
		expect(missing.stderr).toContain('--vault is required');
		const help = await kvcert(['scaffold', '--help'], { KVCERT_LANG: 'ja' });
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('kvcert scaffold --os windows|linux');
		expect(help.stdout).toContain('終了コード');
		const unwritable = await kvcert(scaffoldArgs('windows', '--out', '/proc/kvcert-nope'));
		expect(unwritable.code).toBe(2);
		expect(unwritable.stderr).toContain('cannot write');
	});

	test('without --out, the files are printed, each under its name when there are several', async () => {
		const run = await kvcert(scaffoldArgs('windows'));
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^==> azuredeploy\.json <==\n\{/);
		expect(run.stdout).toContain('\n==> azuredeploy.parameters.json <==\n');
	});
});
