// Architecture 2 end to end: serve HTTPS with a Key Vault certificate and follow its renewals.
// Key Vault does not push a new version to the app: the app has to look again itself.
import { createServer } from 'node:https';
import { SecretClient } from '@azure/keyvault-secrets';
import { createCredential } from './credential.ts';
import { loadCertificate } from './load-certificate.ts';

const vaultUrl = process.env.KEYVAULT_URL ?? 'https://myvault.vault.azure.net';
const certificateName = process.env.CERTIFICATE_NAME ?? 'webcert';
const port = Number(process.env.PORT ?? 8443);
// All interfaces unless HOST names one (the page's Run button gives 127.0.0.1).
const host = process.env.HOST;
// Once an hour by default, like the default polling of VM extension 4.0.
const refreshMs = Number(process.env.REFRESH_SECONDS ?? 3600) * 1000;

const client = new SecretClient(vaultUrl, createCredential());

// Read once at start-up and keep it in memory: do not call Key Vault for every request.
let current = await loadCertificate(client, certificateName);
const server = createServer(current.tls, (_request, response) => {
	response.end(`served with version ${current.version}\n`);
});
server.listen(port, host, () =>
	console.log(`listening on ${port} with version ${current.version}`)
);

async function refresh(): Promise<void> {
	try {
		const latest = await loadCertificate(client, certificateName);
		if (latest.version === current.version) return;
		// New connections use the renewed certificate; open connections finish undisturbed.
		server.setSecureContext(latest.tls);
		current = latest;
		console.log(`switched to version ${latest.version}`);
	} catch (error) {
		// Keep serving the certificate we have; try again at the next interval.
		console.error('refresh failed', error);
	}
}

setInterval(() => void refresh(), refreshMs);
