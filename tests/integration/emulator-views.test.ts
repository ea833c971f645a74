import { CertificateClient } from '@azure/keyvault-certificates';
import { SecretClient } from '@azure/keyvault-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { EmulatorImdsCredential } from '../../src/vault/emulator-credential.ts';
import { emulatorRequest } from '../support/emulator-request.ts';

// Visitors' own views of the demo vault, and the bounds on what a demo token can write
// (security review 2026-12-07: N10, N13, N15 and the Info items on the emulator).
let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator({ writeLimits: { writesPerMinute: 3 } });
});
afterAll(() => emulator?.close());

const options = () => ({
	tlsOptions: { ca: emulator.caPem },
	disableChallengeResourceVerification: true,
	retryOptions: { maxRetries: 0 },
});
const credential = (clientId?: string) => new EmulatorImdsCredential(emulator.imdsUrl, clientId);
const secrets = (clientId?: string) =>
	new SecretClient(emulator.vaultUrl, credential(clientId), options());

/** The certificate's versions as the SDK lists them for this identity. */
async function versionsOf(clientId: string | undefined, name: string) {
	const client = new CertificateClient(emulator.vaultUrl, credential(clientId), options());
	const found = [];
	for await (const properties of client.listPropertiesOfCertificateVersions(name))
		found.push(properties);
	return found;
}

/** A raw request to the emulator (its CA trusted unless another is given). */
const raw = (
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string; ca?: string } = {}
) => emulatorRequest(url, { ca: emulator.caPem, ...options });

const tokenUrl = () =>
	`${emulator.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net`;

async function bearer(): Promise<Record<string, string>> {
	const answer = await raw(tokenUrl(), { headers: { Metadata: 'true' } });
	return { Authorization: `Bearer ${answer.json.access_token}` };
}

describe('a visitor view of the vault', () => {
	it("keeps a renewal, a disabled version and revoked access to the view's own identity", async () => {
		const view = emulator.openView();
		try {
			const mine = secrets(view.clientId);
			const everyone = secrets();
			view.rotate('webcert');
			expect(await versionsOf(view.clientId, 'webcert')).toHaveLength(4);
			expect(await versionsOf(undefined, 'webcert')).toHaveLength(3);
			view.store.latest('webcert')!.enabled = false;
			await expect(mine.getSecret('webcert')).rejects.toMatchObject({ statusCode: 403 });
			expect((await everyone.getSecret('webcert')).value).toBeTruthy();
			view.identity.canReadVault = false;
			await expect(mine.getSecret('apicert')).rejects.toMatchObject({ statusCode: 403 });
			expect(await versionsOf(undefined, 'webcert')).toHaveLength(3);
			expect((await everyone.getSecret('apicert')).value).toBeTruthy();
		} finally {
			view.close();
		}
	});

	it('stops accepting its tokens once closed, and is removed from the identities', async () => {
		const view = emulator.openView();
		const token = await raw(`${tokenUrl()}&client_id=${view.clientId}`, {
			headers: { Metadata: 'true' },
		});
		expect(token.status).toBe(200);
		view.close();
		const answer = await raw(`${emulator.vaultUrl}/secrets/webcert?api-version=7.4`, {
			headers: { Authorization: `Bearer ${token.json.access_token}` },
		});
		expect(answer.status).toBe(401);
		expect(emulator.identities.some((i) => i.clientId === view.clientId)).toBe(false);
	});
});

describe('what a demo token can write', () => {
	it('is rate-limited with 429 and Retry-After, and bounded in size', async () => {
		const headers = { ...(await bearer()), 'Content-Type': 'application/json' };
		const create = (name: string) =>
			raw(`${emulator.vaultUrl}/certificates/${name}/create?api-version=7.4`, {
				method: 'POST',
				headers,
				body: JSON.stringify({ policy: { x509_props: { subject: `CN=${name}` } } }),
			});
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await create(`spam${i}`)).status);
		expect(statuses).toEqual([202, 202, 202, 429, 429]);
		const refused = await create('spam9');
		expect(refused.json.error.code).toBe('Throttled');
		expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
		expect(emulator.store.list()).toHaveLength(4 + 3);
	});

	it('answers 400, not 500, for a bad subject or validity', async () => {
		const headers = { ...(await bearer()), 'Content-Type': 'application/json' };
		const local = await startEmulator();
		try {
			for (const x509_props of [
				{ subject: '=,=,=' },
				{ subject: 'CN=x', validity_months: 1e12 },
				{ subject: 'CN=x', validity_months: 'abc' },
			]) {
				const auth = await raw(
					`${local.imdsUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https://vault.azure.net`,
					{ headers: { Metadata: 'true' } }
				);
				const answer = await raw(`${local.vaultUrl}/certificates/bad/create?api-version=7.4`, {
					method: 'POST',
					headers: { ...headers, Authorization: `Bearer ${auth.json.access_token}` },
					body: JSON.stringify({ policy: { x509_props } }),
					ca: local.caPem,
				});
				expect([answer.status, answer.json.error.code]).toEqual([400, 'BadParameter']);
			}
			expect(local.store.get('bad')).toBeUndefined();
		} finally {
			await local.close();
		}
	});
});

describe('host names', () => {
	it('builds ids from the vault address, never from an arbitrary Host', async () => {
		const answer = await raw(
			`${emulator.vaultUrl}/certificates/webcert/versions?api-version=7.4&maxresults=1`,
			{
				headers: { ...(await bearer()), Host: 'evil.example' },
			}
		);
		expect(answer.status).toBe(200);
		expect(JSON.stringify(answer.json)).not.toContain('evil.example');
		expect(answer.json.nextLink.startsWith(`${emulator.vaultUrl}/`)).toBe(true);
	});

	it('IMDS refuses another Host (DNS rebinding) and X-Forwarded-For, as real IMDS does', async () => {
		const rebound = await raw(tokenUrl(), { headers: { Metadata: 'true', Host: 'evil.example' } });
		expect(rebound.status).toBe(403);
		expect(rebound.json.access_token).toBeUndefined();
		const proxied = await raw(tokenUrl(), {
			headers: { Metadata: 'true', 'X-Forwarded-For': '1.2.3.4' },
		});
		expect(proxied.status).toBe(400);
		expect(proxied.json.access_token).toBeUndefined();
	});
});
