import { readFileSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { splitAzureLog } from '../../../src/server/snippets/azure-log-trace.ts';
import { redactSecrets, type RedactionWords } from '../../../src/server/snippets/redact.ts';

const words: RedactionWords = {
	token: (count) => `(redacted, ${count} chars)`,
	privateKey: (bytes) => `private key, ${bytes} bytes`,
};

// A JWT in the shape Entra ID issues (header.payload.signature, base64url), 1,234 characters long.
const payload = Buffer.from(
	JSON.stringify({ aud: 'https://vault.azure.net', pad: 'x'.repeat(800) })
).toString('base64url');
const header = Buffer.from('{"typ":"JWT","alg":"RS256","x5t":"abc"}').toString('base64url');
const jwtBase = `${header}.${payload}.`;
const jwt = jwtBase + 's'.repeat(1234 - jwtBase.length);

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
const der = privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer;
const keyMarker = `(private key, ${der.length.toLocaleString('en-US')} bytes)`;

describe('redactSecrets', () => {
	it('masks a JWT as eyJ…(redacted, N chars) with the length grouped', () => {
		expect(jwt).toHaveLength(1234);
		expect(redactSecrets(`token ${jwt} end`, words)).toBe('token eyJ…(redacted, 1,234 chars) end');
	});

	it('masks a PEM private key however it was printed, with its DER size', () => {
		for (const printed of [pem, inspect({ key: pem }), JSON.stringify({ key: pem })]) {
			const out = redactSecrets(printed, words);
			expect(out, printed.slice(0, 40)).toContain(keyMarker);
			expect(out).not.toContain('PRIVATE KEY');
			expect(out).not.toContain(pem.split('\n')[1]!);
		}
	});

	it('masks an RSA and an EC key in the traditional formats and a key cut off by the output limit', () => {
		const rsa = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow==\n-----END RSA PRIVATE KEY-----';
		expect(redactSecrets(rsa, words)).toBe('(private key, 4 bytes)');
		const cut = `before\n${pem.slice(0, 200)}`;
		expect(redactSecrets(cut, words)).toMatch(/^before\n\(private key, \d+ bytes\)$/);
	});

	it('masks tokens the emulator issued, token fields and secrets in forms', () => {
		const known = 'kvemu.AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfG';
		expect(redactSecrets(`Bearer ${known}`, words, [known])).toBe(
			`Bearer kvemu.…(redacted, ${known.length} chars)`
		);
		expect(redactSecrets('{"access_token": "opaque-token-value"}', words)).toBe(
			'{"access_token": "opa…(redacted, 18 chars)"}'
		);
		expect(redactSecrets('client_secret=abc~def.ghi&scope=x', words)).toBe(
			'client_secret=abc…(redacted, 11 chars)&scope=x'
		);
	});

	it('leaves certificates, thumbprints and versions alone', () => {
		const text =
			"version: '605d6f1ee721ec51e0b0bda0e37718da'\nsha1: '01D6939D9316B9701EDFB14F20F5F6D046B0192B'\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";
		expect(redactSecrets(text, words)).toBe(text);
	});
});

describe('splitAzureLog', () => {
	// Recorded stderr of samples/managed-identity/get-certificate.ts run against the emulator with
	// AZURE_LOG_LEVEL=info (@azure/identity 4.13.3, @azure/keyvault-certificates 4.10.3).
	const recorded = readFileSync(
		new URL('../../fixtures/snippets/azure-log-get-certificate.txt', import.meta.url),
		'utf8'
	);
	const imdsHost = /"url": "http:\/\/(127\.0\.0\.1:\d+)\//.exec(recorded)![1]!;
	const lines = recorded.split('\n').map((text, index) => ({ at: index * 10, text }));

	it('turns the logPolicy records into the HTTP trace: challenge, IMDS token, authorised retry', () => {
		const { trace, otherLines } = splitAzureLog(lines, {
			imdsHost,
			vaultHost: 'kvcert-demo-emulator-vault.vault.azure.net',
		});
		expect(trace.map((e) => [e.service, e.method, e.status])).toEqual([
			['vault', 'GET', 401],
			['imds', 'GET', 200],
			['vault', 'GET', 200],
		]);
		expect(trace[0]!.path).toBe('/certificates/webcert/?api-version=2025-07-01');
		expect(trace[1]!.path).toBe(
			'/metadata/identity/oauth2/token/?api-version=2018-02-01&resource=REDACTED'
		);
		for (const entry of trace) expect(entry.ms).toBeGreaterThan(0);
		// Every line belongs to a log record: nothing is shown as the sample's own error output.
		expect(otherLines.filter((line) => line.text.trim())).toEqual([]);
	});

	it('keeps lines that are not log records as the sample’s error output', () => {
		const { trace, otherLines } = splitAzureLog(
			[
				{ at: 0, text: 'Error: webcert has no issued certificate yet' },
				{ at: 1, text: '    at file:///app/get-certificate.ts:15:31' },
			],
			{ imdsHost, vaultHost: 'x' }
		);
		expect(trace).toEqual([]);
		expect(otherLines.map((l) => l.text)).toHaveLength(2);
	});
});
