import { spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';

// `kvcert emulator rotate|disable` as users run it (bin/kvcert.mjs in a child process) against an
// emulator in this process, through its loopback-only admin endpoint on the IMDS port.
const bin = new URL('../../bin/kvcert.mjs', import.meta.url).pathname;
let emulator: RunningEmulator;

function kvcert(args: string[], lang = 'en_US.UTF-8') {
	return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
		const child = spawn(process.execPath, [bin, ...args], {
			env: {
				...process.env,
				LANG: lang,
				LC_ALL: '',
				LC_MESSAGES: '',
				KVCERT_LANG: '',
				KVCERT_EMULATOR_IMDS: '',
			},
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
	});
}

const sha1 = (der: Buffer) => new X509Certificate(der).fingerprint.replaceAll(':', '');

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator?.close());

describe('kvcert emulator rotate / disable', () => {
	it('rotate adds a new latest version and prints its version and thumbprint', async () => {
		const before = emulator.store.latest('webcert')!.version;
		const { code, stdout, stderr } = await kvcert([
			'emulator',
			'rotate',
			'webcert',
			'--emulator-imds',
			emulator.imdsUrl,
		]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const latest = emulator.store.latest('webcert')!;
		expect(latest.version).not.toBe(before);
		expect(stdout).toContain(latest.version);
		expect(stdout).toContain(sha1(latest.der));
	});

	it('disable turns off the given version; in Japanese too', async () => {
		const target = emulator.store.get('webcert')!.versions[0]!;
		expect(target.enabled).toBe(true);
		const { code, stdout } = await kvcert(
			[
				'emulator',
				'disable',
				'webcert',
				'--version',
				target.version,
				'--emulator-imds',
				emulator.imdsUrl,
			],
			'ja_JP.UTF-8'
		);
		expect(code).toBe(0);
		expect(stdout).toContain('無効にしました');
		expect(target.enabled).toBe(false);
		target.enabled = true;
	});

	it('says clearly what is wrong: unknown name, no URL, a non-loopback URL, no emulator, help in both languages', async () => {
		const unknown = await kvcert([
			'emulator',
			'rotate',
			'nosuchcert',
			'--emulator-imds',
			emulator.imdsUrl,
		]);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('No certificate named nosuchcert');
		const noUrl = await kvcert(['emulator', 'rotate', 'webcert']);
		expect(noUrl.code).toBe(2);
		expect(noUrl.stderr).toContain('--emulator-imds');
		const remote = await kvcert([
			'emulator',
			'rotate',
			'webcert',
			'--emulator-imds',
			'http://10.0.0.5:8080',
		]);
		expect(remote.code).toBe(2);
		expect(remote.stderr).toContain('loopback only');
		const down = await kvcert(
			['emulator', 'rotate', 'webcert', '--emulator-imds', 'http://127.0.0.1:9'],
			'ja_JP.UTF-8'
		);
		expect(down.code).toBe(2);
		expect(down.stderr).toContain('応答しません');
		expect((await kvcert(['emulator', 'rotate', '--help'])).stdout).toContain(
			'kvcert emulator rotate <name>'
		);
		expect((await kvcert(['emulator', 'rotate', '--help'], 'ja_JP.UTF-8')).stdout).toContain(
			'使い方'
		);
	});

	it('the admin endpoint refuses a non-loopback Host, a missing admin header and GET', async () => {
		const call = (path: string, method: string, headers: Record<string, string>) =>
			new Promise<number>((resolve, reject) => {
				const url = new URL(path, emulator.imdsUrl);
				const req = request(url, { method, headers }, (res) => {
					res.resume();
					resolve(res.statusCode ?? 0);
				});
				req.on('error', reject);
				req.end();
			});
		const path = '/kvcert/admin/certificates/webcert/rotate';
		const count = emulator.store.get('webcert')!.versions.length;
		expect(await call(path, 'POST', { 'x-kvcert-admin': '1', Host: 'evil.example' })).toBe(403);
		expect(await call(path, 'POST', {})).toBe(403);
		expect(await call(path, 'GET', { 'x-kvcert-admin': '1' })).toBe(405);
		expect(emulator.store.get('webcert')!.versions.length).toBe(count);
	});
});
