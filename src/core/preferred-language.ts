// Which of the site's languages a visitor prefers, from the browser's list (Accept-Language on the
// server, navigator.languages in a static page). Japanese or English by the first of them the list
// names; a list that names neither (say French only) gets English, the one more visitors read; no
// list at all gets the site's default, Japanese.
import type { Lang } from './i18n/lang.ts';

/** The language tags of an Accept-Language header, most preferred first (q=0 ones dropped). */
export function acceptLanguageTags(header: string | null | undefined): string[] {
	if (!header) return [];
	return header
		.slice(0, 1000)
		.split(',')
		.map((part, index) => {
			const [tag = '', ...parameters] = part.trim().split(';');
			const q = parameters.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find(Boolean);
			return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
		})
		.filter((entry) => entry.tag !== '' && entry.q > 0 && Number.isFinite(entry.q))
		.sort((a, b) => b.q - a.q || a.index - b.index)
		.map((entry) => entry.tag);
}

/** The site language for a list of language tags in order of preference. */
export function preferredLanguage(tags: readonly string[]): Lang {
	if (tags.length === 0) return 'ja';
	for (const tag of tags) {
		const primary = tag.toLowerCase().split('-')[0];
		if (primary === 'ja' || primary === 'en') return primary;
	}
	return 'en';
}
