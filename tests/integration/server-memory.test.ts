import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	REQUEST_RECORD_LIMIT,
	startEmulator,
	type RunningEmulator,
} from '../../src/emulator/emulator.ts';
import { emulatorCertificateClient } from '../../src/vault/certificate-clients.ts';
import { SharedLookups } from '../../src/server/shared-lookups.ts';
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
		// Every lookup reads the vault (no shared answers), at any rate: the heap is what is measured.
		sharing: new SharedLookups(0),
		readsPerMinute: 1e9,
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
			// A leak grows in every round; GC noise (±2 MB seen under load) does not. So the heap is
			// read after each of three rounds and the smallest growth must stay under the limit: a leak
			// of 3 KB per lookup (1.5 MB a round) fails, one noisy reading does not.
			const round = 500;
			const growthsMb: number[] = [];
			let before = liveHeap();
			for (let r = 0; r < 3; r++) {
				expect(await lookUp(round)).toBe(round);
				const after = liveHeap();
				growthsMb.push((after - before) / 1024 / 1024);
				before = after;
			}
			// Every lookup takes a token and makes 3+ vault requests: without bounds both lists grow.
			expect(emulator.issuedTokens().length).toBeLessThanOrEqual(1000);
			expect(emulator.requests.length).toBe(REQUEST_RECORD_LIMIT);
			console.log(
				`heap growth per ${round} lookups: ${growthsMb.map((g) => g.toFixed(2)).join(', ')} MB`
			);
			expect(Math.min(...growthsMb)).toBeLessThan(1.5);
		}
	);
});
