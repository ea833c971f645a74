import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));

/** Page paths (relative to the language folder) under content/docs/<lang>. */
function pagesOf(lang: string): string[] {
	const root = join(docs, lang);
	const walk = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory()
				? walk(join(dir, entry.name))
				: /\.mdx?$/.test(entry.name)
					? [relative(root, join(dir, entry.name))]
					: []
		);
	return walk(root).sort();
}

/** What a reader sees as the page's shape: headings, code blocks and diagrams, in order. */
function structureOf(source: string) {
	const outline: string[] = [];
	let inFence = false;
	for (const line of source.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
		if (/^\s*(?:```|~~~)/.test(line)) {
			if (!inFence) outline.push('code');
			inFence = !inFence;
			continue;
		}
		if (inFence) continue;
		if (/^## /.test(line)) outline.push('h2');
		else if (/^### /.test(line)) outline.push('h3');
		for (const match of line.matchAll(
			/<(Code|Diagram|ArchitectureComparison)\b[^>]*?(?:name="([^"]+)")?/g
		))
			outline.push(match[1] === 'Code' ? 'code' : `diagram:${match[2] ?? 'comparison'}`);
	}
	return outline;
}

const ja = pagesOf('ja');
const en = pagesOf('en');

describe('ja and en pages', () => {
	test('every page exists in both languages', () => {
		expect(ja).toEqual(en);
	});

	test.each(ja.filter((page) => en.includes(page)))(
		'%s has the same structure in both languages',
		(page) => {
			const read = (lang: string) => readFileSync(join(docs, lang, page), 'utf8');
			expect(structureOf(read('en'))).toEqual(structureOf(read('ja')));
		}
	);

	test.each(ja.filter((page) => page !== 'index.mdx'))('%s ends with its sources', (page) => {
		for (const [lang, heading] of [
			['ja', '## 出典'],
			['en', '## Sources'],
		] as const) {
			const headings = readFileSync(join(docs, lang, page), 'utf8')
				.split('\n')
				.filter((line) => line.startsWith('## '));
			expect(headings.at(-1), `${lang}/${page}`).toBe(heading);
		}
	});
});
