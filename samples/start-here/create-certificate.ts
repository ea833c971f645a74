// Start here, step 6: create a self-signed certificate in Key Vault from a policy.
// Run it again on the same name and Key Vault creates a new version: that is step 11, the renewal.
// Permission: certificates/create (Azure RBAC: Key Vault Certificates Officer).
import { DefaultAzureCredential } from '@azure/identity';
import { CertificateClient } from '@azure/keyvault-certificates';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'tutorial-cert';

// On your machine, DefaultAzureCredential signs in as you (for example through `az login`).
const client = new CertificateClient(vaultUrl, new DefaultAzureCredential());

const poller = await client.beginCreateCertificate(certificateName, {
	issuerName: 'Self',
	subject: 'CN=www.contoso.com',
	validityInMonths: 12,
	keyType: 'RSA',
	keySize: 2048,
	// The VM can only get the private key if the key is exportable.
	exportable: true,
	contentType: 'application/x-pkcs12',
});
const certificate = await poller.pollUntilDone();

// The secret behind the certificate, without a version: the URL the VM extension observes.
const secretUrl = new URL(`/secrets/${certificate.name}`, certificate.properties.vaultUrl).href;
console.log({
	version: certificate.properties.version,
	secretUrl,
	// SHA-1 thumbprint, upper-case hex as `az ... --query x509ThumbprintHex` prints it.
	thumbprint: certificate.properties.x509ThumbprintString?.toUpperCase(),
	expiresOn: certificate.properties.expiresOn?.toISOString(),
});
