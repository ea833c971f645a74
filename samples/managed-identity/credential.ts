import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

/**
 * The VM's managed identity, taken from IMDS: no secret is stored anywhere on the VM.
 * With AZURE_CLIENT_ID set, the user-assigned identity with that client ID is used (needed when the VM
 * has more than one identity); otherwise the system-assigned identity.
 */
export function createCredential(): TokenCredential {
	const clientId = process.env.AZURE_CLIENT_ID;
	return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
}
