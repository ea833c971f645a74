import { X509Certificate } from 'node:crypto';
import { CertificateClient } from '@azure/keyvault-certificates';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ThumbprintsResponse } from '../../src/core/thumbprint/types.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { emulatorCertificateClient } from '../../src/vault/certificate-clients.ts';
import { EmulatorImdsCredential } from '../../src/vault/emulator-credential.ts';
import { SharedLookups } from '../../src/server/shared-lookups.ts';
import {
	handleThumbprintsRequest,
	type ThumbprintsDependencies,
} from '../../src/server/thumbprints-handler.ts';

let emulator: RunningEmulator;
let logs: string[];
let bodies: string[];
let createClient: ReturnType<typeof vi.fn<ThumbprintsDependencies['createClient']>>;
let fetchSpy: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator?.close());
beforeEach(() => {
	logs = [];
	bodies = [];
	createClient = vi.fn((target) => {
		if (target.kind === 'demo') return emulatorCertificateClient(target.demo);
		throw new Error('No Azure from tests');
	});
	fetchSpy?.mockRestore();
	fetchSpy = vi.spyOn(globalThis, 'fetch');
});

const deps = (overrides: Partial<ThumbprintsDependencies> = {}): ThumbprintsDependencies => ({
	mode: 'both',
	demo: async () => emulator,
	createClient,
	log: (line) => logs.push(line),
	// Each call reads the vault: these tests change it between calls.
	sharing: new SharedLookups(0),
	readsPerMinute: 1000,
	...overrides,
});

async function call(
	query: Record<string, string>,
	overrides: Partial<ThumbprintsDependencies> = {},
	method = 'GET'
) {
	const url = new URL('http://127.0.0.1:4321/api/thumbprints');
	for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
	const response = await handleThumbprintsRequest(new Request(url, { method }), deps(overrides));
	const text = await response.text();
	bodies.push(text);
	return {
		status: response.status,
		body: JSON.parse(text) as ThumbprintsResponse & { error: { code: string; message: string } },
	};
}

