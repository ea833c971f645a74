import { X509Certificate } from 'node:crypto';
import { picks, pollOfUpdate } from '../../src/components/widgets/workshop/predict-exercise.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate, workshopConfig, type VaultVersion } from '../../src/core/simulate/index.ts';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import {
	clampInterval,
	handleControlRequest,
	handleLiveRequest,
	type LiveDependencies,
} from '../../src/server/simulator/live-handler.ts';
import { LIVE_MAX_RENEWALS } from '../../src/server/simulator/live-session.ts';
import { LiveSessions, type LiveLimits } from '../../src/server/simulator/live-sessions.ts';
import { CLIENT_HEADER } from '../../src/server/client-limits.ts';

// The real SDK (SecretClient) against a real emulator: the live session of the renewal simulator.
let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => {
	await emulator?.close();
});

const limits = (overrides: Partial<LiveLimits> = {}): LiveLimits => ({
	maxStreams: 3,
	maxStreamsPerClient: 3,
	maxViews: 64,
	maxViewsPerClient: 4,
	...overrides,
});

const deps = (overrides: Partial<LiveDependencies> = {}): LiveDependencies => ({
	mode: 'demo',
	sessions: new LiveSessions(limits()),
	vault: async () => emulator,
	...overrides,
});

interface SseEvent {
	event: string;
	data: Record<string, unknown>;
	raw: string;
}

/** Reads Server-Sent Events from a response until `until` says stop; returns every event read. */
async function readEvents(
	response: Response,
	until: (event: SseEvent, all: SseEvent[]) => boolean | Promise<boolean>,
	timeoutMs = 20_000
): Promise<SseEvent[]> {
	const reader = response.body!.getReader();
	const decoder = new TextDecoder();
	const events: SseEvent[] = [];
	let buffer = '';
	const deadline = Date.now() + timeoutMs;
	try {
		while (Date.now() < deadline) {
			const { done, value } = await reader.read();
			if (done) return events;
			buffer += decoder.decode(value, { stream: true });
			let cut: number;
			while ((cut = buffer.indexOf('\n\n')) >= 0) {
				const raw = buffer.slice(0, cut);
				buffer = buffer.slice(cut + 2);
				const event = /^event: (.+)$/m.exec(raw)?.[1] ?? 'message';
				const data = JSON.parse(/^data: (.+)$/m.exec(raw)?.[1] ?? '{}') as Record<string, unknown>;
				const parsed = { event, data, raw };
				events.push(parsed);
				if (await until(parsed, events)) return events;
			}
		}
		throw new Error('timed out waiting for events');
	} finally {
		await reader.cancel();
	}
}

const control = (body: unknown, d: LiveDependencies, headers: Record<string, string> = {}) =>
	handleControlRequest(
		new Request('http://127.0.0.1/api/simulator/control', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', ...headers },
			body: typeof body === 'string' ? body : JSON.stringify(body),
		}),
		d
	);

const live = (
	query: string,
	d: LiveDependencies,
	lang = 'en',
	options: { client?: string; eventSource?: boolean; signal?: AbortSignal } = {}
) =>
	handleLiveRequest(
		new Request(`http://127.0.0.1/api/simulator/live?${query}`, {
			headers: {
				'Accept-Language': lang,
				[CLIENT_HEADER]: options.client ?? '127.0.0.1',
				...(options.eventSource ? { Accept: 'text/event-stream' } : {}),
			},
			...(options.signal ? { signal: options.signal } : {}),
		}),
		d
	);

type Cert = { thumbprint: string; version: string };

/** A stored emulator version as the simulator's model takes it. */
function vaultVersionOf(v: { version: string; der: Buffer; enabled: boolean }): VaultVersion {
	const x509 = new X509Certificate(v.der);
	return {
		version: v.version,
		subject: x509.subject.split('\n').join(', '),
		sans: (x509.subjectAltName ?? '').split(', ').map((s) => s.replace(/^DNS:/, '')),
		thumbprint: x509.fingerprint.replace(/:/g, ''),
		notBefore: Math.floor(Date.parse(x509.validFrom) / 1000),
		notAfter: Math.floor(Date.parse(x509.validTo) / 1000),
		enabled: v.enabled,
		exportable: true,
	};
}

