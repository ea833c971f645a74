import { describe, expect, it, vi } from 'vitest';
import { NO_ANSWER_RETRY_MS } from '../../../src/components/widgets/api-refusal.ts';
import {
	RoomReporter,
	ROOM_JOIN_KEY,
	ROOM_MEMBER_KEY,
	type ReporterState,
} from '../../../src/components/widgets/workshop/room-reporter.ts';
import type { ProgressStorage } from '../../../src/components/widgets/workshop/progress.ts';

function memoryStorage(): ProgressStorage & { data: Map<string, string> } {
	const data = new Map<string, string>();
	return {
		data,
		getItem: (key) => data.get(key) ?? null,
		setItem: (key, value) => void data.set(key, value),
		removeItem: (key) => void data.delete(key),
	};
}

/** A fake room server: records every request body, answers join with a token. */
function fakeServer(progressStatus = 204) {
	const requests: { path: string; body: Record<string, unknown> }[] = [];
	const fetchImpl = (async (input: string, init?: RequestInit) => {
		const path = new URL(input, 'http://room.test').pathname;
		const body = JSON.parse(String(init?.body ?? '{}')) as Record<string, unknown>;
		requests.push({ path, body });
		if (path === '/api/room/join')
			return new Response(JSON.stringify({ id: 'p1', token: 'secret-token', name: body['name'] }), {
				headers: { 'Content-Type': 'application/json' },
			});
		return new Response(null, { status: path === '/api/room/progress' ? progressStatus : 204 });
	}) as typeof fetch;
	return { requests, fetchImpl };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

function reporter(done = new Set<string>(), progressStatus = 204) {
	const storage = memoryStorage();
	const server = fakeServer(progressStatus);
	const states: ReporterState[] = [];
	const instance = new RoomReporter({
		storage,
		lang: 'en',
		exercises: ['template', 'versions', 'predict', 'quiz'],
		done: () => done,
		onState: (state) => states.push(state),
		fetchImpl: server.fetchImpl,
		settleMs: 1,
	});
	return { instance, storage, server, states, done };
}

describe('the room reporter', () => {
	it('sends nothing before the participant joins', async () => {
		const { instance, server } = reporter();
		instance.countAttempt({ exercise: 'template', ok: false });
		await settle();
		expect(server.requests).toEqual([]);
	});

	it('after joining, sends only ids, done flags, counts and answer ids', async () => {
		const done = new Set<string>();
		const { instance, server, states } = reporter(done);
		await instance.join('Aiko');
		expect(states.at(-1)).toEqual({
			kind: 'in',
			member: { id: 'p1', token: 'secret-token', name: 'Aiko' },
		});
		instance.countAttempt({ exercise: 'template', ok: false });
		instance.countAttempt({ exercise: 'template', ok: true });
		done.add('template');
		instance.countAttempt({ exercise: 'quiz', ok: false, answers: { '0': '1', '1': '2' } });
		await settle();
		const last = server.requests.filter((r) => r.path === '/api/room/progress').at(-1)!.body;
		expect(last).toEqual({
			token: 'secret-token',
			exercises: {
				template: { done: true, attempts: 2, failed: 1 },
				quiz: { done: false, attempts: 1, failed: 1 },
			},
			answers: { '0': '1', '1': '2' },
		});
		// Only known keys with ids, booleans and numbers: no room for template text.
		expect(Object.keys(last).sort()).toEqual(['answers', 'exercises', 'token']);
	});

	it('keeps counting after a reload, and a progress reset clears the counts', async () => {
		const done = new Set<string>(['versions']);
		const first = reporter(done);
		await first.instance.join('');
		first.instance.countAttempt({ exercise: 'versions', ok: true });
		const again = new RoomReporter({
			storage: first.storage,
			lang: 'en',
			exercises: ['versions'],
			done: () => done,
			onState: () => {},
		});
		expect(again.member?.token).toBe('secret-token');
		expect(again.report('t').exercises['versions']).toEqual({ done: true, attempts: 1, failed: 0 });
		done.clear();
		again.progressChanged();
		expect(again.report('t')).toEqual({ token: 't', exercises: {}, answers: {} });
	});

	it('says the room lost this page when the server answers 404, and forgets the membership', async () => {
		const { instance, storage, states } = reporter(new Set(), 404);
		await instance.join('x');
		instance.changed(1);
		await settle();
		expect(states.at(-1)).toEqual({ kind: 'lost' });
		expect(storage.data.has(ROOM_MEMBER_KEY)).toBe(false);
	});

	it('leaving tells the server and stops reporting', async () => {
		const { instance, server, states } = reporter();
		await instance.join('x');
		await settle();
		await instance.leave();
		const before = server.requests.length;
		instance.countAttempt({ exercise: 'template', ok: true });
		await settle();
		expect(
			server.requests.some(
				(r) => r.path === '/api/room/leave' && r.body['token'] === 'secret-token'
			)
		).toBe(true);
		expect(server.requests.length).toBe(before);
		expect(states.at(-1)).toEqual({ kind: 'out' });
	});

	it('tries a join the server does not answer again in the background, always as the same browser', async () => {
		const server = fakeServer();
		let unanswered = 2;
		const waits: number[] = [];
		const states: ReporterState[] = [];
		const storage = memoryStorage();
		const instance = new RoomReporter({
			storage,
			lang: 'ja',
			exercises: ['template'],
			done: () => new Set(),
			onState: (state) => states.push(state),
			fetchImpl: (async (input: string, init?: RequestInit) => {
				server.requests.push({ path: 'tried', body: JSON.parse(String(init?.body)) });
				if (unanswered-- > 0) throw new TypeError('Failed to fetch');
				return server.fetchImpl(input, init);
			}) as typeof fetch,
			settleMs: 1,
			sleep: async (ms) => void waits.push(ms),
		});
		await instance.join('Aiko');
		expect(states.map((s) => s.kind)).toEqual(['retrying', 'retrying', 'in']);
		expect(waits).toEqual(NO_ANSWER_RETRY_MS.slice(0, 2));
		const keys = server.requests.filter((r) => r.path === 'tried').map((r) => r.body['joinKey']);
		expect(keys).toHaveLength(3);
		expect(new Set(keys).size).toBe(1);
		expect(keys[0]).toMatch(/^[\w-]{16,64}$/);
		expect(JSON.parse(storage.data.get(ROOM_JOIN_KEY)!)).toBe(keys[0]);
		// The next join from this browser (a rejoin) sends the same key.
		await instance.join('Aiko');
		expect(server.requests.at(-1)!.body['joinKey']).toBe(keys[0]);
	});

	it('stops retrying a join when the participant leaves', async () => {
		const states: ReporterState[] = [];
		let tries = 0;
		const instance: RoomReporter = new RoomReporter({
			storage: memoryStorage(),
			lang: 'en',
			exercises: [],
			done: () => new Set(),
			onState: (state) => states.push(state),
			fetchImpl: (async () => {
				tries++;
				throw new TypeError('Failed to fetch');
			}) as typeof fetch,
			sleep: async () => {
				if (tries === 2) await instance.leave();
			},
		});
		await instance.join('x');
		expect(tries).toBe(2);
		expect(states.at(-1)).toEqual({ kind: 'out' });
	});

	it('while in the room, tells it every minute that the page is still open', async () => {
		vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
		try {
			const { instance, server } = reporter();
			await instance.join('x');
			await settle();
			const reports = () => server.requests.filter((r) => r.path === '/api/room/progress').length;
			const stop = instance.keepAlive();
			const before = reports();
			for (let minute = 1; minute <= 3; minute++) {
				vi.advanceTimersByTime(60_000);
				await settle();
				expect(reports()).toBe(before + minute);
			}
			stop();
			vi.advanceTimersByTime(120_000);
			await settle();
			expect(reports()).toBe(before + 3);
		} finally {
			vi.useRealTimers();
		}
	});
});
