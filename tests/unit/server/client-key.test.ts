import { describe, expect, it } from 'vitest';
import { clientKeyOf, ConcurrencyLimit } from '../../../src/server/client-limits.ts';

// A client is an address; one IPv6 host may use any address of its /64 (privacy addresses), so it
// counts as one client there (rv24c item 2).
describe('the client an address stands for', () => {
	it('groups IPv6 addresses by /64, however they are written', () => {
		const one = [
			'2001:db8:1:2::1',
			'2001:db8:1:2:aaaa:bbbb:cccc:dddd',
			'2001:0db8:0001:0002:ffff::9',
			'2001:DB8:1:2::abcd%eth0',
		].map(clientKeyOf);
		expect(new Set(one)).toEqual(new Set(['2001:db8:1:2::/64']));
		expect(clientKeyOf('2001:db8:1:3::1')).not.toBe(one[0]);
		expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
		expect(clientKeyOf('fe80::1')).toBe('fe80:0:0:0::/64');
	});

	it('keeps IPv4 addresses apart, an IPv4-mapped address as its IPv4', () => {
		expect(clientKeyOf('192.0.2.7')).toBe('192.0.2.7');
		expect(clientKeyOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
		expect(clientKeyOf('192.0.2.8')).not.toBe(clientKeyOf('192.0.2.7'));
	});

	it('so addresses of one /64 share one client’s limit', () => {
		const limit = new ConcurrencyLimit(100, 2);
		const taken = ['2001:db8::1', '2001:db8::2', '2001:db8::3'].map((address) =>
			limit.acquire(clientKeyOf(address))
		);
		expect(taken.map((t) => typeof t)).toEqual(['function', 'function', 'string']);
		expect(typeof limit.acquire(clientKeyOf('2001:db8:0:1::1'))).toBe('function');
	});
});
