// Start here, step 11: every version of a certificate with its thumbprint, and which one is current.
// The current version is what the versionless URL returns, so it is what the VM extension installs next.
// Permission: certificates/list and certificates/get (Azure RBAC: Key Vault Certificates Officer).
import { DefaultAzureCredential } from '@azure/identity';
import { CertificateClient, type CertificateProperties } from '@azure/keyvault-certificates';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'tutorial-cert';

const client = new CertificateClient(vaultUrl, new DefaultAzureCredential());

const versions: CertificateProperties[] = [];
for await (const properties of client.listPropertiesOfCertificateVersions(certificateName)) {
	versions.push(properties);
}
// Key Vault does not promise an order: sort by creation time, newest first.
versions.sort((a, b) => (b.createdOn?.getTime() ?? 0) - (a.createdOn?.getTime() ?? 0));

// No version yet: the listing is empty (Key Vault answers 200 with no items, not 404).
if (versions.length === 0) {
	console.log(`${certificateName} has no versions yet.`);
	process.exit(0);
}
const current = await client.getCertificate(certificateName);
for (const version of versions) {
	const mark = version.version === current.properties.version ? '  (current)' : '';
	console.log(
		`${version.createdOn?.toISOString()}  ${version.x509ThumbprintString?.toUpperCase()}${mark}`
	);
}
