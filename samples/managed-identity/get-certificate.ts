// Architecture 2: read the public part of a Key Vault certificate and its thumbprints.
// The certificates API never returns the private key (see load-certificate.ts for that).
// Permission: certificates/get (access policy) or certificates/read (RBAC, e.g. Key Vault Certificate User).
import { createHash, X509Certificate } from 'node:crypto';
import { CertificateClient } from '@azure/keyvault-certificates';
import { createCredential } from './credential.ts';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'webcert';

const client = new CertificateClient(vaultUrl, createCredential());

// No version given: Key Vault returns the current version.
const certificate = await client.getCertificate(certificateName);
if (!certificate.cer) throw new Error(`${certificateName} has no issued certificate yet`);

const x509 = new X509Certificate(certificate.cer);
console.log({
	version: certificate.properties.version,
	subject: x509.subject,
	validTo: x509.validTo,
	// x5t from Key Vault: SHA-1 of the DER certificate. Upper-case hex, as Windows shows it.
	sha1: certificate.properties.x509ThumbprintString?.toUpperCase(),
	// Key Vault does not return a SHA-256 thumbprint: compute it from the DER bytes.
	sha256: createHash('sha256').update(certificate.cer).digest('hex').toUpperCase(),
});
