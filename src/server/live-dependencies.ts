import { azureCertificateClient, emulatorCertificateClient } from '../vault/certificate-clients.ts';
import { getDemoEmulator } from '../vault/demo-emulator.ts';
import type { ThumbprintsDependencies } from './thumbprints-handler.ts';
import { vaultModeFromEnv } from '../vault/vault-mode.ts';

/** The real wiring: mode from KVCERT_VAULT_MODE, the embedded demo vault, the Azure SDK. */
export function liveThumbprintsDependencies(): ThumbprintsDependencies {
	const mode = vaultModeFromEnv();
	return {
		mode,
		...(mode === 'azure' ? {} : { demo: () => getDemoEmulator() }),
		createClient: (target) =>
			target.kind === 'demo'
				? emulatorCertificateClient(target.demo)
				: azureCertificateClient(target.vaultUrl),
		log: (line) => console.log(`[kvcert] ${line}`),
	};
}
