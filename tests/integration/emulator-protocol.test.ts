import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { X509Certificate } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { DEMO_WEEK_ENV, demoWeekStart } from '../../src/emulator/demo-week.ts';
import { emulatorRequest } from '../support/emulator-request.ts';

// The wire protocol the SDK and the VM extension rely on (research/keyvault-sdk.md §2.5, §6).
let emulator: RunningEmulator;

// No wall-clock bound on the start (a flaky test is a defect): the hook's timeout is the hang guard.
beforeAll(async () => {
	emulator = await startEmulator();
}, 20_000);
afterAll(() => emulator?.close());

/** A request to the emulator's vault with its CA trusted. */
const vault = (path: string, headers: Record<string, string> = {}, method = 'GET', body?: string) =>
	emulatorRequest(`${emulator.vaultUrl}${path}`, {
		method,
		headers,
		ca: emulator.caPem,
		...(body === undefined ? {} : { body }),
	});

async function token(query = '') {
	const res = await fetch(
		`${emulator.imdsUrl}/metadata/identity/oauth2/token/?api-version=2018-02-01&resource=https%3A%2F%2Fvault.azure.net${query}`,
		{ headers: { Metadata: 'true' } }
	);
	return (await res.json()) as { access_token: string; expires_on: string; client_id: string };
}