/** The model (the scripted simulator's engine) over every version in the vault, as it stands now. */
function modelFirstPoll(os: 'windows' | 'linux', version: string): string[] {
	const versions = emulator.store.get('webcert')!.versions.map(vaultVersionOf);
	const simulation = simulate({
		config: workshopConfig(os, version),
		vault: {
			access: true,
			identity: true,
			certificates: [{ name: 'webcert', deleted: false, versions }],
		},
		events: [],
		start: Math.floor(Date.now() / 1000),
		polls: 1,
	});
	return simulation.polls[0]!.certificates.map((c) => c.thumbprint).sort();
}

describe('live and scripted agree', () => {
	it('a new VM’s first poll installs the same certificates live as in the model: two on 4.0, one before', async () => {
		const installed: Record<string, number> = {};
		for (const [os, version] of [
			['windows', '3.0'],
			['windows', '4.0'],
			['linux', '3.0'],
			['linux', '4.0'],
		] as const) {
			const events = await readEvents(
				live(`os=${os}&version=${version}&interval=1`, deps()),
				(event) => event.event === 'poll'
			);
			const poll = events.find((e) => e.event === 'poll')!;
			const live4 = (poll.data['certificates'] as Cert[]).map((c) => c.thumbprint).sort();
			expect(live4, `${os} ${version}`).toEqual(modelFirstPoll(os, version));
			installed[`${os} ${version}`] = live4.length;
		}
		// The demo vault's webcert has three versions: 4.0 installs the two newest (research S1, S11).
		expect(installed).toEqual({
			'windows 3.0': 1,
			'windows 4.0': 2,
			'linux 3.0': 1,
			'linux 4.0': 2,
		});
	});
});

describe('exercise C in live mode (the facilitator page names these versions)', () => {
	it('after a renewal, step 3 is the renewed version 4 and step 4 version 3 on every version; on 4.0 the store also holds version 2', () => {
		const view = emulator.store.fork();
		const certificate = view.get('webcert')!;
		view.createVersion('webcert', certificate.policy);
		const all = certificate.versions.map(vaultVersionOf);
		const ordinal = (thumbprint: string | undefined) =>
			all.findIndex((v) => v.thumbprint === thumbprint) + 1;
		const start = Math.floor(Date.now() / 1000);
		const picked: Record<string, [number, number, number[]]> = {};
		for (const [os, version] of [
			['windows', '1.0'],
			['windows', '3.0'],
			['windows', '4.0'],
			['linux', '3.0'],
			['linux', '4.0'],
		] as const) {
			const simulation = simulate({
				config: workshopConfig(os, version),
				vault: {
					access: true,
					identity: true,
					certificates: [{ name: 'webcert', deleted: false, versions: all.slice(0, 3) }],
				},
				events: [{ at: 60, kind: 'new-version', certificate: 'webcert', version: all[3]! }],
				start,
				polls: 2,
			});
			const poll = pollOfUpdate({ poll: simulation.polls.at(-1) })!;
			const { recommended, first } = picks(poll);
			const store = poll.certificates.map((c) => ordinal(c.thumbprint));
			picked[`${os} ${version}`] = [ordinal(recommended), ordinal(first), store];
		}
		expect(picked).toEqual({
			'windows 1.0': [4, 3, [3, 4]],
			'windows 3.0': [4, 3, [3, 4]],
			'windows 4.0': [4, 3, [3, 2, 4]],
			'linux 3.0': [4, 3, [3, 4]],
			'linux 4.0': [4, 3, [3, 2, 4]],
		});
	});
});

