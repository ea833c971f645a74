import en from '../../content/i18n/en.json' with { type: 'json' };
import ja from '../../content/i18n/ja.json' with { type: 'json' };
import type { Translate } from '../core/thumbprint/describe-comparison.ts';
import { translatorFor } from '../core/thumbprint/format-message.ts';

/** Languages the server and the CLI answer in. */
export type Lang = 'ja' | 'en';

/** Reads a `lang` value (`ja`, `ja-JP`, `en-US`…); English unless it says Japanese. */
export function langOf(value: string | null | undefined): Lang {
	return /^ja\b/i.test(value ?? '') ? 'ja' : 'en';
}

/** The UI-string translator for a language, over the same tables the site uses. */
export function uiTranslator(lang: Lang): Translate {
	return translatorFor(lang === 'ja' ? ja : en);
}