describe('Key Vault emulator protocol', () => {
	it('starts and listens on loopback only', async () => {
		expect(emulator.vaultUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
		await expect(startEmulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
	});

	it('challenges an unauthenticated request exactly like Key Vault', async () => {
		const res = await vault('/certificates/webcert/?api%2Dversion=2025-07-01');
		expect(res.status).toBe(401);
		expect(res.headers['www-authenticate']).toBe(
			'Bearer authorization="https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47", resource="https://vault.azure.net"'
		);
		expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(res.json).toEqual({
			error: {
				code: 'Unauthorized',
				message: 'AKV10000: Request is missing a Bearer or PoP token.',
			},
		});
	});

	it('returns 400 without api-version, 404 CertificateNotFound with the real text, 200 [] for versions of an unknown name', async () => {
		const auth = { Authorization: `Bearer ${(await token()).access_token}` };
		expect((await vault('/certificates/webcert/', auth)).status).toBe(400);
		const missing = await vault('/certificates/nope?api-version=7.5', auth);
		expect(missing.status).toBe(404);
		expect(missing.json.error.code).toBe('CertificateNotFound');
		expect(missing.json.error.message).toMatch(
			/^A certificate with \(name\/id\) nope was not found in this key vault\./
		);
		expect((await vault('/certificates/nope/versions?api-version=7.5', auth)).json).toEqual({
			value: [],
			nextLink: null,
		});
	});

	it('pages versions with an absolute nextLink that keeps the port', async () => {
		const auth = { Authorization: `Bearer ${(await token()).access_token}` };
		const first = await vault(
			'/certificates/WebCert/versions?api%2Dversion=2025-07-01&maxresults=2',
			auth
		);
		expect(first.json.value).toHaveLength(2);
		expect(
			first.json.nextLink.startsWith(`${emulator.vaultUrl}/certificates/WebCert/versions?`)
		).toBe(true);
		const second = await vault(first.json.nextLink.slice(emulator.vaultUrl.length), auth);
		expect(second.json.value).toHaveLength(1);
		expect(second.json.nextLink).toBeNull();
		const item = first.json.value[0];
		expect(Object.keys(item).sort()).toEqual(['attributes', 'id', 'subject', 'tags', 'x5t']);
		expect(item.x5t).toMatch(/^[\w-]{27}$/);
	});

	it('serves secrets like the VM extension reads them, refusing a disabled version', async () => {
		const auth = { Authorization: `Bearer ${(await token()).access_token}` };
		const secret = await vault('/secrets/webcert?api-version=7.4', auth);
		expect(secret.json.contentType).toBe('application/x-pkcs12');
		expect(secret.json.id).toMatch(/\/secrets\/webcert\/[0-9a-f]{32}$/);
		const disabled = emulator.store.get('apicert')!.versions.find((v) => !v.enabled)!;
		const refused = await vault(`/secrets/apicert/${disabled.version}?api-version=7.4`, auth);
		expect([refused.status, refused.json.error.code]).toEqual([403, 'Forbidden']);
		expect((await vault('/secrets/nope?api-version=7.4', auth)).json.error.code).toBe(
			'SecretNotFound'
		);
	});

	it('IMDS: trailing slash optional, Metadata header required, identities by client_id, object_id, msi_res_id', async () => {
		const base = `${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net`;
		expect((await fetch(base, { headers: { Metadata: 'true' } })).status).toBe(200);
		const noHeader = await fetch(base);
		expect([noHeader.status, await noHeader.json()]).toEqual([
			400,
			{ error: 'invalid_request', error_description: 'Required metadata header not specified' },
		]);
		const user = emulator.identities[1]!;
		for (const q of [
			`&client_id=${user.clientId}`,
			`&object_id=${user.objectId}`,
			`&msi_res_id=${encodeURIComponent(user.resourceId)}`,
		])
			expect((await token(q)).client_id).toBe(user.clientId);
		const unknown = await fetch(`${base}&client_id=00000000-0000-0000-0000-000000000000`, {
			headers: { Metadata: 'true' },
		});
		expect([unknown.status, (await unknown.json()).error_description]).toEqual([
			400,
			'Identity not found',
		]);
		expect(Number((await token()).expires_on)).toBeGreaterThan(Date.now() / 1000);
	});

	it('rotates a certificate: a new latest version with a new thumbprint', async () => {
		const auth = { Authorization: `Bearer ${(await token()).access_token}` };
		const before = (await vault('/certificates/clientcert/?api-version=2025-07-01', auth)).json;
		const added = emulator.rotate('ClientCert');
		const after = (await vault('/certificates/clientcert/?api-version=2025-07-01', auth)).json;
		expect(after.id).toMatch(new RegExp(`/${added.version}$`));
		expect(after.x5t).not.toBe(before.x5t);
		expect(() => emulator.rotate('nope')).toThrow();
	});

	it('rejects a token issued for another resource', async () => {
		const res = await fetch(
			`${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://management.azure.com/`,
			{ headers: { Metadata: 'true' } }
		);
		const { access_token } = (await res.json()) as { access_token: string };
		const denied = await vault('/certificates/webcert?api-version=7.5', {
			Authorization: `Bearer ${access_token}`,
		});
		expect(denied.status).toBe(401);
		expect(denied.json.error.message).toMatch(/Invalid audience/);
	});

	it('serves the demo vault of the pinned week: the same thumbprints on every start that week, others the next', async () => {
		const week = demoWeekStart(Date.now());
		const date = (days: number) =>
			new Date(week.getTime() + days * 86_400_000).toISOString().slice(0, 10);
		const thumbprints = async (options: { demoWeek?: string }) => {
			const started = await startEmulator(options);
			try {
				const sha1 = started.store
					.get('webcert')!
					.versions.map((v) => new X509Certificate(v.der).fingerprint);
				return { week: started.demoWeek, sha1 };
			} finally {
				await started.close();
			}
		};
		const saved = process.env[DEMO_WEEK_ENV];
		process.env[DEMO_WEEK_ENV] = date(3);
		try {
			const pinned = await thumbprints({});
			expect(pinned.week).toBe(date(0));
			expect(await thumbprints({ demoWeek: date(6) })).toEqual(pinned);
			const next = await thumbprints({ demoWeek: date(7) });
			expect(next.week).toBe(date(7));
			expect(next.sha1.filter((t) => pinned.sha1.includes(t))).toEqual([]);
		} finally {
			if (saved === undefined) delete process.env[DEMO_WEEK_ENV];
			else process.env[DEMO_WEEK_ENV] = saved;
		}
	});

	it('seeds from a file: imports a PFX with its password and generates RSA versions', async () => {
		const fixture = new URL('../fixtures/thumbprint/', import.meta.url).pathname;
		const seeded = await startEmulator({
			seedBaseDir: fixture,
			seed: {
				certificates: [
					{
						name: 'imported',
						import: { file: 'www.contoso.test-openssl3-aes.pfx', password: 'kvcert-demo' },
					},
					{
						name: 'rsa-web',
						subject: 'CN=rsa.contoso.test',
						keyType: 'RSA',
						versions: [{ createdDaysAgo: 1 }],
					},
				],
			},
		});
		try {
			const imported = seeded.store.get('imported')!;
			expect(imported.policy.x509_props.subject).toBe('CN=www.contoso.test, O=Contoso');
			expect(imported.versions[0]?.privateKey).toBeDefined();
			expect(seeded.store.get('rsa-web')!.versions[0]?.privateKey?.asymmetricKeyType).toBe('rsa');
		} finally {
			await seeded.close();
		}
	});
});
