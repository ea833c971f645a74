// @ts-check
/**
 * Rehype plugin: on Japanese pages, the text of headings (h1–h4) is cut into phrases (ja-phrases.mjs)
 * so that headings break between phrases. Code in a heading is left whole and kept on one line, so a
 * flag such as `--settings` never breaks (styles/site.css).
 */
import { phraseNodes } from './ja-phrases.mjs';
import { pageLanguage } from './page-language.mjs';

const headings = new Set(['h1', 'h2', 'h3', 'h4']);

/** @param {any} node */
function phraseText(node) {
	node.children = (node.children ?? []).flatMap((/** @type {any} */ child) => {
		if (child.type === 'text') return phraseNodes(child.value);
		if (child.type === 'element' && child.tagName !== 'code') phraseText(child);
		return [child];
	});
}

/** @param {any} node @param {(node: any) => void} visit */
function walk(node, visit) {
	for (const child of node.children ?? []) {
		if (child.type !== 'element') continue;
		if (headings.has(child.tagName)) visit(child);
		else walk(child, visit);
	}
}

/** Cuts Japanese headings into phrases. */
export function rehypeJaPhrases() {
	return (/** @type {any} */ tree, /** @type {any} */ file) => {
		if (pageLanguage(file) !== 'ja') return;
		walk(tree, phraseText);
	};
}
