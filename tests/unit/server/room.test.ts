import { describe, expect, it } from 'vitest';
import { cleanName, Room, ROOM_LIMITS } from '../../../src/server/room/room.ts';

const exercises = (done: boolean, attempts: number, failed: number) => ({
	template: { done, attempts, failed },
});

describe('the room', () => {
	it('lists a participant with progress, counts and quiz answers, never the token', () => {
		const room = new Room('k');
		const { token, id } = room.join('  Aiko\u202e  ', 'ja', 1000)!;
		expect(room.report(token, exercises(false, 2, 2), { '0': '1' }, 2000)).toBeUndefined();
		expect(room.report(token, exercises(true, 3, 2), { '0': '1', '1': '2' }, 5000)).toBeUndefined();
		const snapshot = room.snapshot(6000);
		expect(snapshot.participants).toEqual([
			{
				id,
				name: 'Aiko',
				number: 1,
				lang: 'ja',
				joinedAt: 1000,
				lastSeenAt: 5000,
				exercises: {
					template: {
						done: true,
						attempts: 3,
						failed: 2,
						firstAt: 2000,
						lastAt: 5000,
						doneAt: 5000,
					},
				},
				answers: { '0': '1', '1': '2' },
			},
		]);
		expect(snapshot.quiz).toEqual({ '0': { '1': 1 }, '1': { '2': 1 } });
		expect(JSON.stringify(snapshot)).not.toContain(token);
	});

	it('refuses reports with unknown tokens, text where ids belong, or too many entries', () => {
		const room = new Room('k');
		const { token } = room.join('', 'en')!;
		expect(room.report('nope', {}, {})).toBe('unknownParticipant');
		expect(room.report(token, { 'template text here': {} }, {})).toBe('badReport');
		expect(room.report(token, {}, { '0': 'resources: [ ... ]' })).toBe('badReport');
		expect(room.report(token, [], {})).toBe('badReport');
		const many = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`e${i}`, {}]));
		expect(room.report(token, many, {})).toBe('badReport');
		expect(
			room.report(token, { template: { attempts: 1e12, failed: -5, done: 'yes' } }, {})
		).toBeUndefined();
		expect(room.snapshot().participants[0]!.exercises['template']).toMatchObject({
			attempts: 10_000,
			failed: 0,
			done: false,
		});
	});

	it('is bounded: a full room refuses, unless someone has been idle for half an hour', () => {
		const room = new Room('k', { ...ROOM_LIMITS, maxParticipants: 2 });
		room.join('a', 'en', 0);
		const b = room.join('b', 'en', 0)!;
		expect(room.join('c', 'en', 60_000)).toBeUndefined();
		room.report(b.token, {}, {}, 40 * 60_000);
		const d = room.join('d', 'en', 40 * 60_000);
		expect(d).toBeDefined();
		expect(room.snapshot().participants.map((p) => p.name)).toEqual(['b', 'd']);
	});

	it('keeps one row for a browser that joins again with its join key: progress kept, a new token, the old one retired', () => {
		const room = new Room('k');
		const key = 'a'.repeat(22);
		const first = room.join('Aiko', 'ja', 1000, key)!;
		room.report(first.token, exercises(true, 1, 0), {}, 2000);
		// The answer to the first join was lost: the retry is the same participant.
		const retried = room.join('Aiko', 'ja', 3000, key)!;
		const renamed = room.join('Aiko S', 'en', 4000, key)!;
		expect(new Set([first.id, retried.id, renamed.id]).size).toBe(1);
		expect(renamed.token).not.toBe(first.token);
		const [only, ...others] = room.snapshot(5000).participants;
		expect(others).toEqual([]);
		expect(only).toMatchObject({ name: 'Aiko S', lang: 'en', lastSeenAt: 4000, number: 1 });
		expect(only!.exercises['template']?.done).toBe(true);
		expect(room.report(first.token, {}, {})).toBe('unknownParticipant');
		expect(room.report(renamed.token, exercises(true, 1, 0), {})).toBeUndefined();
		expect(JSON.stringify(room.snapshot())).not.toContain(key);
		// Another browser's key, or none, or one that is not a key: rows of their own.
		room.join('B', 'en', 6000, 'b'.repeat(22));
		room.join('C', 'en', 6000);
		room.join('D', 'en', 6000, 'short');
		room.join('D', 'en', 6000, 'short');
		expect(room.size).toBe(5);
		// After leaving, the same key joins as a new row (the old one is gone).
		room.leave(renamed.token);
		expect(room.join('Aiko', 'ja', 7000, key)!.id).not.toBe(first.id);
		expect(room.size).toBe(5);
	});

	it('forgets a participant who leaves', () => {
		const room = new Room('k');
		const { token } = room.join('a', 'en')!;
		expect(room.leave(token)).toBe(true);
		expect(room.size).toBe(0);
		expect(room.report(token, {}, {})).toBe('unknownParticipant');
	});

	it('checks the facilitator key and keeps a bounded number of sessions', () => {
		const room = new Room('right-key', { ...ROOM_LIMITS, maxFacilitatorSessions: 2 });
		expect(room.isKey('right-key')).toBe(true);
		expect(room.isKey('right-ke')).toBe(false);
		expect(room.isKey('right-key\u0000')).toBe(false);
		expect(room.isKey(undefined)).toBe(false);
		const first = room.openFacilitatorSession();
		const second = room.openFacilitatorSession();
		const third = room.openFacilitatorSession();
		expect([first, second, third].map((s) => room.isFacilitator(s))).toEqual([false, true, true]);
		expect(room.isFacilitator(undefined)).toBe(false);
	});

	it('tells its listeners about every change', () => {
		const room = new Room('k');
		let changes = 0;
		const stop = room.onChange(() => changes++);
		const { token } = room.join('a', 'en')!;
		room.report(token, {}, {});
		stop();
		room.leave(token);
		expect(changes).toBe(2);
	});
});

describe('display names', () => {
	it('removes control and direction characters, squeezes spaces and shortens', () => {
		expect(cleanName('a\u0007b\u202ec\n d', 40)).toBe('abc d');
		expect(cleanName('x'.repeat(100), 40)).toHaveLength(40);
		expect(cleanName('😀'.repeat(50), 40)).toBe('😀'.repeat(40));
		expect(cleanName(42, 40)).toBe('');
	});
});
