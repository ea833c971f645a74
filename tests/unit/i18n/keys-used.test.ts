import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const table = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(join(root, `content/i18n/${lang}.json`), 'utf8'));
const tables = { ja: table('ja'), en: table('en') };

/** Every .ts, .astro and .mdx file under the folders that show UI strings. */
function sources(dir: string): string[] {
	return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sources(path);
		return /\.(?:ts|astro|mdx)$/.test(entry.name) ? [path] : [];
	});
}

/** `kvcert.…` keys written whole in quotes (keys built at run time are checked by the browser tests). */
function keysIn(text: string): string[] {
	return [...text.matchAll(/['"`](kvcert\.[A-Za-z]+(?:\.[A-Za-z_]+)+)['"`]/g)].map((m) => m[1]!);
}

describe('UI-string keys used in code', () => {
	const files = ['src', 'pages', 'content/docs'].flatMap(sources);
	const used = files.flatMap((file) =>
		keysIn(readFileSync(join(root, file), 'utf8')).map((key) => ({
			file: relative('.', file),
			key,
		}))
	);

	test('are found in the sources', () => {
		expect(used.length).toBeGreaterThan(100);
	});

	for (const lang of ['ja', 'en'] as const)
		test(`exist in ${lang}.json, directly or as plural forms`, () => {
			// Only keys of a namespace the tables have (`kvcert.config.json` is a file name).
			const namespaces = new Set(Object.keys(tables[lang]).map((k) => k.split('.', 2).join('.')));
			const missing = used.filter(
				({ key }) =>
					namespaces.has(key.split('.', 2).join('.')) &&
					!(key in tables[lang]) &&
					!(`${key}_other` in tables[lang])
			);
			expect(missing).toEqual([]);
		});
});