describe('live renewal simulator against the emulator', () => {
	for (const [os, version] of [
		['windows', '1.0'],
		['linux', '4.0'],
	] as const)
		it(`${os} ${version}: renew, and the next accelerated poll has the new thumbprint in the store`, async () => {
			const d = deps();
			const response = live(`os=${os}&version=${version}&interval=1`, d);
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
			let sessionId = '';
			let renewedAfterPoll = -1;
			let newThumbprint = '';
			const events = await readEvents(response, async (event) => {
				if (event.event === 'session') sessionId = String(event.data['id']);
				if (event.event !== 'poll') return false;
				const index = Number(event.data['index']);
				const store = event.data['certificates'] as Cert[];
				if (renewedAfterPoll < 0) {
					expect(store.length).toBeGreaterThan(0);
					const before = new Set(store.map((c) => c.thumbprint));
					const answer = await control({ session: sessionId, action: 'renew' }, d);
					expect(answer.status).toBe(200);
					const { version: newVersion } = (await answer.json()) as { version: string };
					// The renewal is in this session's own view of the vault, not in the shared one.
					expect(emulator.store.getVersion('webcert', newVersion)).toBeUndefined();
					const created = d.sessions.get(sessionId)!.view!.store.getVersion('webcert', newVersion)!;
					const { X509Certificate } = await import('node:crypto');
					newThumbprint = new X509Certificate(created.der).fingerprint.replace(/:/g, '');
					expect(before.has(newThumbprint)).toBe(false);
					renewedAfterPoll = index;
					return false;
				}
				// Within one accelerated poll: the very next poll after the renewal.
				expect(index).toBe(renewedAfterPoll + 1);
				expect(store.map((c) => c.thumbprint)).toContain(newThumbprint);
				return true;
			});
			const polls = events.filter((e) => e.event === 'poll');
			// The HTTP trace: the extension's versionless GET of the secret, method/path/status only.
			const trace = polls[0]!.data['trace'] as { method: string; path: string; status: number }[];
			expect(trace).toContainEqual({ method: 'GET', path: '/secrets/webcert/', status: 200 });
			expect(Object.keys(trace[0]!).sort()).toEqual(['method', 'path', 'status']);
			const all = events.map((e) => e.raw).join('\n');
			expect(all).not.toMatch(/eyJ[\w-]{10,}/);
			const tokens = emulator.issuedTokens();
			expect(tokens.length).toBeGreaterThan(0);
			for (const token of tokens) expect(all).not.toContain(token);
			expect(d.sessions.size).toBe(0);
		});

	it('revoking access shows 403 in the trace and the model logs a failure; granting it back recovers', async () => {
		const d = deps();
		let sessionId = '';
		let step = 0;
		const events = await readEvents(
			live('os=linux&version=3.0&interval=1', d, 'ja'),
			async (event) => {
				if (event.event === 'session') sessionId = String(event.data['id']);
				if (event.event !== 'poll') return false;
				const trace = event.data['trace'] as { status: number }[];
				if (step === 0) {
					expect((await control({ session: sessionId, action: 'revoke' }, d)).status).toBe(200);
					step = 1;
					return false;
				}
				if (step === 1) {
					expect(trace.map((t) => t.status)).toContain(403);
					expect(event.data['access']).toBe(false);
					expect((await control({ session: sessionId, action: 'grant' }, d)).status).toBe(200);
					step = 2;
					return false;
				}
				expect(event.data['access']).toBe(true);
				return true;
			}
		);
		const log = events
			.filter((e) => e.event === 'poll')
			.flatMap((e) => (e.data['log'] as { text: string }[]).map((l) => l.text));
		expect(log.join('\n')).toMatch(/ERROR/);
	});

	it('disabling a version is read as disabled in the vault on the next poll', async () => {
		const d = deps();
		let sessionId = '';
		let disabled = '';
		await readEvents(live('os=windows&version=3.0&interval=1', d), async (event) => {
			if (event.event === 'session') sessionId = String(event.data['id']);
			if (event.event !== 'poll') return false;
			const vault = event.data['vault'] as { version: string; enabled: boolean }[];
			if (!disabled) {
				const answer = await control(
					{ session: sessionId, action: 'disable', version: vault[0]!.version },
					d
				);
				disabled = ((await answer.json()) as { version: string }).version;
				return false;
			}
			expect(vault.find((v) => v.version === disabled)?.enabled).toBe(false);
			return true;
		});
		expect(emulator.store.getVersion('webcert', disabled)!.enabled).toBe(true);
	});
});

