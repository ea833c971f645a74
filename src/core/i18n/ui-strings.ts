import en from '../../../content/i18n/en.json' with { type: 'json' };
import ja from '../../../content/i18n/ja.json' with { type: 'json' };
import type { Lang } from './lang.ts';
import { translatorFor, type StringTable, type Translate } from './translator.ts';

// The site's UI-string tables for code that has no Starlight `t()`: the server and the CLI. Kept
// out of index.ts so that browser bundles, which get their strings from the page, never carry them.
const tables: Record<Lang, StringTable> = { ja, en };

/** A key of the UI-string tables (for typed keys; a type-only import bundles no table). */
export type UiKey = keyof typeof en;

/** Every UI string of a language (content/i18n/<lang>.json). */
export function uiStrings(lang: Lang): StringTable {
	return tables[lang];
}

/** The UI-string translator for a language, over the same tables the site uses. */
export function uiTranslator(lang: Lang): Translate {
	return translatorFor(tables[lang], lang);
}
