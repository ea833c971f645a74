import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { sourceLinks } from '../../src/core/check/sources.ts';

/**
 * A Microsoft Learn article is named the same way wherever a page of one language links to it, and
 * the rule pages' source lists use that name too: a reader who meets two names for one article takes
 * them for two articles. Addresses are compared without their locale segment (`/ja-jp/`, `/en-us/`
 * or none), query and trailing slash; a #fragment names a section and is compared as part of the address.
 */

const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));
type Lang = 'ja' | 'en';

/** The Learn address without scheme, host, locale, query and trailing slash; undefined if not Learn. */
function learnKey(url: string): string | undefined {
	const m =
		/^https:\/\/learn\.microsoft\.com\/(?:[a-z]{2}-[a-z]{2}\/)?([^?#\s]*)(?:\?[^#\s]*)?(#\S*)?$/i.exec(
			url
		);
	if (!m) return undefined;
	return `${m[1]!.replace(/\/+$/, '').toLowerCase()}${m[2] ?? ''}`;
}

/** Every .mdx page of one language, relative to content/docs. */
function pages(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? pages(join(dir, entry.name))
			: entry.name.endsWith('.mdx')
				? [relative(docs, join(dir, entry.name))]
				: []
	);
}

/** Link texts by Learn address, each with where it stands (page:line, or the rule source tag). */
function learnLinkTexts(lang: Lang): Map<string, Map<string, string[]>> {
	const found = new Map<string, Map<string, string[]>>();
	const add = (url: string, text: string, where: string) => {
		const key = learnKey(url);
		if (!key) return;
		const texts = found.get(key) ?? new Map<string, string[]>();
		texts.set(text, [...(texts.get(text) ?? []), where]);
		found.set(key, texts);
	};
	for (const page of pages(join(docs, lang))) {
		const source = readFileSync(join(docs, page), 'utf8');
		// [text](https://learn…): the text may hold `code` and one level of [brackets].
		for (const m of source.matchAll(
			/\[((?:[^[\]\n]|\[[^\]\n]*\])+)\]\((https:\/\/learn\.microsoft\.com\/[^)\s]+)\)/g
		)) {
			const line = source.slice(0, m.index).split('\n').length;
			add(m[2]!, m[1]!, `${page}:${line}`);
		}
	}
	for (const [tag, links] of Object.entries(sourceLinks)) {
		for (const link of links) {
			const url = typeof link.url === 'string' ? link.url : link.url[lang];
			add(url, link.title[lang], `rule source ${tag}`);
		}
	}
	return found;
}

describe('one title per Microsoft Learn article', () => {
	test('locale segments, query and trailing slash do not make a different article', () => {
		const key = learnKey(
			'https://learn.microsoft.com/azure/virtual-machines/extensions/key-vault-linux'
		);
		expect(key).toBe('azure/virtual-machines/extensions/key-vault-linux');
		expect(
			learnKey(
				'https://learn.microsoft.com/ja-jp/azure/virtual-machines/extensions/key-vault-linux/'
			)
		).toBe(key);
		expect(
			learnKey(
				'https://learn.microsoft.com/en-us/Azure/virtual-machines/extensions/key-vault-linux?tabs=x'
			)
		).toBe(key);
		expect(learnKey('https://learn.microsoft.com/en-us/azure/x#section')).toBe('azure/x#section');
		expect(learnKey('https://example.com/azure/x')).toBeUndefined();
	});

	for (const lang of ['ja', 'en'] as const) {
		test(`${lang}: every Learn article has one link text across the pages and rule sources`, () => {
			const found = learnLinkTexts(lang);
			// The pages cite the extension's Linux article many times: the scan must see them all.
			const linux = found.get('azure/virtual-machines/extensions/key-vault-linux');
			expect([...(linux?.values() ?? [])].flat().length).toBeGreaterThan(10);
			const conflicts = [...found]
				.filter(([, texts]) => texts.size > 1)
				.map(([key, texts]) => ({
					article: key,
					texts: [...texts].map(([text, where]) => `${text} (${where.join(', ')})`),
				}));
			expect(conflicts).toEqual([]);
		});
	}
});
