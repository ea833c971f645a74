// @ts-check
/**
 * Rehype plugin: links the first use of each key term on a tutorial page to its entry in the
 * glossary (`/<lang>/glossary/#<id>`), in both languages from one table (glossary-terms.mjs). Only
 * running text is linked: never headings, links, code, buttons, the glossary itself, or the
 * widgets and components an MDX page embeds.
 */
import { glossaryTerms } from './glossary-terms.mjs';
import { pageLanguage } from './page-language.mjs';

/** Elements whose text is never linked. */
const skipped = new Set([
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'a',
	'code',
	'pre',
	'kbd',
	'samp',
	'script',
	'style',
	'button',
	'dt',
	'figcaption',
	'svg',
	'summary',
	'label',
	'select',
	'textarea',
]);

const escape = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The matchers of a language: one regular expression per term (its phrases, not inside a longer
 * word, not after the term's `notAfter` text).
 * @param {'ja' | 'en'} lang
 */
export function termMatchers(lang) {
	return glossaryTerms.flatMap(({ id, ...sides }) => {
		const side = sides[lang];
		if (!side.link?.length) return [];
		const before = [
			'(?<![\\w-])',
			...(side.notAfter ?? []).map((text) => `(?<!${escape(text)})`),
		].join('');
		const phrases = side.link.map(escape).join('|');
		const flags = lang === 'en' ? 'iu' : 'u';
		return [{ id, pattern: new RegExp(`${before}(?:${phrases})(?![\\w-])`, flags) }];
	});
}

/**
 * @param {any} node a hast node
 * @param {(node: any, parent: any, index: number) => number | void} visit returns how many nodes it
 *   put in place of the text node, to skip them
 */
function walkText(node, visit) {
	const children = node.children ?? [];
	for (let i = 0; i < children.length; i++) {
		const child = children[i];
		if (child.type === 'text') {
			const added = visit(child, node, i);
			if (added) i += added - 1;
		} else if (child.type === 'element' && !skipped.has(child.tagName)) walkText(child, visit);
		else if (child.type === 'root') walkText(child, visit);
		// MDX components (mdxJsxFlowElement, mdxJsxTextElement) are widgets: left alone.
	}
}

/** Links first uses of glossary terms on content/docs pages (except the glossary). */
export function rehypeGlossaryLinks() {
	return (/** @type {any} */ tree, /** @type {any} */ file) => {
		const lang = pageLanguage(file);
		if (!lang) return;
		const path = (file.path ?? file.history?.[0] ?? '').replace(/\\/g, '/');
		if (/\/glossary\.mdx?$/.test(path)) return;
		const pending = termMatchers(lang);
		walkText(tree, (text, parent, index) => {
			if (pending.length === 0) return;
			const found = pending
				.map((term) => ({ term, match: term.pattern.exec(text.value) }))
				.filter((f) => f.match)
				.sort((a, b) => (a.match?.index ?? 0) - (b.match?.index ?? 0))[0];
			if (!found?.match) return;
			pending.splice(pending.indexOf(found.term), 1);
			const start = found.match.index;
			const end = start + found.match[0].length;
			const link = {
				type: 'element',
				tagName: 'a',
				properties: { href: `/${lang}/glossary/#${found.term.id}`, className: ['kv-term'] },
				children: [{ type: 'text', value: text.value.slice(start, end) }],
			};
			const rest = { type: 'text', value: text.value.slice(end) };
			const parts = [
				...(start > 0 ? [{ type: 'text', value: text.value.slice(0, start) }] : []),
				link,
				rest,
			];
			parent.children.splice(index, 1, ...parts);
			// The rest of this text node may hold other terms: visit it next.
			return parts.length - 1;
		});
	};
}
