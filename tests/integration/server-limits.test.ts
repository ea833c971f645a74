import { createServer, type Socket } from 'node:net';
import { CertificateClient } from '@azure/keyvault-certificates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import { emulatorCertificateClient } from '../../src/vault/certificate-clients.ts';
import { CLIENT_HEADER } from '../../src/server/client-limits.ts';
import { SharedLookups } from '../../src/server/shared-lookups.ts';
import {
	handleThumbprintsRequest,
	type ThumbprintsDependencies,
} from '../../src/server/thumbprints-handler.ts';
import type { ThumbprintsResponse } from '../../src/core/thumbprint/types.ts';
import { uiTranslator } from '../../src/core/i18n/ui-strings.ts';

let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator?.close());

const request = (lang: string, name = 'webcert', client = '127.0.0.1', signal?: AbortSignal) =>
	new Request(`http://127.0.0.1/api/thumbprints?vault=demo&name=${name}&lang=${lang}`, {
		headers: { [CLIENT_HEADER]: client },
		...(signal ? { signal } : {}),
	});

/** Dependencies whose client waits at `gate` before reading, counting the reads it starts. */
function gatedDeps(gate: Promise<void>, overrides: Partial<ThumbprintsDependencies> = {}) {
	const reads: AbortSignal[] = [];
	const deps: ThumbprintsDependencies = {
		mode: 'demo',
		demo: async () => emulator,
		sharing: new SharedLookups(),
		createClient: (target) => {
			const client = emulatorCertificateClient(target.kind === 'demo' ? target.demo : emulator);
			const getCertificate = client.getCertificate.bind(client);
			client.getCertificate = async (name, options) => {
				reads.push(options!.abortSignal as AbortSignal);
				await gate;
				return getCertificate(name, options);
			};
			return client;
		},
		...overrides,
	};
	return { deps, reads };
}

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
		// Another certificate needs a read of its own, and the only slot is taken.
		for (const [lang, words] of [
			['en', 'This kvcert server is busy'],
			['ja', uiTranslator('ja')('kvcert.thumbprint.api.busy').slice(0, 30)],
		] as const) {
			const busy = await handleThumbprintsRequest(request(lang, 'apicert', '10.0.0.9'), deps);
			expect(busy.status).toBe(503);
			expect(busy.headers.get('retry-after')).toBe('5');
			const body = (await busy.json()) as {
				error: { code: string; message: string; retryAfter: number; retry: string };
			};
			expect(body.error.code).toBe('busy');
			expect(body.error.retryAfter).toBe(5);
			expect(body.error.retry).toContain('{{seconds}}');
			expect(body.error.message).toContain(words);
			expect(body.error.message).not.toMatch(/Key Vault|429|throttl|スロットル/i);
		}
		release();
		expect((await first).status).toBe(200);
		// The slot is free again.
		expect((await handleThumbprintsRequest(request('en', 'apicert'), deps)).status).toBe(200);
	});
});

describe('a room fetching the same certificate', () => {
	it('shares one read among 30 identical look-ups, all answered 200 with the versions, none refused', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const { deps, reads } = gatedDeps(gate, { maxConcurrent: 1, maxPerClient: 1 });
		const answers = Array.from({ length: 30 }, (_, i) =>
			handleThumbprintsRequest(request(i % 2 ? 'ja' : 'en', 'webcert', `10.0.1.${i}`), deps)
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		release();
		const responses = await Promise.all(answers);
		expect(responses.map((r) => r.status)).toEqual(Array(30).fill(200));
		const bodies = (await Promise.all(responses.map((r) => r.json()))) as ThumbprintsResponse[];
		for (const body of bodies) expect(body.versions).toHaveLength(3);
		expect(reads).toHaveLength(1);
		// Within the short cache time the next look-up reads nothing either.
		expect((await handleThumbprintsRequest(request('en'), deps)).status).toBe(200);
		expect(reads).toHaveLength(1);
	});

	it('cancels a read when the only client waiting for it goes away, and frees its slot', async () => {
		const { deps, reads } = gatedDeps(new Promise(() => {}), { maxConcurrent: 1 });
		const controller = new AbortController();
		const gone = handleThumbprintsRequest(
			request('en', 'webcert', '10.0.2.1', controller.signal),
			deps
		);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(reads).toHaveLength(1);
		controller.abort();
		await gone;
		expect(reads[0]!.aborted).toBe(true);
		// The slot is free: the next look-up starts a read of its own instead of getting 503.
		const next = handleThumbprintsRequest(request('en', 'apicert', '10.0.2.2'), deps);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(reads).toHaveLength(2);
		void next;
	});

	it('keeps a read going while another client still waits for it', async () => {
		let release: () => void = () => {};
		const { deps, reads } = gatedDeps(new Promise<void>((resolve) => (release = resolve)));
		const controller = new AbortController();
		void handleThumbprintsRequest(request('en', 'webcert', '10.0.3.1', controller.signal), deps);
		const staying = handleThumbprintsRequest(request('en', 'webcert', '10.0.3.2'), deps);
		await new Promise((resolve) => setTimeout(resolve, 50));
		controller.abort();
		release();
		expect((await staying).status).toBe(200);
		expect(reads).toHaveLength(1);
		expect(reads[0]!.aborted).toBe(false);
	});

	it('limits the reads one client runs at once with 429 and Retry-After; other clients go on', async () => {
		let release: () => void = () => {};
		const { deps } = gatedDeps(new Promise<void>((resolve) => (release = resolve)), {
			maxPerClient: 1,
		});
		const first = handleThumbprintsRequest(request('en', 'webcert', '10.0.4.1'), deps);
		await new Promise((resolve) => setTimeout(resolve, 50));
		const second = await handleThumbprintsRequest(request('ja', 'apicert', '10.0.4.1'), deps);
		expect(second.status).toBe(429);
		expect(second.headers.get('retry-after')).toBe('5');
		const body = (await second.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('tooManyForClient');
		expect(body.error.message).toContain('この端末');
		const other = handleThumbprintsRequest(request('en', 'apicert', '10.0.4.2'), deps);
		release();
		expect((await first).status).toBe(200);
		expect((await other).status).toBe(200);
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
