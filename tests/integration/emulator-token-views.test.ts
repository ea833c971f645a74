import { CertificateClient } from '@azure/keyvault-certificates';
import type { APIContext } from 'astro';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as vaultModeRoute from '../../pages/api/vault-mode.ts';
import type { ThumbprintsResponse, VaultModeResponse } from '../../src/core/thumbprint/types.ts';
import { ADMIN_HEADER } from '../../src/emulator/admin-routes.ts';
import { liveThumbprintsDependencies } from '../../src/server/live-dependencies.ts';
import { SharedLookups } from '../../src/server/shared-lookups.ts';
import { handleThumbprintsRequest } from '../../src/server/thumbprints-handler.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { EmulatorImdsCredential } from '../../src/vault/emulator-credential.ts';
import { getDemoEmulator, stopDemoEmulator } from '../../src/vault/demo-emulator.ts';
import { emulatorRequest } from '../support/emulator-request.ts';

// The site's demo vault is read by every visitor (exercise B reads /api/thumbprints): a token
// without a view of its own — the default IMDS identity, which any local process can get — writes
// to a copy of its own (security review rv24b, item 5 / N13).
let demo: RunningEmulator;
beforeAll(async () => {
	demo = await getDemoEmulator();
});
afterAll(() => stopDemoEmulator());

const sdkOptions = (emulator: RunningEmulator) => ({
	tlsOptions: { ca: emulator.caPem },
	disableChallengeResourceVerification: true,
	retryOptions: { maxRetries: 0 },
});

/**
 * What another visitor's page sees: /api/vault-mode's names and /api/thumbprints' webcert versions
 * (the real wiring, each call reading the vault rather than the 2-second shared answer).
 */
async function whatVisitorsSee() {
	const mode = (await (
		await vaultModeRoute.GET({
			request: new Request('http://localhost/api/vault-mode'),
		} as APIContext)
	).json()) as VaultModeResponse;
	const webcert = (await (
		await handleThumbprintsRequest(
			new Request('http://localhost/api/thumbprints?vault=demo&name=webcert'),
			{ ...liveThumbprintsDependencies(), sharing: new SharedLookups(0), log: () => {} }
		)
	).json()) as ThumbprintsResponse;
	return {
		names: mode.demoCertificates,
		versions: webcert.versions.map((v) => v.version),
		current: webcert.versions.find((v) => v.current)?.sha1,
	};
}

const raw = (emulator: RunningEmulator, url: string, options = {}) =>
	emulatorRequest(url, { ca: emulator.caPem, ...options });

/** A fresh token of the default identity, as any local process can get from the IMDS. */
async function freshToken(emulator: RunningEmulator): Promise<string> {
	const answer = await raw(
		emulator,
		`${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net`,
		{ headers: { Metadata: 'true' } }
	);
	return answer.json.access_token as string;
}

const create = (emulator: RunningEmulator, token: string, name: string) =>
	raw(emulator, `${emulator.vaultUrl}/certificates/${name}/create?api-version=7.4`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ policy: { x509_props: { subject: `CN=${name}.contoso.test` } } }),
	});

describe("the site's demo vault", () => {
	it("keeps the default identity's writes in that token's copy: other visitors see the seeded vault", async () => {
		const before = await whatVisitorsSee();
		expect(before.names).toContain('webcert');
		expect(before.current).toMatch(/^[0-9A-F]{40}$/);
		const writer = new CertificateClient(
			demo.vaultUrl,
			new EmulatorImdsCredential(demo.imdsUrl),
			sdkOptions(demo)
		);
		const policy = { subject: 'CN=www.contoso.test, O=Contoso', validityInMonths: 12 };
		await (await writer.beginCreateCertificate('evil1', policy)).pollUntilDone();
		await (await writer.beginCreateCertificate('webcert', policy)).pollUntilDone();

		// The writer sees its writes ...
		expect((await writer.getCertificate('evil1')).name).toBe('evil1');
		const mine = [];
		for await (const p of writer.listPropertiesOfCertificateVersions('webcert')) mine.push(p);
		expect(mine).toHaveLength(before.versions.length + 1);
		// ... nobody else does, and the shared store is as seeded.
		expect(await whatVisitorsSee()).toEqual(before);
		expect(demo.store.get('evil1')).toBeUndefined();
		// Another process with the same identity but its own token reads the seeded vault.
		const other = new CertificateClient(
			demo.vaultUrl,
			new EmulatorImdsCredential(demo.imdsUrl),
			sdkOptions(demo)
		);
		await expect(other.getCertificate('evil1')).rejects.toMatchObject({ statusCode: 404 });
	});

	it('lets a new writer in after 100 others, and keeps the number of copies bounded', async () => {
		const before = await whatVisitorsSee();
		const statuses = [];
		for (let i = 0; i < 100; i++)
			statuses.push((await create(demo, await freshToken(demo), `writer${i}`)).status);
		expect(statuses.filter((s) => s === 202)).toHaveLength(100);
		expect(demo.tokenViewCount()).toBeLessThanOrEqual(64);
		const newcomer = await freshToken(demo);
		expect((await create(demo, newcomer, 'newcomer')).status).toBe(202);
		const read = await raw(demo, `${demo.vaultUrl}/certificates/newcomer?api-version=7.4`, {
			headers: { Authorization: `Bearer ${newcomer}` },
		});
		expect(read.status).toBe(200);
		expect(demo.tokenViewCount()).toBeLessThanOrEqual(64);
		expect(await whatVisitorsSee()).toEqual(before);
	});

	it('refuses the admin endpoint: nothing changes what every visitor reads', async () => {
		const answer = await raw(demo, `${demo.imdsUrl}/kvcert/admin/certificates/webcert/rotate`, {
			method: 'POST',
			headers: { [ADMIN_HEADER]: '1' },
		});
		expect([answer.status, answer.json.error.code]).toEqual([403, 'ReadOnly']);
		expect(demo.store.get('webcert')!.versions).toHaveLength(3);
	});
});

describe("a token's copy", () => {
	it("answers a full copy in Key Vault's error shape, and a new token starts again", async () => {
		const local = await startEmulator({
			tokenViews: { maxViews: 2, writes: { maxWrites: 2, writesPerMinute: 30 } },
		});
		try {
			const token = await freshToken(local);
			const statuses = [];
			for (let i = 0; i < 3; i++) statuses.push((await create(local, token, `mine${i}`)).status);
			expect(statuses).toEqual([202, 202, 400]);
			const full = await create(local, token, 'mine9');
			expect(full.json.error.code).toBe('BadParameter');
			expect(full.json.error.message).toMatch(/full/);
			expect(JSON.stringify(full.json)).not.toContain(token);
			expect((await create(local, await freshToken(local), 'again')).status).toBe(202);
			// Three writers, two copies: the least recently used went.
			expect((await create(local, await freshToken(local), 'third')).status).toBe(202);
			expect(local.tokenViewCount()).toBe(2);
			expect(local.store.list().map((c) => c.name)).not.toContain('again');
		} finally {
			await local.close();
		}
	});

	it('limits key generation across all copies, with 429 and Retry-After', async () => {
		const local = await startEmulator({ tokenViews: { writesPerMinute: 3 } });
		try {
			const statuses = [];
			for (let i = 0; i < 4; i++)
				statuses.push((await create(local, await freshToken(local), `n${i}`)).status);
			expect(statuses).toEqual([202, 202, 202, 429]);
			const throttled = await create(local, await freshToken(local), 'n9');
			expect(throttled.json.error.code).toBe('Throttled');
			expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
		} finally {
			await local.close();
		}
	});
});
