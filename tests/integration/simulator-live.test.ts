import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.ts';
import {
	clampInterval,
	handleControlRequest,
	handleLiveRequest,
	type LiveDependencies,
} from '../../src/server/simulator/live-handler.ts';
import { LiveSessions } from '../../src/server/simulator/live-session.ts';

// The real SDK (SecretClient) against a real emulator: the live session of the renewal simulator.
let emulator: RunningEmulator;
beforeAll(async () => {
	emulator = await startEmulator();
});
afterAll(async () => {
	await emulator?.close();
});

const deps = (overrides: Partial<LiveDependencies> = {}): LiveDependencies => ({
	mode: 'demo',
	sessions: new LiveSessions(3),
	openVault: async () => ({ emulator, release: async () => {} }),
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

const live = (query: string, d: LiveDependencies, lang = 'en') =>
	handleLiveRequest(
		new Request(`http://127.0.0.1/api/simulator/live?${query}`, {
			headers: { 'Accept-Language': lang },
		}),
		d
	);

type Cert = { thumbprint: string; version: string };

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
					const created = emulator.store.getVersion('webcert', newVersion)!;
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
			expect(all).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/);
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
		emulator.store.getVersion('webcert', disabled)!.enabled = true;
	});
});

describe('live simulator limits and refusals', () => {
	it('clamps the accelerated interval to 1–30 s', () => {
		expect(clampInterval('0')).toBe(1);
		expect(clampInterval('999')).toBe(30);
		expect(clampInterval('abc')).toBe(5);
		expect(clampInterval(null)).toBe(5);
	});

	it('refuses a fourth session with 503 in the user language, and frees the slot when a stream closes', async () => {
		const d = deps();
		const open = [live('interval=30', d), live('interval=30', d), live('interval=30', d)];
		const fourth = live('interval=30', d, 'ja');
		expect(fourth.status).toBe(503);
		expect(((await fourth.json()) as { error: { message: string } }).error.message).toContain(
			'上限'
		);
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
