// A checked script is someone else's text (a pull request): the settings files it names are read
// only inside the checked file's folder or the repository, never a special file, and never shown
// unless they are settings (security review N5). File names with terminal escapes never reach the
// terminal raw (N6).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'kvcert-untrusted-'));
const repo = join(temp, 'repo');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

mkdirSync(join(repo, 'deploy/web'), { recursive: true });
execFileSync('git', ['init', '-q', repo]);
// Outside the repository: a settings-looking file that holds a secret.
writeFileSync(join(temp, 'secret.json'), '{ "token": "canary-OUTSIDE-77" }\n');
// Inside the repository, not settings: a text file that holds a secret.
writeFileSync(join(repo, 'notes.txt'), 'TOKEN=canary-NOTES-55\n');
symlinkSync('/etc/passwd', join(repo, 'deploy/passwd.json'));
// Inside the repository, one folder up from the script: read.
writeFileSync(
	join(repo, 'deploy/shared.settings.json'),
	'{ "secretsManagementSettings": { "pollingIntervalInS": 3600, "observedCertificates": ["https://kv.vault.azure.net/secrets/web"] } }\n'
);

const azSet = (settings: string) =>
	`az vm extension set --resource-group rg --vm-name vm --publisher Microsoft.Azure.KeyVault --name KeyVaultForLinux --version 3.0 --settings ${settings}\n`;

function kvcert(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, [join(root, 'bin/kvcert.mjs'), 'check', ...args], {
		cwd: repo,
		encoding: 'utf8',
		env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', KVCERT_LANG: '', ...env },
	});
	return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

describe('settings files named by a checked script (N5)', { timeout: 120_000 }, () => {
	it('never reads /proc, absolute paths elsewhere, ../ out of the tree, or links that lead out', () => {
		const scripts: Record<string, string> = {
			'environ.sh': azSet('@/proc/self/environ'),
			'passwd.sh': azSet('@/etc/passwd'),
			'climb.sh': azSet('@../../../../../../../../etc/passwd'),
			'outside.sh': azSet('@../../../secret.json'),
			'link.sh': azSet('@../passwd.json'),
			'notes.sh': azSet('@../../notes.txt'),
			'environ.ps1':
				'Set-AzVMExtension -ResourceGroupName rg -VMName vm -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForLinux -TypeHandlerVersion 3.0 -SettingString (Get-Content -Raw /proc/self/environ)\n',
		};
		for (const [name, text] of Object.entries(scripts))
			writeFileSync(join(repo, 'deploy/web', name), text);
		for (const [format, name] of [
			['text', 'environ.sh'],
			['json', 'environ.sh'],
			['sarif', 'environ.sh'],
			['text', 'passwd.sh'],
			['text', 'climb.sh'],
			['text', 'outside.sh'],
			['text', 'link.sh'],
			['text', 'notes.sh'],
			['text', 'environ.ps1'],
		]) {
			const run = kvcert([`deploy/web/${name}`, '--format', format!], {
				CANARY_TOKEN: 'canary-ENV-99',
			});
			expect(run.status, run.out).toBe(0);
			expect(run.out).not.toMatch(/canary-|root:x:0:0/);
			expect(run.out).toMatch(/cannot be read|is not known|could not be read|unreadSettings/);
		}
		expect(kvcert(['deploy/web/environ.sh']).out).toContain(
			'Settings not read: file "/proc/self/environ" cannot be read'
		);
	});

	it('reads a settings file in the repository, under its real path', () => {
		writeFileSync(join(repo, 'deploy/web/shared.sh'), azSet('@../shared.settings.json'));
		const run = kvcert(['deploy/web/shared.sh']);
		expect(run.status).toBe(1);
		expect(run.out).toContain('error[KV010]');
		expect(run.out).toContain('--> deploy/shared.settings.json:1:56');
	});
});

describe('file names with terminal escapes (N6)', { timeout: 120_000 }, () => {
	const evil = '\u001b]0;PWNED\u0007\u001b[31mevil\u001b[0m';

	it('shows them as visible stand-ins in the unread-settings line and the --fix lines', () => {
		const folder = join(repo, `esc-${Date.now()}`);
		mkdirSync(folder);
		writeFileSync(join(folder, `${evil}.sh`), azSet('@missing.json'));
		const unread = kvcert([folder.slice(repo.length + 1)]);
		expect(unread.out).toContain('could not be read and were not checked');
		expect(unread.out).toContain('␛]0;PWNED␇');
		// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
		expect(unread.out).not.toMatch(/[\u001b\u0007]/);

		writeFileSync(
			join(folder, `${evil}.settings.json`),
			'{ "secretsManagementSettings": { "pollingIntervalInS": 3600, "observedCertificates": ["https://kv.vault.azure.net/secrets/web"] } }\n'
		);
		const fixed = kvcert([folder.slice(repo.length + 1), '--fix']);
		expect(fixed.out).toContain('fixed KV010');
		// eslint-disable-next-line no-control-regex -- the test looks for raw control characters
		expect(fixed.out).not.toMatch(/[\u001b\u0007]/);
		expect(readFileSync(join(folder, `${evil}.settings.json`), 'utf8')).toContain('"3600"');
	});
});
