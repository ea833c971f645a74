/**
 * Linux: serve HTTPS with the certificate that the Key Vault VM extension installs, and switch to a
 * renewed version without restarting the process.
 *
 * KeyVaultForLinux 3.x writes one PEM file per certificate version (leaf, intermediates, then the
 * private key) and points the symlink <VaultName>.<CertificateName> at the newest file. This server
 * reads the certificate through the symlink and checks every few minutes whether the symlink now
 * leads to a different certificate. If it does, the TLS context is replaced in place; connections
 * already open keep the old one.
 *
 * KeyVaultForLinux 4.x writes the chain and the key to separate files: set CERT_PATH and KEY_PATH.
 * This sample expects a PEM private key there; check the files on your VM, since the 4.x key file
 * format is not described in the sources this guide uses.
 * The process needs read access to these files: the store is root-only unless you grant access
 * with the extension's `acls` setting.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:https';

const STORE = '/var/lib/waagent/Microsoft.Azure.KeyVault.Store';
/** The symlink, never a versioned file name. */
const certPath = process.env['CERT_PATH'] ?? `${STORE}/myvault.webcert`;
/** 3.x keeps the private key in the same file as the chain. */
const keyPath = process.env['KEY_PATH'] ?? certPath;
const port = Number(process.env['PORT'] ?? 8443);
const checkEveryMs = 5 * 60 * 1000;

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

interface TlsMaterial {
	cert: string;
	key: string;
	/** SHA-1 thumbprint of the leaf, in the form Windows and the Azure portal show. */
	thumbprint: string;
	validTo: string;
}

/** Reads the PEM file(s) through the symlink and splits them into the chain and the private key. */
async function loadTlsMaterial(): Promise<TlsMaterial> {
	const certText = await readFile(certPath, 'utf8');
	const keyText = keyPath === certPath ? certText : await readFile(keyPath, 'utf8');
	const blocks = (text: string) => [...text.matchAll(PEM_BLOCK)];
	const chain = blocks(certText)
		.filter((m) => m[1] === 'CERTIFICATE')
		.map((m) => m[0]);
	const key = blocks(keyText).find((m) => m[1]?.endsWith('PRIVATE KEY'))?.[0];
	const leaf = chain[0];
	if (leaf === undefined || key === undefined) {
		throw new Error(`No certificate or no private key in ${certPath} / ${keyPath}`);
	}
	const x509 = new X509Certificate(leaf);
	return {
		cert: chain.join('\n'),
		key,
		thumbprint: x509.fingerprint.replaceAll(':', ''),
		validTo: x509.validTo,
	};
}

async function main(): Promise<void> {
	let current = await loadTlsMaterial();
	const server = createServer({ cert: current.cert, key: current.key }, (_req, res) => {
		res.end('ok\n');
	});
	server.listen(port, () => {
		console.log(`listening on ${port} with ${current.thumbprint} (valid to ${current.validTo})`);
	});

	setInterval(() => {
		loadTlsMaterial()
			.then((next) => {
				if (next.thumbprint === current.thumbprint) return;
				server.setSecureContext({ cert: next.cert, key: next.key });
				console.log(`renewed: ${current.thumbprint} -> ${next.thumbprint}`);
				current = next;
			})
			.catch((error: unknown) => {
				// A failed read (for example during a rename) keeps the current certificate.
				console.error('reload failed, keeping the current certificate:', error);
			});
	}, checkEveryMs);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
