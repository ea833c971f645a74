import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { placeholdersOf } from '../../../src/core/i18n/index.ts';

const load = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));
const ja = load('ja');
const en = load('en');

/** Keys whose Japanese value is rightly not Japanese text: symbols and abbreviations. */
const sameInBothLanguages = new Set<string>([
	'kvcert.rules.column.id', // "ID" heads rule id columns in Japanese documentation too
	'kvcert.thumbprint.table.notCompared', // an em dash
	'kvcert.thumbprint.table.sans', // "SAN", the usual abbreviation in Japanese documentation too
	// The template builder's operating systems and output tabs: product and format names.
	'kvcert.builder.field.os.windows',
	'kvcert.builder.field.os.linux',
	'kvcert.builder.output.tab.arm',
	'kvcert.builder.output.tab.bicep',
	'kvcert.builder.output.tab.terraform',
	'kvcert.builder.output.tab.azcli',
	'kvcert.builder.output.tab.powershell',
	// Certificate field names as PowerShell prints them, and dashes for "not applicable".
	'kvcert.simulator.col.notBefore',
	'kvcert.simulator.col.notAfter',
	'kvcert.simulator.notApplicable',
	'kvcert.chooser.col.notBefore',
	'kvcert.chooser.col.notAfter',
	'kvcert.chooser.none',
	'kvcert.workshop.c.option', // a thumbprint with the store's column names NotBefore and NotAfter
]);
/** Plural forms: English has `_one` and `_other`; Japanese needs only `_other` (Intl.PluralRules). */
const withoutOne = (keys: string[]) => keys.filter((k) => !k.endsWith('_one')).sort();

describe('UI strings (content/i18n)', () => {
	test('ja.json and en.json have the same keys (Japanese without _one forms)', () => {
		expect(Object.keys(ja).sort()).toEqual(withoutOne(Object.keys(en)));
	});

	test('plural keys come in pairs: en _one with _other, ja _other only', () => {
		for (const key of Object.keys(en).filter((k) => k.endsWith('_one')))
			expect(en, key).toHaveProperty([key.replace(/_one$/, '_other')]);
		for (const key of Object.keys(en).filter((k) => k.endsWith('_other')))
			expect(en, key).toHaveProperty([key.replace(/_other$/, '_one')]);
		expect(Object.keys(ja).filter((k) => k.endsWith('_one'))).toEqual([]);
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
		const pagefind = (s = '') => (s.match(/\[[A-Z_]+\]/g) ?? []).sort();
		for (const key of Object.keys(ja)) {
			const english = en[key] ?? en[key.replace(/_other$/, '_one')] ?? '';
			expect(placeholdersOf(ja[key] ?? ''), key).toEqual(placeholdersOf(english));
			expect(pagefind(ja[key]), key).toEqual(pagefind(english));
		}
	});

	test('placeholders are {{name}} only (the one syntax core/i18n fills)', () => {
		for (const [lang, table] of Object.entries({ ja, en }))
			for (const [key, value] of Object.entries(table))
				expect(value, `${lang}.json ${key}`).not.toMatch(/(?<!\{)\{\w+\}(?!\})/);
	});
});