describe('live simulator limits and refusals', () => {
	it('clamps the accelerated interval to 1–30 s', () => {
		expect(clampInterval('0')).toBe(1);
		expect(clampInterval('999')).toBe(30);
		expect(clampInterval('abc')).toBe(5);
		expect(clampInterval(null)).toBe(5);
	});

	it('refuses a stream past the server limit with 503 and Retry-After in the user language, and frees the slot when a stream closes', async () => {
		const d = deps({ sessions: new LiveSessions(limits({ maxStreamsPerClient: 9 })) });
		const open = [1, 2, 3].map((i) => live('interval=30', d, 'en', { client: `10.0.0.${i}` }));
		const fourth = live('interval=30', d, 'ja');
		expect(fourth.status).toBe(503);
		expect(fourth.headers.get('retry-after')).toBe('5');
		const body = (await fourth.json()) as { error: { message: string; retry: string } };
		expect(body.error.message).toContain('上限');
		expect(body.error.retry).toContain('{{seconds}}');
		await open[0]!.body!.cancel();
		await new Promise((r) => setTimeout(r, 50));
		const again = live('interval=30', d);
		expect(again.status).toBe(200);
		await Promise.all([again, open[1]!, open[2]!].map((r) => r.body!.cancel()));
	});

	it('ends a session at its time limit with a message', async () => {
		const events = await readEvents(live('interval=1', deps({ maxDurationMs: 1500 })), () => false);
		const end = events.at(-1)!;
		expect(end.event).toBe('end');
		expect(String(end.data['message'])).toMatch(/time limit/);
	});

	it('is off with a clear message when KVCERT_VAULT_MODE=azure', async () => {
		for (const [lang, text] of [
			['en', 'KVCERT_VAULT_MODE=azure'],
			['ja', 'ライブ モードは無効です'],
		] as const) {
			const response = live('', deps({ mode: 'azure' }), lang);
			expect(response.status).toBe(503);
			expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
				text
			);
		}
	});

	it('rejects bad parameters and hostile control bodies with clear messages', async () => {
		const d = deps();
		expect(live('os=macos', d).status).toBe(400);
		const badVersion = live('os=windows&version=2.0', d);
		expect(badVersion.status).toBe(400);
		expect(((await badVersion.json()) as { error: { message: string } }).error.message).toContain(
			'1.0, 3.0, 4.0'
		);
		expect((await control('{', d)).status).toBe(400);
		expect((await control('[]', d)).status).toBe(400);
		expect((await control({ session: 'nope', action: 'renew' }, d)).status).toBe(404);
		expect((await control({ session: 'x', pad: 'a'.repeat(5000) }, d)).status).toBe(413);
		expect((await control('{}', d, { 'Content-Type': 'text/plain' })).status).toBe(415);
		const get = await handleControlRequest(
			new Request('http://127.0.0.1/api/simulator/control'),
			d
		);
		expect(get.status).toBe(405);
	});
});