describe('the allow-list refuses hostile vault URLs before any network I/O', () => {
	const hostile = () => {
		const port = new URL(emulator.vaultUrl).port;
		const imdsPort = new URL(emulator.imdsUrl).port;
		return [
			'https://127.0.0.1',
			'https://2130706433',
			'https://0177.0.0.1',
			'https://0x7f.0.0.1',
			'https://0x7f000001',
			'https://127.1',
			'https://[::1]',
			'https://[::ffff:127.0.0.1]',
			'https://[::ffff:7f00:1]',
			'https://[0:0:0:0:0:0:0:1]',
			'https://169.254.169.254',
			'https://168.63.129.16',
			'https://localhost',
			`https://localhost:${port}`,
			`https://127.0.0.1:${imdsPort}`,
			`http://127.0.0.1:${port}`,
			`https://127.0.0.1:${port}/certificates`,
			'https://example.com',
			'https://vault.azure.net',
			'https://myvault.vault.azure.net.evil.com',
			'https://myvault.vault.azure.net.',
			'https://myvault-vault.azure.net',
			'https://myvault.vaultazure.net',
			'https://myvault.vault.azure.com',
			'https://myvault.managedhsm.azure.net',
			'https://evil.com/.vault.azure.net',
			'https://evil.com?.vault.azure.net',
			'https://evil.com#.vault.azure.net',
			'https://user:pass@myvault.vault.azure.net',
			'https://myvault.vault.azure.net@evil.com',
			'https://myvault.vault.azure.net:8443',
			'https://myvault.vault.azure.net:444',
			'https://myvault.vault.azure.net:0443',
			'http://myvault.vault.azure.net',
			'ftp://myvault.vault.azure.net',
			'//myvault.vault.azure.net',
			'myvault.vault.azure.net',
			'javascript:alert(1)',
			'https://myvault.vault.azure.net/certificates/webcert',
			'https://myvault.vault.azure.net/../../evil',
			'https://myvault.vault.azure.net\\@evil.com',
			'https://myvault.vault.azure.net%2e.evil.com',
			'https://myvault.vault.azure.net%00',
			'https://myvault\u3002vault\u3002azure\u3002net',
			'https://myvault\uff0evault\uff0eazure\uff0enet',
			'https://myv\u0430ult.vault.azure.net',
			'https://xn--myvult-2fg.vault.azure.net',
			'https://my\tvault.vault.azure.net',
			'https://myvault.vault.azure.net\n.evil.com',
			'https://myvault.vault.azure.net\u200e',
			'https://my_vault.vault.azure.net',
			'https://ab.vault.azure.net',
			`https://a${'b'.repeat(24)}.vault.azure.net`,
			'https://1vault.vault.azure.net',
			'https://my--vault.vault.azure.net',
			'https://myvault-.vault.azure.net',
			`https://${'a'.repeat(400)}.vault.azure.net`,
		];
	};

	it('has at least 30 cases', () => expect(hostile().length).toBeGreaterThanOrEqual(30));

	it('refuses each one with 400 in English and Japanese, making no request', async () => {
		const before = emulator.requests.length;
		for (const vault of hostile()) {
			for (const lang of ['en', 'ja']) {
				const { status, body } = await call({ vault, name: 'webcert', lang });
				expect([status, body.error.code], vault).toEqual([400, 'vaultInvalid']);
				expect(body.error.message).toContain(
					lang === 'ja' ? 'この URL は使えません' : 'This URL is not allowed'
				);
			}
		}
		expect(createClient).not.toHaveBeenCalled();
		expect(fetchSpy).not.toHaveBeenCalled();
		expect(emulator.requests.length).toBe(before);
	});

	it('refuses hostile certificate names with 400, making no request', async () => {
		for (const name of [
			'../secrets/webcert',
			'webcert/../../x',
			'a'.repeat(128),
			'web cert',
			'webcert%2F..',
			'webcert?x=1',
			'',
			'ｗｅｂcert',
			'webcert\u200e',
			'web\ncert',
		]) {
			const { status, body } = await call({ vault: emulator.vaultUrl, name, lang: 'ja' });
			expect([status, body.error.code], name).toEqual([400, 'nameInvalid']);
		}
		expect(createClient).not.toHaveBeenCalled();
	});

	it('refuses Azure vaults in demo mode and the demo vault in azure mode', async () => {
		const azure = await call(
			{ vault: 'https://contoso-kv.vault.azure.net', name: 'webcert' },
			{ mode: 'demo' }
		);
		expect([azure.status, azure.body.error.code]).toEqual([400, 'demoOnly']);
		const demo = await call({ vault: 'demo', name: 'webcert' }, { mode: 'azure', demo: undefined });
		expect([demo.status, demo.body.error.code]).toEqual([400, 'azureOnly']);
		const demoUrl = await call(
			{ vault: emulator.vaultUrl, name: 'webcert' },
			{ mode: 'azure', demo: undefined }
		);
		expect([demoUrl.status, demoUrl.body.error.code]).toEqual([400, 'vaultInvalid']);
		expect(createClient).not.toHaveBeenCalled();
	});

	it('answers 405 to anything but GET', async () => {
		const { status } = await call({ vault: 'demo', name: 'webcert' }, {}, 'POST');
		expect(status).toBe(405);
	});
});

