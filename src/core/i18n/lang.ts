/** The languages every page, message and answer exists in. Declared here once for the whole project. */
export type Lang = 'ja' | 'en';

/** Every {@link Lang}, Japanese first (the site's default). */
export const LANGS: readonly Lang[] = ['ja', 'en'];

/** A text in both languages, e.g. a rule message or a simulator remark. */
export type Localized = Record<Lang, string>;

/**
 * Reads a language tag (`ja`, `ja-JP`, `en-US`, a `lang` query value…). Anything that is neither
 * Japanese nor English gives `fallback`: English for the server and the CLI, Japanese for a page.
 */
export function langOf(value: string | null | undefined, fallback: Lang = 'en'): Lang {
	const tag = value?.trim() ?? '';
	return /^ja\b/i.test(tag) ? 'ja' : /^en\b/i.test(tag) ? 'en' : fallback;
}
