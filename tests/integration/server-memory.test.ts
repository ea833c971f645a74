import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	REQUEST_RECORD_LIMIT,
	startEmulator,
	type RunningEmulator,
} from '../../src/emulator/emulator.ts';
import { emulatorCertificateClient } from '../../src/vault/certificate-clients.ts';
import { handleThumbprintsRequest } from '../../src/server/thumbprints-handler.ts';

// Flat memory under many demo lookups through the real SDK, with a fresh client and a new IMDS
// token per lookup (harsher than the site, which reuses one client). `npm run load` does 25,000
// against the running server; this does fewer so it fits in the test run.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const liveHeap = () => {
	gc();
	gc();
	return process.memoryUsage().heapUsed;
};

let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(() => emulator?.close());

async function lookUp(count: number) {
	const deps = {
		mode: 'demo' as const,
		demo: async () => emulator,
		createClient: () => emulatorCertificateClient(emulator),
	};
	let ok = 0;
	const worker = async (n: number) => {
		for (let i = 0; i < n; i++) {
			const response = await handleThumbprintsRequest(
				new Request('http://127.0.0.1/api/thumbprints?vault=demo&name=webcert'),
				deps
			);
			await response.text();
			if (response.status === 200) ok++;
		}
	};
	await Promise.all(Array.from({ length: 4 }, () => worker(count / 4)));
	return ok;
}

describe('memory after many demo lookups', () => {
	it(
		'keeps tokens and request records bounded and the live heap flat',
		{ timeout: 600_000 },
		async () => {
			// Warm-up past both caps (1,000 tokens, 1,000 request records): a bounded list still grows
			// until it is full, which is not a leak. Also JIT, TLS session caches, module state.
			expect(await lookUp(1000)).toBe(1000);
			const before = liveHeap();
			const count = 800;
			expect(await lookUp(count)).toBe(count);
			const after = liveHeap();
			// Every lookup takes a token and makes 3+ vault requests: without bounds both lists grow.
			expect(emulator.issuedTokens().length).toBeLessThanOrEqual(1000);
			expect(emulator.requests.length).toBe(REQUEST_RECORD_LIMIT);
			const growthMb = (after - before) / 1024 / 1024;
			console.log(`heap after ${count} lookups: ${growthMb.toFixed(2)} MB growth`);
			expect(growthMb).toBeLessThan(3);
		}
	);
});
