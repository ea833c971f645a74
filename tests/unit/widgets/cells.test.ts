import { describe, expect, test } from 'vitest';
import { hexGroups, pathSegments, utcParts } from '../../../src/components/widgets/tables/cells.ts';

describe('table cells', () => {
	test('a thumbprint reads as 5 groups of 8, a SHA-256 as 8', () => {
		const sha1 = '092A29483630A19518CB46F06002BD7DF3337998';
		expect(hexGroups(sha1)).toEqual(['092A2948', '3630A195', '18CB46F0', '6002BD7D', 'F3337998']);
		expect(hexGroups('ab'.repeat(32))).toHaveLength(8);
		expect(hexGroups(sha1).join('')).toBe(sha1);
		expect(hexGroups('')).toEqual([]);
	});

	test('paths and URLs cut after separators, never inside a name, and join back unchanged', () => {
		const file = '/var/lib/waagent/Microsoft.Azure.KeyVault.Store/kvcert-demo.webcert';
		expect(pathSegments(file)).toEqual([
			'/',
			'var/',
			'lib/',
			'waagent/',
			'Microsoft.',
			'Azure.',
			'KeyVault.',
			'Store/',
			'kvcert-demo.',
			'webcert',
		]);
		const url = '127.0.0.1:37469/metadata/identity/oauth2/token?api-version=2018-02-01&resource=x';
		expect(pathSegments(url).join('')).toBe(url);
		expect(pathSegments(url)).toContain('token?');
		expect(pathSegments('')).toEqual([]);
		expect(pathSegments('CN=www.contoso.test, O=Contoso')).toEqual([
			'CN=',
			'www.',
			'contoso.',
			'test, O=',
			'Contoso',
		]);
	});

	test('a time splits into a date and a UTC time', () => {
		expect(utcParts(Date.UTC(2026, 0, 5, 9, 7) / 1000)).toEqual(['2026-01-05', '09:07 UTC']);
	});
});
