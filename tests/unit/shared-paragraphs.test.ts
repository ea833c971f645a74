import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const docs = fileURLToPath(new URL('../../content/docs/', import.meta.url));

/**
 * Paragraphs that tell one story on several pages. Each page must carry the paragraph exactly once,
 * word for word the same in each language, so a correction on one page cannot miss the others.
 */
const shared = [
	{
		story: 'authenticationSettings with only a system-assigned identity',
		pages: ['troubleshooting.mdx', 'setup/arm-template.mdx', 'architecture/vm-extension.mdx'],
		opening: {
			ja: '**システム割り当てマネージド ID だけのときの `authenticationSettings`**',
			en: '**`authenticationSettings` with only a system-assigned identity.**',
		},
	},
] as const;

/** Every paragraph (blank-line separated block) of a page that starts with `opening`. */
function paragraphsStartingWith(page: string, opening: string): string[] {
	return readFileSync(join(docs, page), 'utf8')
		.split(/\n\s*\n/)
		.map((block) => block.trim())
		.filter((block) => block.startsWith(opening));
}

describe('paragraphs shared between pages', () => {
	for (const { story, pages, opening } of shared)
		for (const lang of ['ja', 'en'] as const)
			test(`${story} (${lang}) is identical on ${pages.join(', ')}`, () => {
				const copies = pages.map((page) =>
					paragraphsStartingWith(`${lang}/${page}`, opening[lang])
				);
				for (const [i, found] of copies.entries())
					expect(found.length, `${lang}/${pages[i]} carries the paragraph once`).toBe(1);
				for (const [i, found] of copies.entries())
					expect(found[0], `${lang}/${pages[i]} matches ${lang}/${pages[0]}`).toBe(copies[0]![0]);
			});
});
