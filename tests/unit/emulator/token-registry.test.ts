import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoIdentities, TokenRegistry } from '../../../src/emulator/identities.ts';

afterEach(() => vi.useRealTimers());

describe('TokenRegistry', () => {
	const [identity] = demoIdentities();

	it('keeps at most its capacity, dropping the oldest token first', () => {
		const registry = new TokenRegistry(100);
		const issued = Array.from({ length: 5000 }, () =>
			registry.issue('https://vault.azure.net', identity!)
		);
		expect(registry.all()).toHaveLength(100);
		expect(registry.lookup(issued[0]!.token)).toBeUndefined();
		expect(registry.lookup(issued[4999]!.token)).toMatchObject({ identity });
		expect(registry.all()).toEqual(issued.slice(-100).map((t) => t.token));
	});

	it('drops expired tokens when it issues new ones', () => {
		vi.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
		const registry = new TokenRegistry();
		const old = registry.issue('https://vault.azure.net', identity!);
		vi.setSystemTime(new Date('2026-01-02T00:00:00Z'));
		expect(registry.lookup(old.token)).toBeUndefined();
		const fresh = registry.issue('https://vault.azure.net', identity!);
		expect(registry.all()).toEqual([fresh.token]);
	});
});
