import { format, type MessageValues } from './format.ts';
import type { Lang } from './lang.ts';

/**
 * Looks up a UI string by key (`kvcert.thumbprint.fetch.loaded`…) and fills its `{{name}}`
 * placeholders. With a numeric `count`, a key that has plural forms (`<key>_one`, `<key>_other`)
 * is chosen by the language's plural rules, as Starlight's `t()` does.
 */
export type Translate = (key: string, values?: MessageValues) => string;

/** A table of UI strings: key → template (content/i18n/<lang>.json, or a widget's share of it). */
export type StringTable = Readonly<Record<string, string>>;

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The key to use for `count` in `lang`: `<key>_<category>` when the table has it, else
 * `<key>_other`, else the key itself. Japanese has only `other`; English `one` and `other`.
 * The table may hold strings (content/i18n) or `{ ja, en }` texts (message tables in code).
 */
export function pluralKey(
	table: Readonly<Record<string, unknown>>,
	key: string,
	count: number,
	lang: Lang
): string {
	let rules = pluralRules.get(lang);
	if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang)));
	const exact = `${key}_${rules.select(count)}`;
	if (Object.hasOwn(table, exact)) return exact;
	const other = `${key}_other`;
	return Object.hasOwn(table, other) ? other : key;
}

/** A {@link Translate} over a table; an unknown key is returned as itself (visible, never blank). */
export function translatorFor(table: StringTable, lang: Lang): Translate {
	return (key, values) => {
		const count = values?.['count'];
		const chosen = typeof count === 'number' ? pluralKey(table, key, count, lang) : key;
		return format(Object.hasOwn(table, chosen) ? table[chosen]! : key, values);
	};
}

/**
 * The part of a string table a client widget needs: every key under one of `prefixes`
 * (`kvcert.thumbprint.`…) and under none of `except` (the server's messages, say), so an `.astro`
 * passes Starlight's `t.all()` filtered, never a hand-kept key list.
 */
export function stringsWithPrefix(
	table: StringTable,
	prefixes: readonly string[],
	except: readonly string[] = []
): Record<string, string> {
	const under = (key: string, list: readonly string[]) => list.some((p) => key.startsWith(p));
	return Object.fromEntries(
		Object.entries(table).filter(([key]) => under(key, prefixes) && !under(key, except))
	);
}
