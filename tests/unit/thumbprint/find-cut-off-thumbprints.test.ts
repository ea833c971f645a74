import { describe, expect, it } from 'vitest';
import { findCutOffThumbprints } from '../../../src/core/thumbprint/find-cut-off-thumbprints.ts';

const sha1 = '092A29483630A19518CB46F06002BD7DF3337998';

describe('findCutOffThumbprints', () => {
	it('reports a SHA-1 thumbprint cut to 30 digits, with its line', () => {
		expect(findCutOffThumbprints(`Subject: CN=x\nThumbprint : ${sha1.slice(0, 30)}`)).toEqual([
			{ digits: 30, expected: 40, line: 2 },
		]);
	});

	it('counts colon-separated pairs and SHA-256 lengths', () => {
		const pairs = sha1.slice(0, 24).match(/../g)!.join(':');
		expect(findCutOffThumbprints(pairs)).toEqual([{ digits: 24, expected: 40, line: 1 }]);
		expect(findCutOffThumbprints(`${sha1}${sha1.slice(0, 10)}`)).toEqual([
			{ digits: 50, expected: 64, line: 1 },
		]);
	});

	it('ignores whole thumbprints, short hex, words and plain numbers', () => {
		expect(findCutOffThumbprints(sha1)).toEqual([]);
		expect(findCutOffThumbprints('deadbeef 1234567890123456789012345 CN=www.contoso.test')).toEqual(
			[]
		);
	});
});