describe('a room of live streams', () => {
	it('serves streams with the same interval from one shared poller per number of versions installed: one read per poll, however many streams', async () => {
		const d = deps({
			sessions: new LiveSessions(limits({ maxStreams: 30, maxStreamsPerClient: 30 })),
		});
		const streams = Array.from({ length: 10 }, (_, i) =>
			live(
				`os=${i % 2 ? 'linux' : 'windows'}&version=${i % 2 ? '3.0' : '4.0'}&interval=2`,
				d,
				'en',
				{
					client: `10.0.1.${i}`,
				}
			)
		);
		const before = emulator.requests.length;
		const pollers = new Set<number>();
		const firstPolls = await Promise.all(
			streams.map((response) =>
				readEvents(response, (event) => {
					pollers.add(d.sessions.pollers);
					return event.event === 'poll';
				})
			)
		);
		for (const events of firstPolls) {
			const poll = events.find((e) => e.event === 'poll')!;
			expect((poll.data['certificates'] as Cert[]).length).toBeGreaterThan(0);
		}
		// One poller per interval and number of newest versions installed: windows 4.0 installs two
		// (it also lists the versions), linux 3.0 one.
		expect(Math.max(...pollers)).toBe(2);
		// One read each (a versionless GET and a GET per older version it knows; for 4.0 a list and
		// the second-newest version first): not ten.
		expect(emulator.requests.length - before).toBeLessThanOrEqual(10);
		await new Promise((r) => setTimeout(r, 50));
		expect(d.sessions.size).toBe(0);
		expect(d.sessions.pollers).toBe(0);
	});

	it("keeps one visitor's renewal, revoke and disable out of every other stream", async () => {
		const d = deps({
			sessions: new LiveSessions(limits({ maxStreams: 5, maxStreamsPerClient: 5 })),
		});
		const mine = live('interval=1', d, 'en', { client: '10.0.2.1' });
		const theirs = live('interval=1', d, 'en', { client: '10.0.2.2' });
		let id = '';
		let renewed = '';
		await readEvents(mine, async (event) => {
			if (event.event === 'session') id = String(event.data['id']);
			if (event.event !== 'poll') return false;
			if (!renewed) {
				const answer = await control({ session: id, action: 'renew' }, d);
				renewed = ((await answer.json()) as { version: string }).version;
				expect((await control({ session: id, action: 'revoke' }, d)).status).toBe(200);
				return false;
			}
			return (event.data['access'] as boolean) === false;
		});
		const other = await readEvents(
			theirs,
			(_event, all) => all.filter((e) => e.event === 'poll').length >= 3
		);
		for (const poll of other.filter((e) => e.event === 'poll')) {
			expect(poll.data['access']).toBe(true);
			const vault = poll.data['vault'] as { version: string }[];
			expect(vault.map((v) => v.version)).not.toContain(renewed);
		}
		expect(emulator.store.get('webcert')!.versions).toHaveLength(3);
	});

	it('limits streams per client: a plain request gets 429, an EventSource waits and is told so, another client is served', async () => {
		const d = deps({
			sessions: new LiveSessions(limits({ maxStreams: 10, maxStreamsPerClient: 1 })),
			waitAttempts: 1,
		});
		const first = live('interval=30', d, 'en', { client: '10.0.3.1' });
		const plain = live('interval=30', d, 'ja', { client: '10.0.3.1' });
		expect(plain.status).toBe(429);
		expect(plain.headers.get('retry-after')).toBe('10');
		expect(((await plain.json()) as { error: { code: string } }).error.code).toBe(
			'tooManyForClient'
		);
		const waiting = live('interval=30', d, 'en', { client: '10.0.3.1', eventSource: true });
		const refused = await readEvents(waiting, (event) => event.event === 'refused');
		expect(refused.at(-1)!.data).toMatchObject({ status: 429, retrying: true, retryAfter: 10 });
		expect(String(refused.at(-1)!.data['message'])).toMatch(/this address .*same network address/i);
		const other = live('interval=30', d, 'en', { client: '10.0.3.2' });
		expect(other.status).toBe(200);
		await Promise.all([first, other].map((r) => r.body!.cancel()));
	});

	it('starts a waiting EventSource as soon as a stream is free', async () => {
		const d = deps({
			sessions: new LiveSessions(limits({ maxStreams: 1, maxStreamsPerClient: 1 })),
		});
		const first = live('interval=30', d, 'en', { client: '10.0.4.1' });
		const second = live('interval=1', d, 'en', { client: '10.0.4.2', eventSource: true });
		let closedFirst = false;
		const events = await readEvents(
			second,
			async (event) => {
				if (event.event === 'refused' && !closedFirst) {
					closedFirst = true;
					await first.body!.cancel();
				}
				return event.event === 'poll';
			},
			15_000
		);
		expect(events.map((e) => e.event)).toEqual(['refused', 'session', 'poll']);
	});

	it('holds nothing for a client that left before its stream started', async () => {
		const d = deps();
		const controller = new AbortController();
		controller.abort();
		const response = live('interval=30', d, 'en', { signal: controller.signal });
		await response.body?.cancel().catch(() => {});
		await new Promise((r) => setTimeout(r, 20));
		expect(d.sessions.streams.size).toBe(0);
		expect(d.sessions.size).toBe(0);
	});

	it('rates starts and renewals per client, so closing and reopening does not reset them (rv24b Info 7)', async () => {
		const d = deps({
			sessions: new LiveSessions(
				limits({ maxStreams: 10, maxStreamsPerClient: 10, opensPerClient: 3, renewalsPerClient: 2 })
			),
		});
		const renewIn = async (client: string) => {
			const statuses: number[] = [];
			let refusal: { status: number; retryAfter: string | null; body: unknown } | undefined;
			await readEvents(live('interval=30', d, 'en', { client }), async (event) => {
				if (event.event !== 'session') return false;
				const session = String(event.data['id']);
				for (let i = 0; i < 3; i++) {
					const answer = await control({ session, action: 'renew' }, d, {
						[CLIENT_HEADER]: client,
						'Accept-Language': 'ja',
					});
					statuses.push(answer.status);
					if (answer.status === 429)
						refusal = {
							status: 429,
							retryAfter: answer.headers.get('retry-after'),
							body: await answer.json(),
						};
				}
				return true;
			});
			return { statuses, refusal };
		};
		const first = await renewIn('10.0.6.1');
		expect(first.statuses).toEqual([200, 200, 429]);
		expect(first.refusal!.body).toMatchObject({ error: { code: 'renewRate' } });
		expect(JSON.stringify(first.refusal!.body)).toContain('10 分あたり 2 回');
		expect(Number(first.refusal!.retryAfter)).toBeGreaterThan(0);
		// A new session of the same client: still refused, where the per-session cap started again.
		expect((await renewIn('10.0.6.1')).statuses).toEqual([429, 429, 429]);
		// Its third start is its last in the window: a plain request gets 429, an EventSource an end event.
		await live('interval=30', d, 'en', { client: '10.0.6.1' }).body!.cancel();
		const plain = live('interval=30', d, 'ja', { client: '10.0.6.1' });
		expect([
			plain.status,
			((await plain.json()) as { error: { code: string } }).error.code,
		]).toEqual([429, 'openRate']);
		expect(Number(plain.headers.get('retry-after'))).toBeGreaterThan(0);
		const stream = live('interval=30', d, 'en', { client: '10.0.6.1', eventSource: true });
		const ended = await readEvents(stream, (event) => event.event === 'end');
		expect(ended.map((e) => e.event)).toEqual(['end']);
		expect(ended[0]!.data).toMatchObject({ reason: 'refused' });
		expect(String(ended[0]!.data['message'])).toMatch(/started live mode 3 times in 10 minutes/);
		expect(d.sessions.streams.size).toBe(0);
		// Another client behind its own address is served.
		const other = live('interval=30', d, 'en', { client: '10.0.6.2' });
		expect(other.status).toBe(200);
		await other.body!.cancel();
	});

	it('caps renewals per session', async () => {
		const d = deps();
		let id = '';
		const statuses: number[] = [];
		await readEvents(live('interval=30', d), async (event) => {
			if (event.event !== 'session') return false;
			id = String(event.data['id']);
			for (let i = 0; i <= LIVE_MAX_RENEWALS; i++)
				statuses.push((await control({ session: id, action: 'renew' }, d)).status);
			return true;
		});
		expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(LIVE_MAX_RENEWALS);
		expect(statuses.at(-1)).toBe(429);
		expect(emulator.store.get('webcert')!.versions).toHaveLength(3);
	});

	it("a renewal the session's cap refuses does not use up one of the client's renewals (rv24c item 6)", async () => {
		const d = deps({
			sessions: new LiveSessions(limits({ renewalsPerClient: LIVE_MAX_RENEWALS + 2 })),
		});
		const client = { [CLIENT_HEADER]: '10.0.7.1' };
		const renewIn = (tries: number) => {
			const codes: string[] = [];
			return readEvents(live('interval=30', d, 'en', { client: '10.0.7.1' }), async (event) => {
				if (event.event !== 'session') return false;
				for (let i = 0; i < tries; i++) {
					const answer = await control(
						{ session: String(event.data['id']), action: 'renew' },
						d,
						client
					);
					codes.push(
						answer.status === 200
							? 'ok'
							: ((await answer.json()) as { error: { code: string } }).error.code
					);
				}
				return true;
			}).then(() => codes);
		};
		const first = await renewIn(LIVE_MAX_RENEWALS + 5);
		expect(first.filter((code) => code === 'ok')).toHaveLength(LIVE_MAX_RENEWALS);
		expect(first.slice(LIVE_MAX_RENEWALS)).toEqual(Array(5).fill('renewLimit'));
		// The client's window counted only the 20 renewals made: a new session still has 2.
		expect(await renewIn(3)).toEqual(['ok', 'ok', 'renewRate']);
	});
});
