import { execFileSync, spawn } from 'node:child_process';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import {
	closeSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	truncateSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';

// Inputs a user can produce by accident (or an attacker on purpose), given to the kvcert command
// as users run it. Each must end in the clean message for its case, in the user's language, with
// exit code 2 — never the last-resort "internal error" line, a stack trace, a hang or a crash.
const bin = new URL('../../bin/kvcert.mjs', import.meta.url).pathname;
const fixtures = new URL('../fixtures/', import.meta.url).pathname;
const temp = mkdtempSync(join(tmpdir(), 'kvcert-hostile-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

interface Run {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs kvcert with `stdin` as a string, or an open file descriptor (e.g. /dev/zero). */
function kvcert(
	args: string[],
	options: { stdin?: string | number; env?: Record<string, string>; timeoutMs?: number } = {}
): Promise<Run> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [bin, ...args], {
			cwd: temp,
			env: { ...process.env, LANG: 'en_US.UTF-8', KVCERT_LANG: '', ...options.env },
			stdio: [typeof options.stdin === 'number' ? options.stdin : 'pipe', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (d) => (stdout += d));
		child.stderr!.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 90_000);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
		if (typeof options.stdin !== 'number') child.stdin!.end(options.stdin ?? '');
	});
}

// Control characters a terminal acts on (tab and line feed are the output's own).
// eslint-disable-next-line no-control-regex
const escapes = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** What every refused input shares: exit 2, one clean line, no stack, not the last-resort handler. */
function expectClean(run: Run, message: string | RegExp) {
	expect(run.code, run.stderr).toBe(2);
	expect(run.stderr).toMatch(message);
	expect(run.stderr).not.toMatch(/internal error|内部エラー|\n\s+at |Error:/);
}

let fifo: string;
beforeAll(() => {
	fifo = join(temp, 'pipe.json');
	execFileSync('mkfifo', [fifo]);
	mkdirSync(join(temp, 'folder.json'));
	// 40 MB on paper, no disk space: stat reports the size, so it is refused before reading.
	writeFileSync(join(temp, 'huge.json'), '');
	truncateSync(join(temp, 'huge.json'), 40 * 1024 * 1024);
});

describe('kvcert input limits', { timeout: 180_000 }, () => {
	it('refuses a FIFO at once instead of waiting for a writer (check, thumbprint, compare)', async () => {
		const runs = await Promise.all([
			kvcert(['check', fifo]),
			kvcert(['thumbprint', fifo]),
			kvcert(['compare', '--vault', 'demo', '--name', 'x', '--installed', fifo]),
			kvcert(['check', fifo], { env: { LANG: 'ja_JP.UTF-8' } }),
		]);
		for (const run of runs.slice(0, 3)) {
			// A hang would end in the kill after 90 s (code null); this exits 2 with the message.
			expectClean(run, `${fifo} is a named pipe (FIFO), not a regular file`);
		}
		expectClean(runs[3]!, `${fifo} は通常のファイルではありません (種類: 名前付きパイプ (FIFO))`);
	});

	it('refuses devices and directories given as files', async () => {
		const [zero, zeroJa, folder, parameters] = await Promise.all([
			kvcert(['check', '/dev/zero']),
			kvcert(['thumbprint', '/dev/zero', '--lang', 'ja']),
			kvcert(['thumbprint', 'folder.json']),
			kvcert(['check', '--parameters', 'folder.json', `${fixtures}check/az-cli.sh`]),
		]);
		expectClean(zero, 'kvcert check: /dev/zero is a device, not a regular file');
		expectClean(zeroJa, 'kvcert: /dev/zero は通常のファイルではありません (種類: デバイス)');
		expectClean(folder, 'kvcert: folder.json is a directory; give a file.');
		expectClean(parameters, 'kvcert check: folder.json is a directory; give a file.');
	});

	it('measures files before reading them: 40 MB is over the default 32 MB limit', async () => {
		const [en, ja, raised] = await Promise.all([
			kvcert(['check', 'huge.json']),
			kvcert(['thumbprint', 'huge.json'], { env: { LANG: 'ja_JP.UTF-8' } }),
			kvcert(['thumbprint', 'huge.json', '--max-input-size', '64MB']),
		]);
		expectClean(en, 'kvcert check: huge.json is larger than the input limit of 32 MB (40 MB).');
		expect(en.stderr).toContain('--max-input-size or the KVCERT_MAX_INPUT_SIZE');
		expectClean(ja, 'kvcert: huge.json は入力サイズの上限 32 MB を超えています (40 MB)。');
		// Raised, it is read: 40 MB of NUL bytes hold no certificate.
		expectClean(raised, 'kvcert: Not an X.509 certificate');
	});

	it('takes the limit from KVCERT_MAX_INPUT_SIZE, the option winning, and refuses a bad one', async () => {
		const template = `${fixtures}check/az-cli.sh`;
		const size = readFileSync(template).length;
		const [env, option, bad, badEnv] = await Promise.all([
			kvcert(['check', template], { env: { KVCERT_MAX_INPUT_SIZE: '100' } }),
			kvcert(['check', template, '--max-input-size', String(size)], {
				env: { KVCERT_MAX_INPUT_SIZE: '1K' },
			}),
			kvcert(['thumbprint', template, '--max-input-size', 'lots']),
			kvcert(['check', template], { env: { KVCERT_MAX_INPUT_SIZE: '-5' } }),
		]);
		expectClean(env, 'is larger than the input limit of 100 B');
		expect(option.code).toBe(1);
		expectClean(bad, 'kvcert: invalid input size limit "lots"');
		expectClean(badEnv, 'kvcert check: invalid input size limit "-5"');
	});

	it('stops reading endless standard input at the limit (< /dev/zero)', async () => {
		const zero = openSync('/dev/zero', 'r');
		try {
			const [check, thumbprint] = await Promise.all([
				kvcert(['check', '-', '--max-input-size', '4MB'], { stdin: zero }),
				kvcert(['thumbprint', '-'], { stdin: zero, env: { LANG: 'ja_JP.UTF-8' } }),
			]);
			expectClean(check, 'kvcert check: standard input is larger than the input limit of 4 MB.');
			expectClean(thumbprint, 'kvcert: 標準入力は入力サイズの上限 32 MB を超えています。');
		} finally {
			closeSync(zero);
		}
	});

	it('never opens a referenced file that is not a regular file: KV051 at its place, checking goes on', async () => {
		writeFileSync(
			join(temp, 'cmd.sh'),
			'az vm extension set -n KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --settings @pipe.json\n'
		);
		const run = await kvcert(['check', 'cmd.sh']);
		// Issue 8: exit 2 is for usage errors and unreadable input paths only; a settings file a
		// command names is an info finding where it is named. Opening the FIFO would hang.
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).toContain(
			'warning[KV051]: Settings not read: file "pipe.json" cannot be read'
		);
		expect(run.stdout).toContain('--> cmd.sh:1:89');
		expect(run.stderr).not.toMatch(/internal error|\n\s+at |Error:/);
	});
});

