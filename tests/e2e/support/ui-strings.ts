import { readFileSync } from 'node:fs';
import type { Lang } from '../../../src/core/i18n/lang.ts';

const tables: Record<Lang, Record<string, string>> = {
	ja: JSON.parse(readFileSync(new URL('../../../content/i18n/ja.json', import.meta.url), 'utf8')),
	en: JSON.parse(readFileSync(new URL('../../../content/i18n/en.json', import.meta.url), 'utf8')),
};

/** The whole UI-string table of a language (content/i18n). */
export function uiTable(lang: Lang): Record<string, string> {
	return tables[lang];
}

/**
 * One widget's UI strings by key without the prefix (`widgetStrings('ja', 'kvcert.simulator.')('poll')`),
 * as the page shows them: tests find buttons and labels by the text a person reads. An unknown key
 * throws, so a renamed string fails the test that uses it.
 */
export function widgetStrings(lang: Lang, prefix: string): (key: string) => string {
	return (key) => {
		const value = tables[lang][`${prefix}${key}`];
		if (value === undefined) throw new Error(`no UI string ${prefix}${key} in ${lang}.json`);
		return value;
	};
}

/** The keys of one widget's UI strings, without the prefix. */
export function widgetKeys(prefix: string): string[] {
	return Object.keys(tables.en)
		.filter((key) => key.startsWith(prefix))
		.map((key) => key.slice(prefix.length));
}
