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