describe('kvcert thumbprint on bytes that are not a certificate', { timeout: 180_000 }, () => {
	const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
	const fakes: Record<string, Buffer> = {
		// Well-formed DER: a SEQUENCE holding a SEQUENCE, then a public key.
		'fake.cer': Buffer.from([0x30, 0x03, 0x30, 0x01, 0x00]),
		'public-key.der': publicKey.export({ format: 'der', type: 'spki' }),
		'begins.pem': Buffer.from('-----BEGIN CERTIFICATE-----\n'.repeat(200_000)),
	};
	beforeAll(() => {
		for (const [name, bytes] of Object.entries(fakes)) writeFileSync(join(temp, name), bytes);
	});

	it('is "not an X.509 certificate" in text and JSON, in English and Japanese', async () => {
		const names = Object.keys(fakes);
		const runs = await Promise.all([
			...names.map((name) => kvcert(['thumbprint', name])),
			kvcert(['thumbprint', 'fake.cer', '--format', 'json']),
			kvcert(['thumbprint', 'begins.pem', '--format', 'json', '--lang', 'ja']),
			kvcert(['thumbprint', 'public-key.der', '--lang', 'ja']),
		]);
		for (const text of runs.slice(0, names.length)) {
			expectClean(text, 'kvcert: Not an X.509 certificate');
			expect(text.stdout).toBe('');
		}
		const [json, jsonJa, ja] = runs.slice(names.length);
		for (const [run, message] of [
			[json!, 'Not an X.509 certificate'],
			[jsonJa!, 'X.509 証明書ではありません。'],
		] as const) {
			expect(run.code).toBe(2);
			expect(run.stdout).toBe('');
			expect(JSON.parse(run.stderr)).toEqual({
				error: { code: 'not-a-certificate', message: expect.stringContaining(message) },
			});
		}
		expectClean(ja!, 'kvcert: X.509 証明書ではありません。');
	});
});

