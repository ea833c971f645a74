import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

/** A running {@link startVaultTunnel}. */
export interface VaultTunnel {
	/** `http://127.0.0.1:<port>`: the value for HTTPS_PROXY. */
	proxyUrl: string;
	close(): Promise<void>;
}

/**
 * A loopback HTTP proxy that knows one destination: `CONNECT <host>:443` for one of `hosts` (the
 * demo vault's `*.vault.azure.net` name, which the SDK's challenge check wants, and the emulator's
 * Entra ID host) is tunnelled to the emulator's port on 127.0.0.1; every other request is refused.
 * A sample run with HTTPS_PROXY set to it can reach nothing else over HTTPS, so it never talks to a
 * real vault or to the real Entra ID.
 */
export async function startVaultTunnel(hosts: string[], target: URL): Promise<VaultTunnel> {
	const allowed = new Set(hosts.map((host) => `${host.toLowerCase()}:443`));
	const targetPort = Number(target.port);
	const server: Server = createServer((_req, res) => {
		res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Only the demo vault is reachable.\n');
	});
	server.on('connect', (req, socket, head) => {
		const clientSocket = socket as Socket;
		if (!allowed.has(req.url?.toLowerCase() ?? '')) {
			clientSocket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
			return;
		}
		const upstream = connect(targetPort, target.hostname.replace(/^\[|\]$/g, ''), () => {
			clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			if (head.length) upstream.write(head);
			upstream.pipe(clientSocket);
			clientSocket.pipe(upstream);
		});
		const drop = () => {
			upstream.destroy();
			clientSocket.destroy();
		};
		upstream.on('error', drop);
		clientSocket.on('error', drop);
		clientSocket.setTimeout(30_000, drop);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		proxyUrl: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
