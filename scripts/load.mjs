// `npm run load`: load figures for the server `npm start` runs, on loopback only and bounded in
// count and time. Starts the built site (scripts/start.mjs --no-build, demo vault) as a child on a
// free 127.0.0.1 port, then:
//   1. pages and the API at concurrency 1, 10 and 50: requests/s, p50/p99 latency, status counts;
//   2. the server's RSS before and after;
//   3. its live heap (after GC) before and after N demo lookups (default 25,000);
//   4. a room: `npm run workshop` (scripts/workshop.mjs) on a free port, and 30 participants at
//      once, each from an address of its own (127.0.0.100…) to 127.0.0.2 as on a LAN: the workshop
//      page, a demo look-up, a live stream to its first poll, joining the room and reporting
//      progress; then the 30 streams held open while the server's CPU and memory are read.
// Options: --lookups <n> (default 25000), --seconds <s> per row (default 10), --max-minutes <m>
// for the lookups (default 15), --room-only (just 4), --room-hold <s> (default 30).
// Build first (`npm run build`) if there is no dist/.
import { fork } from 'node:child_process';
import { roomLoad } from './workshop-load.mjs';
import { existsSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
	options: {
		lookups: { type: 'string', default: '25000' },
		seconds: { type: 'string', default: '10' },
		'max-minutes': { type: 'string', default: '15' },
		'room-only': { type: 'boolean', default: false },
		'room-hold': { type: 'string', default: '30' },
	},
});
const lookups = Number(values.lookups);
const rowSeconds = Number(values.seconds);
const maxLookupMs = Number(values['max-minutes']) * 60_000;
const rowRequests = 2000;

if (!existsSync(`${root}dist/server/entry.mjs`)) {
	console.error('npm run load: no build yet; run `npm run build` first.');
	process.exit(2);
}

/** A free loopback port. */
function freePort() {
	return new Promise((resolve) => {
		const probe = createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

if (!values['room-only']) await tableAndLookups();
await roomLoad({ root, hold: Number(values['room-hold']), freePort });
process.exit(0);

/** Parts 1–3: the table, the server's memory, the lookups' heap. */
async function tableAndLookups() {
	const port = await freePort();
	const server = fork(`${root}scripts/start.mjs`, ['--no-build'], {
		cwd: root,
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), KVCERT_VAULT_MODE: 'demo' },
		execArgv: ['--expose-gc'],
		stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
	});
	process.on('exit', () => server.kill());
	for (const signal of ['SIGINT', 'SIGTERM'])
		process.on(signal, () => {
			server.kill();
			process.exit(130);
		});
	await new Promise((resolve, reject) => {
		server.stdout.on('data', (chunk) => {
			if (String(chunk).includes(`:${port}/`)) resolve();
		});
		server.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
	});

	/** The server's memory (it answers over the IPC channel; `gc` first when asked). */
	function memory(gc) {
		return new Promise((resolve) => {
			server.once('message', (message) => resolve(message.memory));
			server.send({ kvcert: 'memory', gc });
		});
	}

	/** One GET; resolves to [status, milliseconds]. */
	function get(agent, path) {
		const started = performance.now();
		return new Promise((resolve) => {
			const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
				res.resume();
				res.on('end', () => resolve([res.statusCode, performance.now() - started]));
			});
			req.on('error', () => resolve(['error', performance.now() - started]));
			req.end();
		});
	}

	/** Runs `paths` round-robin at `concurrency` until `count` requests or `seconds` have passed. */
	async function run(paths, concurrency, count, seconds) {
		const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
		const deadline = performance.now() + seconds * 1000;
		const times = [];
		const statuses = {};
		let next = 0;
		const started = performance.now();
		await Promise.all(
			Array.from({ length: concurrency }, async () => {
				while (next < count && performance.now() < deadline) {
					const path = paths[next++ % paths.length];
					const [status, ms] = await get(agent, path);
					times.push(ms);
					statuses[status] = (statuses[status] ?? 0) + 1;
				}
			})
		);
		const elapsed = (performance.now() - started) / 1000;
		agent.destroy();
		times.sort((a, b) => a - b);
		const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
		return {
			requests: times.length,
			rps: times.length / elapsed,
			p50: at(0.5),
			p99: at(0.99),
			statuses,
		};
	}

	const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
	const api = '/api/thumbprints?vault=demo&name=webcert';
	const pages = ['/ja/', '/en/', '/en/architecture/vm-extension/', '/ja/tools/thumbprint/'];

	const rssStart = (await memory(false)).rss;
	console.log(
		`kvcert load test, server on 127.0.0.1:${port} (demo vault), Node ${process.version}\n`
	);
	console.log('| target | concurrency | requests | req/s | p50 ms | p99 ms | statuses |');
	console.log('|---|---:|---:|---:|---:|---:|---|');
	for (const [name, paths] of [
		['pages', pages],
		['API (demo lookup)', [api]],
	])
		for (const concurrency of [1, 10, 50]) {
			const r = await run(paths, concurrency, rowRequests, rowSeconds);
			const statuses = Object.entries(r.statuses)
				.map(([s, n]) => `${s}×${n}`)
				.join(' ');
			console.log(
				`| ${name} | ${concurrency} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${statuses} |`
			);
		}
	const rssAfterRows = (await memory(false)).rss;

	// Lookups at the server's own concurrency limit (8), so none is turned away as busy.
	await run([api], 8, 200, 60); // warm-up
	const heapBefore = (await memory(true)).heapUsed;
	const lookupsRun = await run([api], 8, lookups, maxLookupMs / 1000);
	const after = await memory(true);
	console.log(
		`\nRSS: ${mb(rssStart)} at start, ${mb(rssAfterRows)} after the table, ${mb(after.rss)} after the lookups`
	);
	console.log(
		`Live heap after GC: ${mb(heapBefore)} before ${lookupsRun.requests} demo lookups, ${mb(after.heapUsed)} after (${((after.heapUsed - heapBefore) / 1024 / 1024).toFixed(1)} MB); ${lookupsRun.rps.toFixed(0)} lookups/s, statuses ${JSON.stringify(lookupsRun.statuses)}`
	);
	server.kill();
}
