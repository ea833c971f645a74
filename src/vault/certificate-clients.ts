import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { CertificateClient } from '@azure/keyvault-certificates';
import type { RunningEmulator } from '../emulator/emulator.ts';
import { EmulatorImdsCredential } from './emulator-credential.ts';

let azureCredential: TokenCredential | undefined;

/** One DefaultAzureCredential per process, so tokens are cached between requests. */
function sharedAzureCredential(): TokenCredential {
	azureCredential ??= new DefaultAzureCredential();
	return azureCredential;
}

/**
 * A CertificateClient for a real vault: DefaultAzureCredential (az login on a laptop, managed
 * identity on App Service or a VM, or AZURE_* environment variables), few and short retries.
 */
export function azureCertificateClient(vaultUrl: string): CertificateClient {
	return new CertificateClient(vaultUrl, sharedAzureCredential(), {
		retryOptions: { maxRetries: 2, retryDelayInMs: 500, maxRetryDelayInMs: 2000 },
		userAgentOptions: { userAgentPrefix: 'kvcert' },
	});
}

/**
 * A CertificateClient for the emulator: its CA trusted for this client only, its IMDS as the
 * credential (`clientId` picks a user-assigned identity, such as a visitor's view), and the challenge resource check off because the emulator is not on vault.azure.net.
 */
export function emulatorCertificateClient(
	emulator: Pick<RunningEmulator, 'vaultUrl' | 'imdsUrl' | 'caPem'>,
	clientId?: string
): CertificateClient {
	const credential = new EmulatorImdsCredential(emulator.imdsUrl, clientId);
	return new CertificateClient(emulator.vaultUrl, credential, {
		tlsOptions: { ca: emulator.caPem },
		disableChallengeResourceVerification: true,
		retryOptions: { maxRetries: 0 },
		userAgentOptions: { userAgentPrefix: 'kvcert' },
	});
}
