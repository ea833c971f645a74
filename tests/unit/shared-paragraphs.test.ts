import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));
const langs = ['ja', 'en'] as const;

/** Every page of one language, as paths relative to its language folder. */
const pagesOf = (lang: string, dir = ''): string[] =>
	readdirSync(join(docs, lang, dir), { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? pagesOf(lang, join(dir, entry.name))
			: entry.name.endsWith('.mdx')
				? [join(dir, entry.name)]
				: []
	);

const read = (lang: string, page: string) => readFileSync(join(docs, lang, page), 'utf8');

/**
 * The authenticationSettings story (what to write with only a system-assigned identity) is told
 * once per language: a decision table on one page. Every other page that raises the question
 * carries the same one-paragraph pointer to it, word for word, so a correction is made in one place.
 */
const story = {
	home: 'architecture/vm-extension.mdx',
	table: {
		ja: '### `authenticationSettings` を書くか省くか',
		en: '### `authenticationSettings`: include or omit',
	},
	anchor: {
		ja: '/ja/architecture/vm-extension/#authenticationsettings-を書くか省くか',
		en: '/en/architecture/vm-extension/#authenticationsettings-include-or-omit',
	},
	pointerPages: ['troubleshooting.mdx', 'setup/arm-template.mdx'],
	pointerOpening: {
		ja: '**システム割り当てマネージド ID だけのときの `authenticationSettings`**',
		en: '**`authenticationSettings` with only a system-assigned identity.**',
	},
	// Quotes from the documents that only the table may carry (the story itself).
	quotes: {
		ja: ['含めるとデプロイが失敗する', '引き続き必要'],
		en: ['Including it will cause deployment to fail', 'still required'],
	},
} as const;

/** Every paragraph (blank-line separated block) of a page that starts with `opening`. */
function paragraphsStartingWith(text: string, opening: string): string[] {
	return text
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter((block) => block.startsWith(opening));
}

describe('the authenticationSettings story is told once, in one wording', () => {
	for (const lang of langs) {
		test(`${lang}: the decision table is on ${story.home} and nowhere else`, () => {
			const holders = pagesOf(lang).filter((page) => read(lang, page).includes(story.table[lang]));
			expect(holders).toEqual([story.home]);
			const home = read(lang, story.home);
			const table = home.slice(home.indexOf(story.table[lang])).split('\n### ')[0]!;
			// One row per OS and extension version, one column per kind of identity.
			const rows = (table.match(/^\| (?!---)[^|\n]+/gm) ?? []).map((row) => row.slice(2).trim());
			expect(rows.slice(1)).toEqual([
				expect.stringMatching(/^Windows 1\.0 ?\/ ?3\.0$/),
				'Windows 4.0',
				expect.stringMatching(/^Linux 1\.0 ?\/ ?2\.0$/),
				'Linux 3.0',
				'Linux 4.x',
			]);
			expect(
				table
					.split('\n')
					.find((line) => line.startsWith('| '))!
					.split(' | ')
			).toHaveLength(4);
		});

		test(`${lang}: the documents' own words about it stand only in the table`, () => {
			for (const page of pagesOf(lang).filter((p) => p !== story.home))
				for (const quote of story.quotes[lang])
					expect(read(lang, page), `${lang}/${page} quotes "${quote}"`).not.toContain(quote);
		});

		test(`${lang}: ${story.pointerPages.join(', ')} carry the same pointer to the table`, () => {
			const copies = story.pointerPages.map((page) =>
				paragraphsStartingWith(read(lang, page), story.pointerOpening[lang])
			);
			for (const [i, found] of copies.entries())
				expect(found.length, `${lang}/${story.pointerPages[i]} carries the pointer once`).toBe(1);
			for (const [i, found] of copies.entries())
				expect(found[0], `${lang}/${story.pointerPages[i]} matches`).toBe(copies[0]![0]);
			expect(copies[0]![0]).toContain(`](${story.anchor[lang]})`);
		});
	}
});
