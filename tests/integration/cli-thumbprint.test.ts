import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';

// The kvcert command as users run it (bin/kvcert.mjs in a child process), against an emulator in
// this process reached through --emulator-ca / --emulator-imds, as `kvcert emulator` suggests.
const bin = new URL('../../bin/kvcert.mjs', import.meta.url).pathname;
let emulator: RunningEmulator;
let caFile: string;

function kvcert(
	args: string[],
	stdin = '',
	env: Record<string, string> = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [bin, ...args], {
			env: {
				...process.env,
				LANG: 'en_US.UTF-8',
				KVCERT_LANG: '',
				NO_PROXY: '127.0.0.1',
				KVCERT_PFX_PASSWORD: '',
				...env,
			},
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
		child.stdin.end(stdin);
	});
}

const sha1 = (der: Buffer) => new X509Certificate(der).fingerprint.replaceAll(':', '');

beforeAll(async () => {
	emulator = await startEmulator();
	caFile = join(mkdtempSync(join(tmpdir(), 'kvcert-cli-test-')), 'ca.pem');
	writeFileSync(caFile, emulator.caPem);
});
afterAll(() => emulator?.close());

const vaultArgs = () => [
	'--vault',
	emulator.vaultUrl,
	'--name',
	'webcert',
	'--emulator-ca',
	caFile,
	'--emulator-imds',
	emulator.imdsUrl,
];
const webcert = () => emulator.store.get('webcert')!.versions.map((v) => sha1(v.der));

describe('kvcert thumbprint and compare', { timeout: 60_000 }, () => {
	it('prints SHA-1 and SHA-256 of a certificate file', async () => {
		const file = new URL('../fixtures/thumbprint/www.contoso.test.pem', import.meta.url).pathname;
		const { code, stdout } = await kvcert(['thumbprint', file]);
		expect(code).toBe(0);
		expect(stdout).toContain('SHA-1:   092A29483630A19518CB46F06002BD7DF3337998');
		expect(stdout).toContain(
			'SHA-256: 82789F3D5EEB258AA74C26B7A81828D84EA92D25C42D4E408BDFDA2979AA72A2'
		);
	});

	it('opens a PFX with the password from KVCERT_PFX_PASSWORD, which help recommends over --password (rv24b N21)', async () => {
		const pfx = new URL('../fixtures/thumbprint/www.contoso.test-openssl3-aes.pfx', import.meta.url)
			.pathname;
		const locked = await kvcert(['thumbprint', pfx, '--lang', 'ja']);
		expect(locked.code).toBe(2);
		expect(locked.stderr).toContain('環境変数 KVCERT_PFX_PASSWORD で指定してください');
		const opened = await kvcert(['thumbprint', pfx], '', { KVCERT_PFX_PASSWORD: 'kvcert-demo' });
		expect(opened.code).toBe(0);
		expect(opened.stdout).toContain('SHA-1:   092A29483630A19518CB46F06002BD7DF3337998');
		expect(opened.stdout + opened.stderr).not.toContain('kvcert-demo');
		for (const lang of ['en', 'ja']) {
			const help = await kvcert(['thumbprint', '--help', '--lang', lang]);
			expect(help.stdout).toMatch(/KVCERT_PFX_PASSWORD/);
			expect(help.stdout).toMatch(
				lang === 'en' ? /Other local users\s+can see/ : /ほかのユーザーにも/
			);
			// rja-s5 item 21: the variable is compared with the command line it replaces.
			expect(help.stdout).toMatch(
				lang === 'en'
					? /\(unlike a command line, not\s+visible to other users\)/
					: /\(コマンド ラインと違い、ほかのユーザーからは見えません\)/
			);
		}
	});

	it('says a PFX may be damaged when the right password does not open it (rv24c item 8)', async () => {
		const pfx = new URL('../fixtures/thumbprint/www.contoso.test-openssl3-aes.pfx', import.meta.url)
			.pathname;
		const bytes = readFileSync(pfx);
		// One byte flipped in the middle: PKCS#12's MAC cannot tell this from a wrong password.
		bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
		const damaged = join(mkdtempSync(join(tmpdir(), 'kvcert-pfx-')), 'damaged.pfx');
		writeFileSync(damaged, bytes);
		for (const [lang, text] of [
			['en', 'The password does not open this PFX, or the file is damaged.'],
			['ja', 'このパスワードでは PFX を開けません。ファイルが壊れている可能性もあります。'],
		] as const) {
			const result = await kvcert(['thumbprint', damaged, '--lang', lang], '', {
				KVCERT_PFX_PASSWORD: 'kvcert-demo',
			});
			expect(result.code).toBe(2);
			expect(result.stderr).toContain(text);
		}
	});

	it('lists the vault versions as JSON', async () => {
		const { code, stdout } = await kvcert(['thumbprint', ...vaultArgs(), '--format', 'json']);
		expect(code).toBe(0);
		const body = JSON.parse(stdout);
		expect(body.versions.map((v: { sha1: string }) => v.sha1)).toEqual([...webcert()].reverse());
	});

	it('exits 0 when the current version is installed, 1 when it is not, 2 on error', async () => {
		const [v1, v2, v3] = webcert();
		const table = (rows: string[]) =>
			`Thumbprint                                Subject\n----------                                -------\n${rows.map((r) => `${r}  CN=www.contoso.test, O=Contoso`).join('\n')}\n`;
		const [yes, no, refused, missing] = await Promise.all([
			kvcert(['compare', ...vaultArgs(), '--installed', '-'], table([v2!, v3!])),
			kvcert(['compare', ...vaultArgs(), '--installed', '-'], table([v1!])),
			kvcert(
				['compare', '--vault', 'https://127.0.0.1', '--name', 'webcert', '--installed', '-'],
				table([v3!])
			),
			kvcert(['compare', ...vaultArgs(), '--installed', '/nonexistent/file']),
		]);
		expect([yes.code, yes.stdout.trim().split('\n').at(-1)]).toEqual([
			0,
			'The VM has versions 2 and 3; 3 is current.',
		]);
		expect([no.code, no.stdout.trim().split('\n').at(-1)]).toEqual([
			1,
			'The VM has version 1, but not the current version 3.',
		]);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toContain('This URL is not allowed');
		expect(missing.code).toBe(2);
	}, 60_000);
});
