import { X509Certificate } from 'node:crypto';
import { ManagedIdentityCredential } from '@azure/identity';
import { CertificateClient } from '@azure/keyvault-certificates';
import { SecretClient } from '@azure/keyvault-secrets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';

// The real SDK (ManagedIdentityCredential → fake IMDS, CertificateClient → HTTPS emulator).
// @azure/identity caches the IMDS endpoint per process: the env is set before the first token, and
// vitest runs each test file in its own worker.
let emulator: RunningEmulator;
let client: CertificateClient;

beforeAll(async () => {
	emulator = await startEmulator();
	for (const name of [
		'AZURE_CLIENT_ID',
		'AZURE_TENANT_ID',
		'AZURE_CLIENT_SECRET',
		'IDENTITY_ENDPOINT',
		'MSI_ENDPOINT',
	])
		delete process.env[name];
	process.env['AZURE_POD_IDENTITY_AUTHORITY_HOST'] = emulator.imdsUrl;
	process.env['NO_PROXY'] = '127.0.0.1,localhost';
	client = new CertificateClient(emulator.vaultUrl, new ManagedIdentityCredential(), {
		tlsOptions: { ca: emulator.caPem },
		disableChallengeResourceVerification: true,
		retryOptions: { maxRetries: 0 },
	});
});
afterAll(() => emulator?.close());

describe('emulator with the real CertificateClient and ManagedIdentityCredential', () => {
	it('gets the latest version with its policy', async () => {
		const cert = await client.getCertificate('webcert');
		expect(cert.name).toBe('webcert');
		expect(cert.policy?.subject).toBe('CN=www.contoso.test, O=Contoso');
		expect(cert.properties.version).toMatch(/^[0-9a-f]{32}$/);
		expect(cert.properties.vaultUrl).toBe(emulator.vaultUrl);
		const x509 = new X509Certificate(Buffer.from(cert.cer!));
		expect(cert.properties.x509ThumbprintString!.toUpperCase()).toBe(
			x509.fingerprint.replaceAll(':', '')
		);
	});

	it('lists versions with paging and gets each version', async () => {
		const versions = [];
		// The SDK forwards `maxresults` to the query (it is not in the public options type).
		const options = { maxresults: 1 } as Parameters<
			typeof client.listPropertiesOfCertificateVersions
		>[1];
		for await (const v of client.listPropertiesOfCertificateVersions('webcert', options))
			versions.push(v);
		expect(versions).toHaveLength(3);
		const pagedPaths = emulator.requests.filter((r) => r.path.endsWith('/versions'));
		expect(pagedPaths.length).toBeGreaterThanOrEqual(3);
		for (const properties of versions) {
			const version = await client.getCertificateVersion('webcert', properties.version!);
			const x509 = new X509Certificate(Buffer.from(version.cer!));
			expect(Buffer.from(version.properties.x509Thumbprint!).toString('hex').toUpperCase()).toBe(
				x509.fingerprint.replaceAll(':', '')
			);
			expect(properties.x509ThumbprintString).toBe(version.properties.x509ThumbprintString);
		}
	});

	it('reports 404 CertificateNotFound for an unknown certificate', async () => {
		await expect(client.getCertificate('nope')).rejects.toMatchObject({
			statusCode: 404,
			code: 'CertificateNotFound',
		});
	});

	it('returns an empty version list for an unknown name', async () => {
		const versions = [];
		for await (const v of client.listPropertiesOfCertificateVersions('nope')) versions.push(v);
		expect(versions).toEqual([]);
	});

	it('rotation (create on an existing certificate) adds a version with a new thumbprint', async () => {
		const before = await client.getCertificate('webcert');
		const poller = await client.beginCreateCertificate('webcert', before.policy!, {
			intervalInMs: 10,
		});
		const after = await poller.pollUntilDone();
		expect(after.properties.version).not.toBe(before.properties.version);
		expect(after.properties.x509ThumbprintString).not.toBe(before.properties.x509ThumbprintString);
		const versions = [];
		for await (const v of client.listPropertiesOfCertificateVersions('webcert')) versions.push(v);
		expect(versions).toHaveLength(4);
	});

	it('imports a PEM certificate with its key as a new certificate', async () => {
		const secrets = new SecretClient(emulator.vaultUrl, new ManagedIdentityCredential(), {
			tlsOptions: { ca: emulator.caPem },
			disableChallengeResourceVerification: true,
			retryOptions: { maxRetries: 0 },
		});
		const pem = (await secrets.getSecret('clientcert')).value!;
		const imported = await client.importCertificate('imported', new TextEncoder().encode(pem), {
			policy: { contentType: 'application/x-pem-file' },
		});
		const original = await client.getCertificate('clientcert');
		expect(imported.properties.x509ThumbprintString).toBe(original.properties.x509ThumbprintString);
		expect(imported.policy?.issuerName).toBe('Unknown');
	});

	it('serves the certificate-backed secret as PFX or PEM with its content type', async () => {
		const secrets = new SecretClient(emulator.vaultUrl, new ManagedIdentityCredential(), {
			tlsOptions: { ca: emulator.caPem },
			disableChallengeResourceVerification: true,
			retryOptions: { maxRetries: 0 },
		});
		const pfx = await secrets.getSecret('legacycert');
		expect(pfx.properties.contentType).toBe('application/x-pkcs12');
		expect(pfx.properties.managed).toBe(true);
		expect(Buffer.from(pfx.value!, 'base64')[0]).toBe(0x30);
		const pem = await secrets.getSecret('apicert');
		expect(pem.properties.contentType).toBe('application/x-pem-file');
		expect(pem.value).toContain('-----BEGIN PRIVATE KEY-----');
	});

	it('uses a user-assigned identity by client id, object id and resource id', async () => {
		const [, user] = emulator.identities;
		for (const options of [
			{ clientId: user!.clientId },
			{ objectId: user!.objectId },
			{ resourceId: user!.resourceId },
		]) {
			const token = await new ManagedIdentityCredential(options).getToken(
				'https://vault.azure.net/.default'
			);
			expect(emulator.issuedTokens()).toContain(token.token);
		}
	});

	it('answers 403 ForbiddenByRbac for an identity without a role on the vault', async () => {
		const noAccess = emulator.identities[2]!;
		const denied = new CertificateClient(
			emulator.vaultUrl,
			new ManagedIdentityCredential({ clientId: noAccess.clientId }),
			{
				tlsOptions: { ca: emulator.caPem },
				disableChallengeResourceVerification: true,
				retryOptions: { maxRetries: 0 },
			}
		);
		await expect(denied.getCertificate('webcert')).rejects.toMatchObject({
			statusCode: 403,
			code: 'Forbidden',
		});
	});
});
