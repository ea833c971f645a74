import { azureCertificateClient, emulatorCertificateClient } from '../vault/certificate-clients.ts';
import { getDemoEmulator } from '../vault/demo-emulator.ts';
import type { DemoVault, ThumbprintsDependencies } from './thumbprints-handler.ts';
import type { CertificateClient } from '@azure/keyvault-certificates';
import { vaultModeFromEnv } from '../vault/vault-mode.ts';
import { VISITOR_VIEW_DEFAULTS, visitorIdOf, visitorViewsOf } from './visitor-views.ts';

/**
 * One client per demo vault, reused by every lookup: its connections stay open and its token is
 * cached, where a client per lookup paid a TLS handshake and an IMDS call each time.
 */
const demoClients = new WeakMap<DemoVault, CertificateClient>();
/** Clients of visitors' views, by identity, least recently used first (as many as views at most). */
const viewClients = new Map<string, CertificateClient>();

function demoClient(demo: DemoVault, clientId?: string): CertificateClient {
	if (clientId) {
		const client = viewClients.get(clientId) ?? emulatorCertificateClient(demo, clientId);
		viewClients.delete(clientId);
		viewClients.set(clientId, client);
		if (viewClients.size > VISITOR_VIEW_DEFAULTS.max)
			viewClients.delete(viewClients.keys().next().value!);
		return client;
	}
	let client = demoClients.get(demo);
	if (!client) demoClients.set(demo, (client = emulatorCertificateClient(demo)));
	return client;
}

/** The real wiring: mode from KVCERT_VAULT_MODE, the embedded demo vault, the Azure SDK. */
export function liveThumbprintsDependencies(): ThumbprintsDependencies {
	const mode = vaultModeFromEnv();
	return {
		mode,
		...(mode === 'azure' ? {} : { demo: () => getDemoEmulator() }),
		createClient: (target) =>
			target.kind === 'demo'
				? demoClient(target.demo, target.clientId)
				: azureCertificateClient(target.vaultUrl),
		...(mode === 'azure'
			? {}
			: {
					visitorView: async (request: Request) =>
						visitorViewsOf(await getDemoEmulator()).find(visitorIdOf(request))?.view,
				}),
		log: (line) => console.log(`[kvcert] ${line}`),
	};
}
