import { createServer, type Socket } from 'node:net';
import { CertificateClient } from '@azure/keyvault-certificates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { emulatorCertificateClient } from '../../src/vault/certificate-clients.ts';
import {
	handleThumbprintsRequest,
	type ThumbprintsDependencies,
} from '../../src/server/thumbprints-handler.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator?.close());

const request = (lang: string) =>
	new Request(`http://127.0.0.1/api/thumbprints?vault=demo&name=webcert&lang=${lang}`);

describe('the lookup concurrency limit', () => {
	it('answers 503 saying this server is busy, with Retry-After, never blaming Key Vault', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const deps: ThumbprintsDependencies = {
			mode: 'demo',
			demo: async () => emulator,
			maxConcurrent: 1,
			createClient: (target) => {
				const client = emulatorCertificateClient(target.kind === 'demo' ? target.demo : emulator);
				const getCertificate = client.getCertificate.bind(client);
				client.getCertificate = async (...args) => {
					await gate;
					return getCertificate(...args);
				};
				return client;
			},
		};
		const first = handleThumbprintsRequest(request('en'), deps);
		await new Promise((resolve) => setTimeout(resolve, 50));
		for (const [lang, words] of [
			['en', 'This kvcert server is busy'],
			['ja', 'この kvcert サーバーはほかの参照を処理中で混み合っています'],
		] as const) {
			const busy = await handleThumbprintsRequest(request(lang), deps);
			expect(busy.status).toBe(503);
			expect(busy.headers.get('retry-after')).toBe('5');
			const body = (await busy.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('busy');
			expect(body.error.message).toContain(words);
			expect(body.error.message).not.toMatch(/Key Vault|429|throttl|スロットル/i);
		}
		release();
		expect((await first).status).toBe(200);
		// The slot is free again.
		expect((await handleThumbprintsRequest(request('en'), deps)).status).toBe(200);
	});
});

describe('a vault that never answers', () => {
	it('times out with 504 and closes the socket it opened', async () => {
		const sockets = new Set<Socket>();
		const silent = createServer((socket) => {
			sockets.add(socket);
			// Read (and drop) what the client sends, so its closing is seen.
			socket.resume();
			socket.on('close', () => sockets.delete(socket));
		});
		await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
		const port = (silent.address() as { port: number }).port;
		const demo = { ...emulator, vaultUrl: `https://127.0.0.1:${port}` };
		try {
			const response = await handleThumbprintsRequest(request('en'), {
				mode: 'demo',
				demo: async () => demo,
				timeoutMs: 500,
				createClient: () =>
					new CertificateClient(
						demo.vaultUrl,
						{ getToken: async () => ({ token: 't', expiresOnTimestamp: Date.now() + 3.6e6 }) },
						{
							tlsOptions: { ca: emulator.caPem },
							disableChallengeResourceVerification: true,
							retryOptions: { maxRetries: 0 },
						}
					),
			});
			expect(response.status).toBe(504);
			expect(((await response.json()) as { error: { code: string } }).error.code).toBe('timeout');
			const deadline = Date.now() + 5000;
			while (sockets.size > 0 && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 50));
			expect(sockets.size).toBe(0);
		} finally {
			for (const socket of sockets) socket.destroy();
			silent.close();
		}
	});
});
