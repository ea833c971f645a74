import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const load = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));
const ja = load('ja');
const en = load('en');

/** Keys whose Japanese value is rightly not Japanese text: symbols and abbreviations. */
const sameInBothLanguages = new Set<string>([
	'kvcert.rules.column.id', // "ID" heads rule id columns in Japanese documentation too
	'kvcert.thumbprint.table.notCompared', // an em dash
	'kvcert.thumbprint.table.sans', // "SAN", the usual abbreviation in Japanese documentation too
	'kvcert.workshop.c.option', // a thumbprint with the store's column names NotBefore and NotAfter
]);

describe('UI strings', () => {
	test('ja.json and en.json have the same keys (Japanese plurals need no _one form)', () => {
		const english = Object.keys(en).filter((key) => !key.endsWith('_one'));
		expect(Object.keys(ja).sort()).toEqual(english.sort());
		for (const key of Object.keys(en).filter((k) => k.endsWith('_one')))
			expect(en, key).toHaveProperty(key.replace(/_one$/, '_other'));
	});

	test('no string is empty', () => {
		for (const [lang, table] of Object.entries({ ja, en }))
			for (const [key, value] of Object.entries(table))
				if (!key.endsWith('Separator')) expect(value.trim(), `${lang}.json ${key}`).not.toBe('');
	});

	test('every Japanese string is written in Japanese, not left in English', () => {
		const untranslated = Object.keys(ja).filter(
			(key) => !sameInBothLanguages.has(key) && !/[\u3000-\u30ff\u4e00-\u9fff]/.test(ja[key] ?? '')
		);
		expect(untranslated).toEqual([]);
	});

	test('placeholders match between the languages', () => {
		const placeholders = (s = '') => (s.match(/\{\{\w+\}\}|\[[A-Z_]+\]/g) ?? []).sort();
		for (const key of Object.keys(en))
			expect(placeholders(ja[key.replace(/_one$/, '_other')]), key).toEqual(placeholders(en[key]));
	});
});
