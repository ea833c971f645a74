import {
	stringsWithPrefix,
	translatorFor,
	type Lang,
	type MessageValues,
	type StringTable,
} from '../../../core/i18n/index.ts';
import type { UiKey } from '../../../core/i18n/ui-strings.ts';

/**
 * The workshop's interface strings live in content/i18n/{ja,en}.json under `kvcert.workshop.`
 * (`{{name}}` placeholders; a string with a count has `_one`/`_other` in English and `_other` in
 * Japanese). The widgets look them up by the key after the prefix.
 */
export const WORKSHOP_PREFIX = 'kvcert.workshop.';

type Short<K> = K extends `${typeof WORKSHOP_PREFIX}${infer Rest}` ? Rest : never;
type Base<K> = K extends `${infer B}_one` | `${infer B}_other` ? B : K;
/** A workshop string's key after the prefix; a plural string by its base (`a.errors`, with `count`). */
export type WorkshopKey = Base<Short<UiKey>>;

/** The workshop's strings in one language, with the list format of that language. */
export interface WorkshopLocale {
	lang: Lang;
	/** A string filled with `values`; a plural string picks its form by `values.count`. */
	t(key: WorkshopKey, values?: MessageValues): string;
	/** Items joined as a list in the language: `2 and 5`, `2、5`. */
	list(items: readonly (string | number)[]): string;
}

/**
 * The share of the site's strings (Starlight's `t.all()`) a widget needs: the workshop strings in
 * the `groups` given (`a.`, `timer.`…), to pass to its client script as `data-strings`.
 */
export function workshopStrings(all: StringTable, groups: readonly string[]): StringTable {
	return stringsWithPrefix(
		all,
		groups.map((group) => WORKSHOP_PREFIX + group)
	);
}

/** The workshop's strings in `lang` over a table of `kvcert.workshop.*` strings. */
export function workshopLocale(table: StringTable, lang: Lang): WorkshopLocale {
	const translate = translatorFor(table, lang);
	const listFormat = new Intl.ListFormat(lang, { type: 'conjunction' });
	return {
		lang,
		t: (key, values) => translate(WORKSHOP_PREFIX + key, values),
		list: (items) => listFormat.format(items.map(String)),
	};
}

/** The strings an `.astro` passed to its client script in `data-strings`, in its `data-lang`. */
export function workshopLocaleOf(element: HTMLElement): WorkshopLocale {
	const lang: Lang = element.dataset['lang'] === 'en' ? 'en' : 'ja';
	return workshopLocale(JSON.parse(element.dataset['strings'] ?? '{}') as StringTable, lang);
}

/**
 * Sentences joined as the language writes them: a space after `.` in English, none after `。` in
 * Japanese (「正解です。拡張機能は…」, never 「正解です。 拡張機能は…」).
 */
export function sentences(...parts: string[]): string {
	return parts
		.filter(Boolean)
		.reduce(
			(text, part) => (text === '' || text.endsWith('。') ? text + part : `${text} ${part}`),
			''
		);
}