describe('kvcert text output and control characters from the input', { timeout: 180_000 }, () => {
	it('shows ESC, BEL and CR from a template (raw or JSON-escaped) as visible stand-ins', async () => {
		const template = readFileSync(`${fixtures}check/learn-windows-top-level.json`, 'utf8')
			// JSON-escaped: the parser decodes these into the extension name the message quotes.
			.replace(
				'"KVVMExtensionForWindows"',
				'"KVVMExtension\\u001b]0;pwned\\u0007\\r\\u001b[2JForWindows"'
			)
			// Raw in the source line under the finding.
			.replace(
				'"url": "https://myvault.vault.azure.net/certificates/mycertificate1"',
				'"url": "https://myvault.vault.azure.net/certificates/mycertificate1" \u001b[8m\u0007\u009b1A'
			);
		writeFileSync(join(temp, 'evil.json'), template);
		for (const format of ['text', 'github'])
			for (const lang of ['en', 'ja']) {
				const run = await kvcert(['check', 'evil.json', '--format', format, '--lang', lang]);
				expect(run.code, run.stderr).toBe(1);
				expect(run.stdout).not.toMatch(escapes);
				// GitHub's own escape for CR is %0D; the text format shows ␍.
				expect(run.stdout).toContain(
					`KVVMExtension␛]0;pwned␇${format === 'github' ? '%0D' : '␍'}␛[2JForWindows`
				);
			}
		const text = await kvcert(['check', 'evil.json']);
		// Carets stay under the URL: each stand-in is one character wide.
		expect(text.stdout).toContain('mycertificate1" ␛[8m␇\ufffd1A');
		const lines = text.stdout.split('\n');
		const source = lines.findIndex((l) => l.startsWith('29 |'));
		expect(lines[source + 1]!.indexOf('^')).toBe(lines[source]!.indexOf('certificates/'));
		// JSON output keeps the real characters, escaped by JSON itself.
		const json = await kvcert(['check', 'evil.json', '--format', 'json']);
		expect(json.stdout).not.toMatch(escapes);
		expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\\u001b]0;pwned\\u0007\\r');
	});

	it('escapes control characters in a certificate subject and in pasted VM output', async () => {
		const { createCertificate } = await import('../../src/emulator/certificate-factory.ts');
		const certificate = createCertificate({
			subject: 'CN=evil\u001b[2J\u0007',
			notBefore: new Date(),
			notAfter: new Date(Date.now() + 1e9),
		});
		writeFileSync(join(temp, 'evil.pem'), new X509Certificate(certificate.der).toString());
		const run = await kvcert(['thumbprint', 'evil.pem']);
		expect(run.code, run.stderr).toBe(0);
		expect(run.stdout).not.toMatch(escapes);
		expect(run.stdout).toMatch(/evil(␛\[2J␇|\\1B\[2J\\07)/i);
	});
});

describe('kvcert compare prints pasted text safely', { timeout: 180_000 }, () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		emulator = await startEmulator();
		writeFileSync(join(temp, 'ca.pem'), emulator.caPem);
	});
	afterAll(() => emulator?.close());

	it('escapes the subject of an unknown thumbprint from the VM', async () => {
		const pasted = `Thumbprint                                Subject\n----------                                -------\n${'AB'.repeat(20)}  CN=x\u001b]0;owned\u0007\u001b[31m\n`;
		const run = await kvcert(
			[
				'compare',
				'--vault',
				emulator.vaultUrl,
				'--name',
				'webcert',
				'--emulator-ca',
				join(temp, 'ca.pem'),
				'--emulator-imds',
				emulator.imdsUrl,
				'--installed',
				'-',
			],
			{ stdin: pasted, env: { NO_PROXY: '127.0.0.1' } }
		);
		expect(run.code, run.stderr).toBe(1);
		expect(run.stdout).toContain(`? ${'AB'.repeat(20)}  CN=x␛]0;owned␇␛[31m`);
		expect(run.stdout).not.toMatch(escapes);
	});

	// Issue 24 (rv24b item 1): 130,000 values overflowed the stack ("internal error … RangeError")
	// and the listing grew with the input (4.3 MB at 100,000).
	it('reads at most 10,000 pasted thumbprints, says so once, and keeps the output under 1 MB', async () => {
		const hex = (i: number) =>
			(i.toString(16).padStart(8, '0') + '0123456789ABCDEF'.repeat(2)).slice(0, 40).toUpperCase();
		const pasted = Array.from({ length: 130_000 }, (_, i) => hex(i)).join('\n');
		const args = [
			'compare',
			'--vault',
			emulator.vaultUrl,
			'--name',
			'webcert',
			'--emulator-ca',
			join(temp, 'ca.pem'),
			'--emulator-imds',
			emulator.imdsUrl,
			'--installed',
			'-',
		];
		const env = { NO_PROXY: '127.0.0.1' };
		const text = await kvcert(args, { stdin: pasted, env });
		expect(text.code, text.stderr).toBe(1);
		expect(text.stderr).toBe('');
		expect(text.stdout).toContain('Thumbprints found in stdin: 10000');
		expect(text.stdout.split('Only the first 10,000 thumbprints').length - 1).toBe(1);
		expect(text.stdout.match(/^\? /gm)?.length).toBe(10_000);
		expect(text.stdout).toContain(`? ${hex(9_999)}\n`);
		expect(text.stdout).not.toContain(hex(10_000));
		expect(Buffer.byteLength(text.stdout)).toBeLessThan(1_000_000);
		const json = await kvcert([...args, '--format', 'json', '--lang', 'ja'], {
			stdin: pasted,
			env,
		});
		expect(json.code, json.stderr).toBe(1);
		expect(Buffer.byteLength(json.stdout)).toBeLessThan(1_500_000);
		const parsed = JSON.parse(json.stdout);
		expect(parsed.unknownOnVm).toHaveLength(10_000);
		expect(parsed.notice).toContain('10,000 件まで');
	});
});
