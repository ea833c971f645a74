import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

/**
 * Keeps fallback pages (default-language text served under the other locale) out of that locale's
 * search index, so an English query never lands on Japanese text.
 * @see research/docs-site.md §1.6 "fallback pages are indexed into the other language's index"
 */
export const onRequest = defineRouteMiddleware((context) => {
	const route = context.locals.starlightRoute;
	if (route.isFallback) route.entry.data.pagefind = false;
});
