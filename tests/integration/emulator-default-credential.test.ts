import { X509Certificate } from 'node:crypto';
import { DefaultAzureCredential } from '@azure/identity';
import { CertificateClient } from '@azure/keyvault-certificates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';

// DefaultAzureCredential reaches the fake IMDS through AZURE_POD_IDENTITY_AUTHORITY_HOST, the way a
// VM's code would reach the real one. Env first: identity caches the endpoint per process.
let emulator: RunningEmulator;

beforeAll(async () => {
	emulator = await startEmulator();
	for (const name of [
		'AZURE_CLIENT_ID',
		'AZURE_TENANT_ID',
		'AZURE_CLIENT_SECRET',
		'AZURE_FEDERATED_TOKEN_FILE',
		'AZURE_TOKEN_CREDENTIALS',
		'IDENTITY_ENDPOINT',
		'MSI_ENDPOINT',
	])
		delete process.env[name];
	process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'] = emulator.imdsUrl;
	process.env['NO_PROXY'] = '127.0.0.1,localhost';
});
afterAll(() => emulator?.close());

describe('emulator with DefaultAzureCredential', () => {
	it('reads every version of a certificate through the managed identity in the chain', async () => {
		const client = new CertificateClient(emulator.vaultUrl, new DefaultAzureCredential(), {
			tlsOptions: { ca: emulator.caPem },
			disableChallengeResourceVerification: true,
			retryOptions: { maxRetries: 0 },
		});
		const latest = await client.getCertificate('apicert');
		const versions = [];
		for await (const v of client.listPropertiesOfCertificateVersions('apicert')) versions.push(v);
		expect(versions.map((v) => v.enabled).sort()).toEqual([false, true]);
		expect(versions.find((v) => v.version === latest.properties.version)?.enabled).toBe(true);
		const fingerprint = new X509Certificate(Buffer.from(latest.cer!)).fingerprint.replaceAll(
			':',
			''
		);
		expect(latest.properties.x509ThumbprintString!.toUpperCase()).toBe(fingerprint);
		expect(emulator.issuedTokens()).toHaveLength(1);
	});

	it('refuses a token the emulator did not issue with the challenge again', async () => {
		const client = new CertificateClient(
			emulator.vaultUrl,
			{ getToken: async () => ({ token: 'forged', expiresOnTimestamp: Date.now() + 3_600_000 }) },
			{
				tlsOptions: { ca: emulator.caPem },
				disableChallengeResourceVerification: true,
				retryOptions: { maxRetries: 0 },
			}
		);
		await expect(client.getCertificate('webcert')).rejects.toMatchObject({ statusCode: 401 });
	});
});