describe('GET /api/thumbprints against the demo vault (real SDK, emulator)', () => {
	it('returns every version newest first with thumbprints equal to Node’s fingerprints', async () => {
		const { status, body } = await call({ vault: emulator.vaultUrl, name: 'webcert' });
		expect(status).toBe(200);
		expect(body.vaultUrl).toBe(emulator.vaultUrl);
		expect(body.versions.map((v) => v.ordinal)).toEqual([3, 2, 1]);
		expect(body.versions.map((v) => v.current)).toEqual([true, false, false]);
		const created = body.versions.map((v) => Date.parse(v.created));
		expect([...created].sort((a, b) => b - a)).toEqual(created);
		const stored = emulator.store.get('webcert')!;
		for (const v of body.versions) {
			const der = stored.versions.find((s) => s.version === v.version)!.der;
			const x509 = new X509Certificate(der);
			expect(v.sha1).toBe(x509.fingerprint.replaceAll(':', ''));
			expect(v.sha256).toBe(x509.fingerprint256.replaceAll(':', ''));
			expect(Buffer.from(v.x5t, 'base64url').toString('hex').toUpperCase()).toBe(v.sha1);
			expect(v.subject).toBe('CN=www.contoso.test, O=Contoso');
			expect(v.sans).toEqual(['DNS:www.contoso.test', 'DNS:contoso.test']);
			expect(Date.parse(v.expires)).toBe(Date.parse(x509.validTo));
		}
		expect(logs.at(-1)).toMatch(/status=200 vault=127\.0\.0\.1:\d+ name=webcert versions=3/);
	});

	it('shows a disabled version as disabled', async () => {
		const { body } = await call({ vault: 'demo', name: 'apicert' });
		expect(body.versions.map((v) => [v.ordinal, v.enabled, v.current])).toEqual([
			[2, true, true],
			[1, false, false],
		]);
	});

	it('turns 404 into advice in the requested language', async () => {
		const { status, body } = await call({ vault: 'demo', name: 'nope', lang: 'ja' });
		expect(status).toBe(404);
		expect(body.error.code).toBe('notFound');
		expect(body.error.message).toContain('証明書 nope が見つかりません');
	});

	it('turns 403 into the permissions to grant', async () => {
		const noAccess = emulator.identities.find((i) => !i.canReadVault)!;
		const { status, body } = await call(
			{ vault: 'demo', name: 'webcert', lang: 'en' },
			{
				createClient: () =>
					new CertificateClient(
						emulator.vaultUrl,
						new EmulatorImdsCredential(emulator.imdsUrl, noAccess.clientId),
						{
							tlsOptions: { ca: emulator.caPem },
							disableChallengeResourceVerification: true,
							retryOptions: { maxRetries: 0 },
						}
					),
			}
		);
		expect(status).toBe(403);
		expect(body.error.message).toContain('Key Vault Reader');
		expect(body.error.message).toContain('Get and List');
		expect(JSON.stringify(body)).not.toContain(noAccess.objectId);
	});

	it('explains a missing credential and a timeout', async () => {
		const unavailable = Object.assign(new Error('no az'), { name: 'CredentialUnavailableError' });
		const noCredential = await call(
			{ vault: 'demo', name: 'webcert', lang: 'en' },
			{
				createClient: () =>
					new CertificateClient(
						emulator.vaultUrl,
						{
							getToken: async () => {
								throw unavailable;
							},
						},
						{
							tlsOptions: { ca: emulator.caPem },
							disableChallengeResourceVerification: true,
							retryOptions: { maxRetries: 0 },
						}
					),
			}
		);
		expect(noCredential.body.error.code).toBe('noCredential');
		expect(noCredential.body.error.message).toContain('az login');
		// A token that never comes: only the 300 ms time limit can answer (no wall-clock bound here).
		const slow = await call(
			{ vault: 'demo', name: 'webcert', lang: 'ja' },
			{
				timeoutMs: 300,
				createClient: () =>
					new CertificateClient(
						emulator.vaultUrl,
						{ getToken: () => new Promise(() => {}) },
						{ tlsOptions: { ca: emulator.caPem }, disableChallengeResourceVerification: true }
					),
			}
		);
		expect([slow.status, slow.body.error.code]).toEqual([504, 'timeout']);
	});

	it('tries a read the demo vault broke off once more; when that fails too, says the demo vault did not answer and when to ask again', async () => {
		emulator.interruptNext(1);
		const once = await call({ vault: 'demo', name: 'webcert', lang: 'en' });
		expect(once.status).toBe(200);
		expect(once.body.versions).toHaveLength(3);
		expect(logs.some((line) => /retry after error=unreachable/.test(line))).toBe(true);

		for (const lang of ['en', 'ja'] as const) {
			emulator.interruptNext(2);
			const url = new URL('http://127.0.0.1:4321/api/thumbprints');
			url.search = new URLSearchParams({ vault: 'demo', name: 'webcert', lang }).toString();
			const response = await handleThumbprintsRequest(new Request(url), deps());
			const body = (await response.json()) as {
				error: { code: string; message: string; retryAfter: number; retry: string };
			};
			expect(response.status).toBe(502);
			expect(response.headers.get('retry-after')).toBe('2');
			expect(body.error.code).toBe('unreachable');
			expect(body.error.retryAfter).toBe(2);
			expect(body.error.message).toMatch(
				lang === 'en'
					? /local demo vault did not answer/
					: /ローカルのデモ用 Key Vault が応答しませんでした/
			);
			expect(body.error.message).not.toMatch(/DNS|firewall|ファイアウォール|private endpoint/i);
		}
	});

	it('never puts a bearer token in a response or a log line', async () => {
		await call({ vault: 'demo', name: 'webcert' });
		await call({ vault: 'demo', name: 'nope' });
		const tokens = emulator.issuedTokens();
		expect(tokens.length).toBeGreaterThan(0);
		for (const token of tokens) {
			for (const text of [...bodies, ...logs]) expect(text).not.toContain(token);
		}
		for (const text of bodies) expect(text).not.toMatch(/PRIVATE KEY|kvemu\./);
	});
});
