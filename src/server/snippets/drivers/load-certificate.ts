// The live run of samples/managed-identity/load-certificate.ts, which only exports a function: call it
// the way https-server.ts does and print what it returns. The server redacts the private key.
import { SecretClient } from '@azure/keyvault-secrets';
import { createCredential } from '../../../../samples/managed-identity/credential.ts';
import { loadCertificate } from '../../../../samples/managed-identity/load-certificate.ts';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'webcert';

const loaded = await loadCertificate(
	new SecretClient(vaultUrl, createCredential()),
	certificateName
);
console.log(loaded);
