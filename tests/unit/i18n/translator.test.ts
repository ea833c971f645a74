import { describe, expect, test } from 'vitest';
import {
	format,
	langOf,
	placeholdersOf,
	pluralKey,
	stringsWithPrefix,
	translatorFor,
} from '../../../src/core/i18n/index.ts';
import { uiTranslator } from '../../../src/core/i18n/ui-strings.ts';

describe('format', () => {
	test('fills every {{name}} placeholder, numbers included', () => {
		expect(format('{{a}} and {{b}}, {{a}} again', { a: 'x', b: 2 })).toBe('x and 2, x again');
	});
	test('leaves a placeholder without a value as written, and single braces alone', () => {
		expect(format('{{a}} {{missing}} {a} {"session": "…"}', { a: 1 })).toBe(
			'1 {{missing}} {a} {"session": "…"}'
		);
	});
	test('does not take values from the prototype', () => {
		expect(format('{{toString}}', {})).toBe('{{toString}}');
	});
	test('placeholdersOf lists names sorted', () => {
		expect(placeholdersOf('{{b}} {{a}} {c}')).toEqual(['a', 'b']);
	});
});

describe('langOf', () => {
	test.each([
		['ja', 'ja'],
		['ja-JP', 'ja'],
		['JA', 'ja'],
		['en-US', 'en'],
		['fr', 'en'],
		['', 'en'],
		[null, 'en'],
		[undefined, 'en'],
		['japanese', 'en'],
	] as const)('%s → %s', (value, lang) => expect(langOf(value)).toBe(lang));
	test('a page falls back to Japanese, the site default', () => {
		expect(langOf(undefined, 'ja')).toBe('ja');
		expect(langOf('fr', 'ja')).toBe('ja');
		expect(langOf('en-GB', 'ja')).toBe('en');
	});
});

describe('translatorFor', () => {
	const en = {
		'x.found_one': '{{count}} thumbprint found.',
		'x.found_other': '{{count}} thumbprints found.',
		'x.plain': 'Hello {{name}}',
		'x.onlyOther_other': '{{count}} items',
	};
	const ja = { 'x.found_other': '{{count}} 個の拇印が見つかりました。' };
	test('English picks _one for 1 and _other for 0, 2 and 21', () => {
		const t = translatorFor(en, 'en');
		expect(t('x.found', { count: 1 })).toBe('1 thumbprint found.');
		expect(t('x.found', { count: 0 })).toBe('0 thumbprints found.');
		expect(t('x.found', { count: 2 })).toBe('2 thumbprints found.');
		expect(t('x.found', { count: 21 })).toBe('21 thumbprints found.');
	});
	test('Japanese has only _other, used for every count', () => {
		const t = translatorFor(ja, 'ja');
		expect(t('x.found', { count: 1 })).toBe('1 個の拇印が見つかりました。');
		expect(pluralKey(ja, 'x.found', 1, 'ja')).toBe('x.found_other');
	});
	test('falls back to _other, then to the key itself', () => {
		expect(translatorFor(en, 'en')('x.onlyOther', { count: 1 })).toBe('1 items');
		expect(translatorFor(en, 'en')('x.plain', { name: 'you', count: 1 })).toBe('Hello you');
		expect(translatorFor(en, 'en')('x.unknown')).toBe('x.unknown');
	});
	test('a string count is a value, not a plural selector', () => {
		expect(translatorFor(en, 'en')('x.found', { count: '1' })).toBe('x.found');
	});
});

describe('stringsWithPrefix', () => {
	test('keeps only keys under the prefixes and not under the exceptions', () => {
		const table = { 'a.b.c': '1', 'a.bc': '2', 'b.x': '3', 'c.y': '4', 'c.api.z': '5' };
		expect(stringsWithPrefix(table, ['a.b.', 'c.'], ['c.api.'])).toEqual({
			'a.b.c': '1',
			'c.y': '4',
		});
	});
});

describe('uiTranslator', () => {
	test('reads the site tables (content/i18n) in both languages', () => {
		expect(uiTranslator('en')('kvcert.diagram.stepOf', { current: 2, total: 5 })).toBe(
			'Step 2 of 5'
		);
		expect(uiTranslator('ja')('kvcert.diagram.stepOf', { current: 2, total: 5 })).toMatch(/2.*5/);
	});
});
