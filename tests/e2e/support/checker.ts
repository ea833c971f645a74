import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkerExampleEntries } from '../../../src/components/widgets/checker/example-ids.ts';

// What the checker's browser tests share: the languages with their strings, the examples, and how to
// find the widget and read its text.
const table = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));
export const sample = (path: string) =>
	readFileSync(new URL(`../../../samples/${path}`, import.meta.url), 'utf8');

export const cases = [
	{ lang: 'ja', strings: table('ja'), other: 'en', otherLabel: 'English' },
	{ lang: 'en', strings: table('en'), other: 'ja', otherLabel: '日本語' },
] as const;

export const checkerExamples = checkerExampleEntries.map((entry) => ({
	...entry,
	text: readFileSync(
		new URL(`../../../src/components/widgets/checker/examples/${entry.file}`, import.meta.url),
		'utf8'
	),
}));

export const checkerPath = (lang: string) => `/${lang}/tools/template-checker/`;
export const widget = (page: Page) => page.locator('kvcert-checker').first();
export const rows = (page: Page) => widget(page).locator('[data-findings] > li.finding');

/** The editor's text (the element's `value`, as a form control has). */
export async function editorText(page: Page): Promise<string> {
	return widget(page).evaluate((el) => (el as HTMLElement & { value: string }).value);
}

/** The checker's UI string `kvcert.checker.<key>` in a case's language, with {{values}} filled in. */
export function checkerText(c: (typeof cases)[number]) {
	return (key: string, values: Record<string, string | number> = {}) =>
		(c.strings[`kvcert.checker.${key}`] ?? key).replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
			String(values[k])
		);
}
