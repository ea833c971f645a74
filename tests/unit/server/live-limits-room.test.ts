// A workshop room often reaches the server through one address (NAT, VPN, proxy), and a client is
// an address: the default live-mode limits must let a room of 30 renew in exercise C from one
// address, while one address still cannot take every view or stream of the server.
import { describe, expect, it } from 'vitest';
import { LiveSessions } from '../../../src/server/simulator/live-sessions.ts';

const ROOM = 30;

describe('the default live-mode limits, for a room behind one address', () => {
	it('give each of 30 participants a view of their own and two streams', () => {
		const sessions = new LiveSessions();
		const views = Array.from({ length: ROOM }, () => sessions.views.acquire('203.0.113.7'));
		const streams = Array.from({ length: 2 * ROOM }, () => sessions.streams.acquire('203.0.113.7'));
		expect(views.filter((v) => typeof v === 'function')).toHaveLength(ROOM);
		expect(streams.filter((s) => typeof s === 'function')).toHaveLength(2 * ROOM);
	});

	it('still keep views for other addresses when one address takes all it may', () => {
		const sessions = new LiveSessions();
		let taken = 0;
		while (typeof sessions.views.acquire('203.0.113.7') === 'function') taken++;
		expect(taken).toBeLessThan(sessions.limits.maxViews);
		expect(typeof sessions.views.acquire('198.51.100.2')).toBe('function');
	});
});

describe('a few addresses cannot take every live-mode view or stream (rv24c item 2)', () => {
	const takeAll = (limit: LiveSessions['views'], client: string) => {
		let taken = 0;
		while (typeof limit.acquire(client) === 'function') taken++;
		return taken;
	};

	it('two addresses holding their maximum leave room for a third, and three leave some for 16 more', () => {
		const sessions = new LiveSessions();
		for (const limit of [sessions.views, sessions.streams]) {
			const share = limit.maxPerClient;
			expect(takeAll(limit, '192.0.2.1')).toBe(share);
			expect(takeAll(limit, '192.0.2.2')).toBe(share);
			expect(takeAll(limit, '192.0.2.3')).toBe(share);
			const newcomers = Array.from({ length: 16 }, (_, i) => `198.51.100.${i + 1}`);
			for (const client of newcomers) expect(typeof limit.acquire(client)).toBe('function');
		}
	});

	it('the slots kept for few go to addresses holding few, one each, until the pool is full', () => {
		const sessions = new LiveSessions();
		const limit = sessions.streams;
		for (const client of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) takeAll(limit, client);
		const kept = sessions.limits.streamsKeptForFew!;
		expect(limit.size).toBe(limit.maxTotal - kept.slots);
		// A full address gets no more of them.
		expect(limit.acquire('192.0.2.1')).not.toBeTypeOf('function');
		let newcomers = 0;
		while (typeof limit.acquire(`203.0.113.${newcomers + 1}`) === 'function') newcomers++;
		expect(newcomers).toBe(kept.slots);
		expect(limit.size).toBe(limit.maxTotal);
	});
});
