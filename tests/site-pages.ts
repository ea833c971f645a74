import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('../content/docs/', import.meta.url));

/** Slugs of the site's pages ('' for the home page), read from content/docs/ja. */
export function pageSlugs(): string[] {
	const root = join(docs, 'ja');
	const walk = (dir: string): string[] =>
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

export const languages = ['ja', 'en'] as const;

/** Every page URL path in both languages, e.g. /ja/overview/. */
export function pagePaths(): string[] {
	return languages.flatMap((lang) =>
		pageSlugs().map((slug) => `/${lang}/${slug ? `${slug}/` : ''}`)
	);
}
