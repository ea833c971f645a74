import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { phraseHtml } from './src/build/ja-phrases.mjs';

/**
 * - Keeps fallback pages (default-language text served under the other locale) out of that locale's
 *   search index, so an English query never lands on Japanese text.
 *   @see research/docs-site.md §1.6 "fallback pages are indexed into the other language's index"
 * - Cuts a Japanese hero's title and tagline into phrases (BudouX, src/build/ja-phrases.mjs), so
 *   they break between phrases ("Key Vault の" stays whole). Starlight renders both as HTML.
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.isFallback) route.entry.data.pagefind = false;
	const hero = route.entry.data.hero;
	if (route.lang === 'ja' && hero && !hero.title?.includes('kv-phrase'))
		route.entry.data.hero = {
			...hero,
			title: phraseHtml(hero.title ?? route.entry.data.title),
			...(hero.tagline ? { tagline: phraseHtml(hero.tagline) } : {}),
		};
});
