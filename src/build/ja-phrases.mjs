// @ts-check
/**
 * Japanese headings that break between phrases, decided at build time by BudouX (pinned in
 * package.json) instead of by the browser: each phrase becomes an inline block (`.kv-phrase`,
 * styles/site.css), so a line breaks only between phrases or at the spaces between them, and never
 * inside "Key Vault の" or "3 つの". Spaces stay outside the blocks, as the text had them.
 */
import { loadDefaultJapaneseParser } from 'budoux';

const parser = loadDefaultJapaneseParser();

/** Marks that never start a line (kinsoku): BudouX may put them at a phrase's start, as in "始める: 証明書の". */
const closing = /^[:;,.!?)\]}、。，．：；！？）」』】〕]+/;

/**
 * The text cut into phrases and the spaces between them, in order; joined, they are the text again.
 * @param {string} text
 * @returns {Array<{ phrase: string } | { space: string }>}
 */
export function phrasesOf(text) {
	/** @type {Array<{ phrase: string } | { space: string }>} */
	const parts = [];
	for (const parsed of parser.parse(text)) {
		// A closing mark joins the phrase right before it, so "始める:" wraps as one.
		const mark = parsed.match(closing)?.[0] ?? '';
		const before = parts.at(-1);
		const chunk = mark && before && 'phrase' in before ? parsed.slice(mark.length) : parsed;
		if (chunk !== parsed && before && 'phrase' in before) before.phrase += mark;
		const rest = chunk.trimStart();
		const phrase = rest.trimEnd();
		const lead = chunk.slice(0, chunk.length - rest.length);
		const trail = rest.slice(phrase.length);
		if (lead) parts.push({ space: lead });
		if (phrase) parts.push({ phrase });
		if (trail) parts.push({ space: trail });
	}
	return parts;
}

/**
 * The text as hast nodes: phrases in `span.kv-phrase`, spaces as text.
 * @param {string} text
 */
export function phraseNodes(text) {
	return phrasesOf(text).map((part) =>
		'space' in part
			? { type: 'text', value: part.space }
			: {
					type: 'element',
					tagName: 'span',
					properties: { className: ['kv-phrase'] },
					children: [{ type: 'text', value: part.phrase }],
				}
	);
}

const escapeHtml = (/** @type {string} */ text) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The text as HTML: phrases in `span.kv-phrase` (for the hero, which Starlight renders as HTML).
 * @param {string} text
 */
export function phraseHtml(text) {
	return phrasesOf(text)
		.map((part) =>
			'space' in part
				? escapeHtml(part.space)
				: `<span class="kv-phrase">${escapeHtml(part.phrase)}</span>`
		)
		.join('');
}
