// The site's page list, read from content/docs/ja (every page exists in both languages; a unit test
// checks that). Used by the browser tests and by `npm run budget`.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('../content/docs/', import.meta.url));

/** @type {readonly ['ja', 'en']} */
export const languages = ['ja', 'en'];

/**
 * Slugs of the site's pages ('' for the home page).
 * @returns {string[]}
 */
export function pageSlugs() {
	const root = join(docs, 'ja');
	/** @param {string} dir @returns {string[]} */
	const walk = (dir) =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory()
				? walk(join(dir, entry.name))
				: /\.mdx?$/.test(entry.name)
					? [relative(root, join(dir, entry.name)).replace(/\.mdx?$/, '')]
					: []
		);
	return walk(root)
		.filter((slug) => !slug.startsWith('scratch'))
		.map((slug) => (slug === 'index' ? '' : slug))
		.sort();
}

/**
 * Every page URL path in both languages, e.g. /ja/overview/.
 * @returns {string[]}
 */
export function pagePaths() {
	return languages.flatMap((lang) =>
		pageSlugs().map((slug) => `/${lang}/${slug ? `${slug}/` : ''}`)
	);
}
