import { describe, expect, test } from 'vitest';
import { fieldsFromOptions } from '../../../src/components/widgets/template-builder/form-state.ts';
import {
	decodeFields,
	encodeFields,
	optionsLimit,
	optionsPrefix,
} from '../../../src/components/widgets/template-builder/share-state.ts';
import { defaultOptions } from '../../../src/core/scaffold/index.ts';

const fragmentOf = (json: string) =>
	optionsPrefix + Buffer.from(json, 'utf8').toString('base64url');

describe('share links of the builder', () => {
	test('the form’s values, non-ASCII text included, come back from the fragment', () => {
		const values = {
			...fieldsFromOptions(defaultOptions('linux')),
			machineName: 'ウェブ-01',
			'cert.0.acls': 'www-data:ssl-cert',
			requireInitialSync: true,
		};
		const fragment = encodeFields(values);
		expect(fragment).toMatch(/^#options=[\w-]+$/);
		expect(decodeFields(fragment)).toEqual(values);
	});

	test('damaged or foreign fragments give undefined, never throw', () => {
		for (const hash of [
			'#code=abc',
			'#options=!!!',
			'#options=a',
			fragmentOf('not json'),
			fragmentOf('[1, 2]'),
			fragmentOf('null'),
			optionsPrefix + Buffer.from([0xff, 0xfe, 0x7b, 0x7d]).toString('base64url'),
			optionsPrefix + 'A'.repeat(optionsLimit + 1),
			fragmentOf(
				JSON.stringify(Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`f${i}`, 'x'])))
			),
		])
			expect(decodeFields(hash), hash.slice(0, 40)).toBeUndefined();
	});

	test('a crafted link sets only answers a person could type', () => {
		// Written by hand: an object literal's __proto__ would set the prototype, not a key.
		const crafted = `{"os": "linux", "cert.0.name": "ok", "__proto__": {"polluted": "x"},
			"constructor.prototype": "x", "cert.0.name.extra": "x", "cert.1234.name": "x",
			"vaultName": "${'v'.repeat(1001)}", "polling": 30, "identity": {"kind": "user"},
			"linkOnRenewal": true}`;
		const values = decodeFields(fragmentOf(crafted));
		expect(values).toEqual({ os: 'linux', 'cert.0.name': 'ok', linkOnRenewal: true });
		expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
		expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
	});
});
