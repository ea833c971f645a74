import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_TIMEOUTS } from '../../scripts/server-timeouts.mjs';

// The options scripts/start.mjs (and so `npm run workshop`) gives its HTTP server, tested with
// raw sockets the way a starved browser in a workshop room uses them.

const PAGE = '<!doctype html><title>Workshop</title>';
let server: Server;
let port: number;
beforeAll(async () => {
	server = createServer(SERVER_TIMEOUTS, (_req, res) => {
		res.setHeader('Content-Type', 'text/html');
		res.end(PAGE);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(() => {
	server.closeAllConnections();
	server.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes `parts` (strings, or pauses in ms) to one connection; what the server sent back. */
async function converse(parts: Array<string | number>, pages = 1) {
	const socket = connect(port, '127.0.0.1');
	let received = '';
	let closed = false;
	socket.on('data', (chunk) => (received += chunk));
	socket.on('error', () => {});
	socket.on('close', () => (closed = true));
	await new Promise((resolve) => socket.once('connect', resolve));
	for (const part of parts) {
		if (typeof part === 'number') await sleep(part);
		else if (closed) break;
		else socket.write(part);
	}
	const deadline = Date.now() + 5_000;
	while (!closed && Date.now() < deadline && received.split(PAGE).length - 1 < pages)
		await sleep(50);
	await sleep(100);
	socket.destroy();
	return { statuses: received.match(/HTTP\/1\.1 \d{3}/g) ?? [], received };
}

const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;

describe.concurrent('HTTP timeouts for a room of slow browsers', () => {
	it('keeps an idle connection for a browser that comes back to it after 8 s (Node closes it after 5 s)', async () => {
		const { statuses, received } = await converse([get('/a'), 8_000, get('/b')], 2);
		expect(statuses).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
		expect(received.split(PAGE).length - 1).toBe(2);
	}, 20_000);

	it('serves a page whose request starts late and whose headers arrive in pieces, with no 408', async () => {
		const { statuses, received } = await converse([
			3_000,
			'GET /ja/workshop/ HTTP/1.1\r\n',
			3_000,
			'Host: 127.0.0.1\r\n',
			2_000,
			'\r\n',
		]);
		expect(statuses).toEqual(['HTTP/1.1 200']);
		expect(received).toContain(PAGE);
	}, 20_000);

	it('waits minutes, not Node’s 60 s, for a starved browser’s headers, and keeps headers within the request bound', () => {
		// A 5-minute wait cannot run in a test; the server's effective settings are what Node
		// enforces (a 408 after headersTimeout from the connection opening, checked every interval).
		expect(server.headersTimeout).toBeGreaterThanOrEqual(4 * 60_000);
		expect(server.requestTimeout).toBeGreaterThanOrEqual(server.headersTimeout);
		expect(server.keepAliveTimeout).toBeGreaterThan(60_000);
		expect(server.keepAliveTimeout).toBeLessThan(server.headersTimeout);
	});
});
