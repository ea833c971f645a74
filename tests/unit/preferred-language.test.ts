import { describe, expect, test } from 'vitest';
import { acceptLanguageTags, preferredLanguage } from '../../src/core/preferred-language.ts';

describe('the visitor’s language', () => {
	test('Accept-Language: by weight, then by order; q=0 and junk dropped', () => {
		expect(acceptLanguageTags('en-US,en;q=0.9,ja;q=0.8')).toEqual(['en-US', 'en', 'ja']);
		expect(acceptLanguageTags('fr;q=0.5, ja;q=0.9, en;q=0')).toEqual(['ja', 'fr']);
		expect(acceptLanguageTags('*')).toEqual(['*']);
		expect(acceptLanguageTags('')).toEqual([]);
		expect(acceptLanguageTags(undefined)).toEqual([]);
		expect(acceptLanguageTags(',;,;q=x')).toEqual([]);
	});

	test('the first of ja and en the list names; English for other languages; Japanese for none', () => {
		expect(preferredLanguage(acceptLanguageTags('en-US,en;q=0.9'))).toBe('en');
		expect(preferredLanguage(acceptLanguageTags('ja-JP,ja;q=0.9,en;q=0.8'))).toBe('ja');
		expect(preferredLanguage(acceptLanguageTags('de-DE,ja;q=0.7,en;q=0.5'))).toBe('ja');
		expect(preferredLanguage(['EN-gb'])).toBe('en');
		expect(preferredLanguage(['fr-FR', 'de'])).toBe('en');
		expect(preferredLanguage([])).toBe('ja');
	});
});
