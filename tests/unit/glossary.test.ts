import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { glossaryTerms } from '../../src/build/glossary-terms.mjs';
import { rehypeGlossaryLinks } from '../../src/build/rehype-glossary-links.mjs';
import { phraseHtml, phrasesOf } from '../../src/build/ja-phrases.mjs';

const docs = new URL('../../content/docs/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, docs), 'utf8');

describe('glossary', () => {
	for (const lang of ['ja', 'en'] as const)
		test(`${lang}: every term has its anchor, in the table's terms, sorted`, () => {
			const ids = [
				...read(`${lang}/glossary.mdx`).matchAll(/<span id="([\w-]+)" class="kv-term-anchor">/g),
			].map((m) => m[1]);
			expect(new Set(ids)).toEqual(new Set(glossaryTerms.map((t) => t.id)));
			expect(ids).toHaveLength(glossaryTerms.length);
			const sortKey = new Map(glossaryTerms.map((t) => [t.id, t[lang].sort]));
			const collator = new Intl.Collator(lang);
			const sorted = [...ids].sort((a, b) => collator.compare(sortKey.get(a!)!, sortKey.get(b!)!));
			expect(ids).toEqual(sorted);
		});

	// A small hast tree as a docs page: the first use of each term in running text is linked, never
	// in a heading or code, never twice, and not inside a longer term.
	const page = (lang: string, children: unknown[]) => {
		const tree = { type: 'root', children };
		rehypeGlossaryLinks()(tree, { path: `/x/content/docs/${lang}/overview.mdx` });
		return tree;
	};
	const el = (tagName: string, ...children: unknown[]) => ({
		type: 'element',
		tagName,
		properties: {},
		children,
	});
	const text = (value: string) => ({ type: 'text', value });
	interface Hast {
		type: string;
		tagName?: string;
		value?: string;
		properties?: { href?: string; className?: string[] };
		children?: Hast[];
	}
	const links = (node: Hast): string[] =>
		node.type === 'element' &&
		node.tagName === 'a' &&
		node.properties?.className?.includes('kv-term')
			? [`${node.properties.href} ${node.children?.[0]?.value}`]
			: (node.children ?? []).flatMap(links);

	test('links first uses in running text, in both languages', () => {
		const ja = page('ja', [
			el('h2', text('マネージド ID と IMDS')),
			el(
				'p',
				text(
					'システム割り当てマネージド ID ではなく、VM のマネージド ID が IMDS からトークンを取得します。'
				)
			),
			el('p', text('マネージド ID は 2 回目なのでリンクしません。'), el('code', text('拇印'))),
			el('p', text('拇印 (Thumbprint) を比べます。')),
		]);
		expect(links(ja as Hast)).toEqual([
			'/ja/glossary/#managed-identity マネージド ID',
			'/ja/glossary/#imds IMDS',
			'/ja/glossary/#thumbprint 拇印',
		]);
		const en = page('en', [
			el(
				'p',
				text('A user-assigned managed identity is not linked there; Managed identity here is.')
			),
			el(
				'li',
				text('The IMDSv2 token is no term; IMDS is. Compare the thumbprints? No: the thumbprint.')
			),
		]);
		expect(links(en as Hast)).toEqual([
			'/en/glossary/#managed-identity Managed identity',
			'/en/glossary/#imds IMDS',
			'/en/glossary/#thumbprint thumbprint',
		]);
	});

	test('the glossary page itself and files outside the docs are left alone', () => {
		const tree = { type: 'root', children: [el('p', text('IMDS'))] };
		rehypeGlossaryLinks()(tree, { path: '/x/content/docs/ja/glossary.mdx' });
		rehypeGlossaryLinks()(tree, { path: '/x/src/other.md' });
		expect(links(tree as Hast)).toEqual([]);
	});
});

describe('Japanese phrases (BudouX)', () => {
	test('phrases and spaces give the text back; "Key Vault の" and "3 つの" stay whole', () => {
		for (const title of [
			'Azure VM で Key Vault の証明書を使う',
			'Azure Key Vault の証明書を Azure 仮想マシンで安全に使う 3 つの方法を、図と動くツールで学びます。',
		]) {
			const parts = phrasesOf(title);
			expect(parts.map((p) => ('space' in p ? p.space : p.phrase)).join('')).toBe(title);
			for (const p of parts) if ('phrase' in p) expect(p.phrase).toBe(p.phrase.trim());
		}
		const html = phraseHtml('Azure VM で Key Vault の証明書を使う <x>');
		expect(html).toContain('<span class="kv-phrase">Key Vault の</span>');
		expect(phraseHtml('3 つの方法')).toContain('<span class="kv-phrase">3 つの</span>');
		expect(html).toContain('&lt;x&gt;');
		// A colon never starts a line: it stays with the phrase before it (rv18e #5).
		const title = 'ここから始める: 証明書の作成から更新まで';
		expect(phrasesOf(title)).toEqual([
			{ phrase: 'ここから' },
			{ phrase: '始める:' },
			{ space: ' ' },
			{ phrase: '証明書の' },
			{ phrase: '作成から' },
			{ phrase: '更新まで' },
		]);
		expect(phraseHtml('設定 (省略可)、次へ')).not.toMatch(/kv-phrase">[)、]/);
	});
});

describe('headings', () => {
	test('a command-line flag in a heading is code, so it is never turned into a dash', () => {
		const walk = (dir: URL): string[] =>
			readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
				entry.isDirectory()
					? walk(new URL(`${entry.name}/`, dir))
					: entry.name.endsWith('.mdx')
						? [join(dir.pathname, entry.name)]
						: []
			);
		const bare: string[] = [];
		for (const file of walk(docs))
			for (const line of readFileSync(file, 'utf8').split('\n'))
				if (/^#{1,6} /.test(line) && /(?:^|\s)--[a-z]/.test(line.replace(/`[^`]*`/g, '')))
					bare.push(`${file}: ${line}`);
		expect(bare).toEqual([]);
	});
});
