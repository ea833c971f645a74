/**
 * Data for the rule reference pages (`pages/[lang]/rules/`), taken from the rule registry so that the
 * pages and the checker cannot drift.
 */
import { ruleDocsUrl } from '../../core/check/index.ts';
import type { Rule } from '../../core/check/index.ts';
import { rules } from '../../core/check/index.ts';
import type { Lang, Severity } from '../../core/check/index.ts';

/** The site's languages, in the order of the language picker. */
export const ruleLanguages: readonly Lang[] = ['ja', 'en'];

/** One rule page: its URL parameters and the rule, with its neighbours for pagination. */
export interface RulePage {
	params: { lang: Lang; slug: string };
	props: { rule: Rule; previous: Rule | undefined; next: Rule | undefined };
}

/** Every rule page in both languages: the route list of `pages/[lang]/rules/[slug].astro`. */
export function rulePages(): RulePage[] {
	return ruleLanguages.flatMap((lang) =>
		rules.map((rule, i) => ({
			params: { lang, slug: rule.name },
			props: { rule, previous: rules[i - 1], next: rules[i + 1] },
		}))
	);
}

/** The site-relative path of a rule's page, e.g. `/ja/rules/certificates-path/`. */
export function rulePath(rule: Pick<Rule, 'name'>, lang: Lang): string {
	return ruleDocsUrl(rule, lang, '');
}

/** The Starlight `<Badge>` variant for a severity. */
export const severityBadge: Record<Severity, 'danger' | 'caution' | 'note'> = {
	error: 'danger',
	warning: 'caution',
	info: 'note',
};

function escapeHtml(text: string): string {
	return text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);
}

/**
 * Renders the inline Markdown of rule metadata (`code` and **bold**) as HTML; everything else is
 * escaped text.
 */
export function inlineMarkdown(text: string): string {
	return text
		.split(/(`[^`]+`)/)
		.map((part) =>
			part.length > 2 && part.startsWith('`') && part.endsWith('`')
				? `<code>${escapeHtml(part.slice(1, -1))}</code>`
				: escapeHtml(part).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
		)
		.join('');
}

/** The first sentence of a rule's docs as plain text, for the page description. */
export function plainSummary(markdown: string): string {
	const text = markdown.replace(/`([^`]+)`/g, '$1').replace(/\*\*(.+?)\*\*/g, '$1');
	const end = text.search(/(?<=[。.!?])\s|(?<=。)/);
	return (end === -1 ? text : text.slice(0, end)).trim();
}
