import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';

const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));

/** Every .mdx page under content/docs/ja, relative to content/docs. */
function jaPages(dir = join(docs, 'ja')): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? jaPages(join(dir, entry.name))
			: entry.name.endsWith('.mdx')
				? [relative(docs, join(dir, entry.name))]
				: []
	);
}

/** The page file a site path such as `/ja/setup/arm-template/` is built from, if any. */
function pageFor(path: string): string | undefined {
	const base = path.replace(/^\//, '').replace(/\/$/, '');
	return [`${base}.mdx`, `${base}/index.mdx`].find((file) => existsSync(join(docs, file)));
}

/** The `title` in a page's frontmatter, without quotes. */
function titleOf(page: string): string {
	const source = readFileSync(join(docs, page), 'utf8');
	const line = /^title:(.+)$/m.exec(source)?.[1]?.trim() ?? '';
	return line.replace(/^(['"])(.*)\1$/, '$2');
}

/** Heading texts of a page by the anchor Starlight gives them. */
function headingsOf(page: string): Map<string, string> {
	const slugger = new GithubSlugger();
	const headings = new Map<string, string>();
	let inFence = false;
	for (const line of readFileSync(join(docs, page), 'utf8').split('\n')) {
		if (/^\s*(?:```|~~~)/.test(line)) inFence = !inFence;
		const m = !inFence && /^#{2,6}\s+(\S.*)$/.exec(line.trimEnd());
		if (m) {
			const text = m[1]!.replace(/`([^`]*)`/g, '$1');
			headings.set(slugger.slug(text), text);
		}
	}
	return headings;
}

/**
 * Links that cite a page or section by name: 「[名前](/ja/…)」, [「名前」](/ja/…) and link cards. The name must be
 * the title of the page (or the text of the heading the #anchor points at), so a reader sees one
 * name for one page wherever it is cited.
 */
function quotedLinks(source: string) {
	const quoted = [
		...source.matchAll(/「\[([^\]\n]+)\]\(([^)\s]*)\)」|\[「([^」\n]+)」\]\(([^)\s]*)\)/g),
	].map((m) => ({ text: (m[1] ?? m[3])!, href: (m[2] ?? m[4])! }));
	// A link card names the page it leads to in its title (generated pages such as /ja/rules/ have no file here).
	const cards = [
		...source.matchAll(/<LinkCard\b[^>]+?\btitle="([^"]+)"[^>]*?\bhref="(\/ja\/[^"]*)"/g),
	]
		.map((m) => ({ text: m[1]!, href: m[2]! }))
		.filter((card) => pageFor(card.href.split('#')[0]!));
	return [...quoted, ...cards];
}

const pages = jaPages();

describe('ja cross-references quote the real title', () => {
	test('the pages do cite pages and sections by name', () => {
		const all = pages.flatMap((page) => quotedLinks(readFileSync(join(docs, page), 'utf8')));
		expect(all.filter((l) => l.href.startsWith('/ja/')).length).toBeGreaterThanOrEqual(5);
		expect(all.filter((l) => l.href.startsWith('#')).length).toBeGreaterThanOrEqual(3);
	});

	test.each(pages)('%s', (page) => {
		const wrong: string[] = [];
		for (const { text, href } of quotedLinks(readFileSync(join(docs, page), 'utf8'))) {
			const [path, fragment] = href.split('#');
			const target = path ? pageFor(path) : page;
			if (!target) {
				wrong.push(`${href}: no such page`);
				continue;
			}
			const expected = fragment
				? headingsOf(target).get(decodeURIComponent(fragment))
				: titleOf(target);
			if (text !== expected)
				wrong.push(`「${text}」 → ${href}: the title is 「${expected ?? '(no such heading)'}」`);
		}
		expect(wrong).toEqual([]);
	});
});
