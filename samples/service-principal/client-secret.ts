// Architecture 1, shown so that you can recognise it, not copy it.
// A service principal's client secret, stored on the VM, opens Key Vault. Anyone who can read
// AZURE_CLIENT_SECRET here (or in a backup or image of this VM) can do the same from anywhere.
// Use the managed identity samples in ../managed-identity/ instead.
import { ClientSecretCredential } from '@azure/identity';
import { SecretClient } from '@azure/keyvault-secrets';

const tenantId = process.env.AZURE_TENANT_ID;
const clientId = process.env.AZURE_CLIENT_ID;
const clientSecret = process.env.AZURE_CLIENT_SECRET; // "secret zero": the secret that guards the secrets
if (!tenantId || !clientId || !clientSecret) throw new Error('Service principal settings missing');

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'webcert';

const credential = new ClientSecretCredential(tenantId, clientId, clientSecret);
const client = new SecretClient(vaultUrl, credential);

// The same call as in architecture 2; only the credential differs.
const secret = await client.getSecret(certificateName);
console.log(secret.properties.contentType, secret.properties.version);
