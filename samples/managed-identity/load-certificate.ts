import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { SecureContextOptions } from 'node:tls';
import type { SecretClient } from '@azure/keyvault-secrets';

/** A certificate with its private key, read from the secret that backs a Key Vault certificate. */
export interface LoadedCertificate {
	/** The Key Vault version that was read. Every renewal creates a new one. */
	version: string | undefined;
	/** SHA-1 thumbprint of the leaf certificate (PEM only; Node cannot open a PFX without a library). */
	thumbprint: string | undefined;
	/** Options for tls.createSecureContext(), https.createServer() or server.setSecureContext(). */
	tls: SecureContextOptions;
}

const PRIVATE_KEY =
	/-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----[\s\S]+?-----END (?:[A-Z]+ )?PRIVATE KEY-----/;
const CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads the current version of the certificate's secret (the only object that carries the private key)
 * and turns it into TLS options. Permission: secrets/get (access policy) or
 * secrets/getSecret/action (RBAC, e.g. Key Vault Secrets User).
 */
export async function loadCertificate(
	client: SecretClient,
	name: string
): Promise<LoadedCertificate> {
	const secret = await client.getSecret(name);
	const value = secret.value;
	const version = secret.properties.version;
	if (!value) throw new Error(`Secret ${name} has no value`);

	switch (secret.properties.contentType) {
		case 'application/x-pkcs12':
			// Base64 of a PFX without a password.
			return { version, thumbprint: undefined, tls: { pfx: Buffer.from(value, 'base64') } };

		case 'application/x-pem-file': {
			// Plain PEM text: the private key and the certificate chain.
			const key = value.match(PRIVATE_KEY)?.[0];
			if (!key) throw new Error(`No private key in ${name}: is the key non-exportable?`);
			const privateKey = createPrivateKey(key);
			const certificates = (value.match(CERTIFICATE) ?? []).map((pem) => new X509Certificate(pem));
			// Put the certificate that matches the key first: TLS expects the leaf, then its issuers.
			const leaf = certificates.find((certificate) => certificate.checkPrivateKey(privateKey));
			if (!leaf) throw new Error(`No certificate in ${name} matches its private key`);
			const chain = [leaf, ...certificates.filter((certificate) => certificate !== leaf)];
			return {
				version,
				thumbprint: leaf.fingerprint.replaceAll(':', ''),
				tls: { key, cert: chain.map((certificate) => certificate.toString()).join('') },
			};
		}

		default:
			throw new Error(
				`${name} has content type ${secret.properties.contentType ?? '(none)'}: not a certificate`
			);
	}
}
