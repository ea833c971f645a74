// The room part of `npm run load` (scripts/load.mjs): `npm run workshop` on a free port and 30
// participants at once, each from a loopback address of its own (127.0.0.100…) to 127.0.0.2, as
// on a LAN: the workshop page, a demo look-up, a live stream to its first poll, joining the room
// and reporting progress. Then the 30 streams stay open `hold` seconds while the server's CPU time
// and memory are read. Loopback only, bounded in count and time.
import { fork } from 'node:child_process';
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';

const PARTICIPANTS = 30;

/** One request from `from`; resolves with status, ms and (for SSE) the time to the first poll. */
function call(port, from, path, { method = 'GET', body, sse = false, hold } = {}) {
	const started = performance.now();
	return new Promise((resolve) => {
		const req = request(
			{
				host: '127.0.0.2',
				port,
				path,
				method,
				localAddress: from,
				agent: false,
				headers: {
					...(body ? { 'Content-Type': 'application/json' } : {}),
					...(sse ? { Accept: 'text/event-stream' } : {}),
				},
			},
			(res) => {
				let text = '';
				let firstPoll;
				let polls = 0;
				res.setEncoding('utf8');
				res.on('data', (chunk) => {
					if (!sse) return void (text += chunk);
					text += chunk;
					const events = text.match(/^event: \w+$/gm) ?? [];
					polls = events.filter((e) => e === 'event: poll').length;
					if (polls && firstPoll === undefined) {
						firstPoll = performance.now() - started;
						hold.then(() => req.destroy());
						resolve({
							status: res.statusCode,
							ms: firstPoll,
							refused: /event: refused/.test(text),
							polls: () => polls,
						});
					}
				});
				res.on('end', () =>
					resolve({
						status: res.statusCode,
						ms: performance.now() - started,
						text,
						polls: () => polls,
					})
				);
			}
		);
		req.on('error', () =>
			resolve({ status: 'error', ms: performance.now() - started, polls: () => 0 })
		);
		req.end(body === undefined ? undefined : JSON.stringify(body));
	});
}

const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
};
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Runs the room and prints its table. */
export async function roomLoad({ root, hold: holdSeconds, freePort }) {
	const port = await freePort();
	const server = fork(`${root}scripts/workshop.mjs`, ['--no-build', '--no-qr', '--lang', 'en'], {
		cwd: root,
		env: { ...process.env, HOST: '0.0.0.0', PORT: String(port), KVCERT_VAULT_MODE: 'demo' },
		execArgv: ['--expose-gc'],
		stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
	});
	process.on('exit', () => server.kill());
	let output = '';
	await new Promise((resolve, reject) => {
		server.stdout.on('data', (chunk) => {
			output += chunk;
			if (output.includes(`listening on 0.0.0.0:${port}`)) resolve();
		});
		server.on('exit', (code) => reject(new Error(`the room exited (${code})`)));
	});
	const memory = (gc) =>
		new Promise((resolve) => {
			server.once('message', (message) => resolve(message));
			server.send({ kvcert: 'memory', gc });
		});

	// The facilitator has opened the pages before the room arrives: warm the server up once (its
	// routes, the demo vault's first token, a live poller), from an address no participant uses.
	const warm = Promise.resolve();
	await call(port, '127.0.0.99', '/en/workshop/');
	await call(port, '127.0.0.99', '/api/thumbprints?vault=demo&name=webcert');
	await call(port, '127.0.0.99', '/api/simulator/live?interval=2', { sse: true, hold: warm });
	await call(port, '127.0.0.99', '/api/room');
	await new Promise((resolve) => setTimeout(resolve, 3000));

	const before = await memory(true);
	let release;
	const held = new Promise((resolve) => (release = resolve));
	const started = performance.now();
	const participants = await Promise.all(
		Array.from({ length: PARTICIPANTS }, async (_, i) => {
			const from = `127.0.0.${100 + i}`;
			const lang = i % 2 ? 'en' : 'ja';
			const [page, lookup, live, joined] = await Promise.all([
				call(port, from, `/${lang}/workshop/`),
				call(port, from, `/api/thumbprints?vault=demo&name=webcert&lang=${lang}`),
				call(
					port,
					from,
					`/api/simulator/live?os=${i % 3 ? 'windows' : 'linux'}&version=4.0&interval=2&lang=${lang}`,
					{
						sse: true,
						hold: held,
					}
				),
				call(port, from, '/api/room/join', { method: 'POST', body: { name: `P${i}`, lang } }),
			]);
			const { token } = JSON.parse(joined.text ?? '{}');
			const progress = await call(port, from, '/api/room/progress', {
				method: 'POST',
				body: {
					token,
					exercises: { template: { done: true, attempts: 3, failed: 2 } },
					answers: { 0: '1' },
				},
			});
			return { page, lookup, live, joined, progress };
		})
	);
	const burstSeconds = (performance.now() - started) / 1000;
	const cpuStart = (await memory(false)).cpu;
	const heldFrom = performance.now();
	await new Promise((resolve) => setTimeout(resolve, holdSeconds * 1000));
	const during = await memory(false);
	const heldFor = (performance.now() - heldFrom) / 1000;
	const polls = participants.map((p) => p.live.polls());
	release();
	const cpuSeconds = (during.cpu.user + during.cpu.system - cpuStart.user - cpuStart.system) / 1e6;

	const rows = [
		['workshop page', participants.map((p) => p.page)],
		['demo look-up (webcert)', participants.map((p) => p.lookup)],
		['live stream: first poll', participants.map((p) => p.live)],
		['join the room', participants.map((p) => p.joined)],
		['progress report', participants.map((p) => p.progress)],
	];
	console.log(
		`\nA room: npm run workshop on 0.0.0.0:${port}, ${PARTICIPANTS} participants at once from 127.0.0.100–${99 + PARTICIPANTS} to 127.0.0.2 (burst done in ${burstSeconds.toFixed(1)} s; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)\n`
	);
	console.log('| step | clients | p50 ms | p99 ms | statuses | refused |');
	console.log('|---|---:|---:|---:|---|---:|');
	for (const [name, answers] of rows) {
		const statuses = {};
		for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
		const refused = answers.filter(
			(a) =>
				a.refused || a.status === 'error' || a.status === 403 || a.status === 429 || a.status >= 500
		).length;
		console.log(
			`| ${name} | ${answers.length} | ${quantile(
				answers.map((a) => a.ms),
				0.5
			).toFixed(0)} | ${quantile(
				answers.map((a) => a.ms),
				0.99
			).toFixed(0)} | ${Object.entries(statuses)
				.map(([s, n]) => `${s}×${n}`)
				.join(' ')} | ${refused} |`
		);
	}
	console.log(
		`\n${PARTICIPANTS} live streams held ${heldFor.toFixed(0)} s (interval 2 s): ${quantile(polls, 0.5)} polls per stream (min ${Math.min(...polls)}); server CPU ${cpuSeconds.toFixed(2)} s in that time (${((cpuSeconds / heldFor) * 100).toFixed(1)} % of one core)`
	);
	const after = await memory(true);
	console.log(
		`Server memory: RSS ${mb(before.memory.rss)} before the room, ${mb(during.memory.rss)} with 30 streams open; live heap after GC ${mb(before.memory.heapUsed)} before, ${mb(after.memory.heapUsed)} after`
	);
	server.kill();
}
