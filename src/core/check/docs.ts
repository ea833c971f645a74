import type { Rule } from './rule.ts';
import type { Lang } from './types.ts';

/**
 * Base URL of the published site. Matches `site` in astro.config.mjs; change both together when the
 * site gets its public address.
 */
export const defaultDocsBase = 'http://localhost:4321';

/** The URL of a rule's reference page: `/{lang}/rules/{slug}/`. */
export function ruleDocsUrl(
	rule: Pick<Rule, 'name'>,
	lang: Lang,
	base: string = defaultDocsBase
): string {
	return `${base.replace(/\/$/, '')}/${lang}/rules/${rule.name}/`;
}

/** Whether a message id names a fix (`fix`, `fixQuote`…) rather than a finding. */
export function isFixMessage(messageId: string): boolean {
	return /^fix(?:[A-Z]|$)/.test(messageId);
}

/** The ids of the findings a rule can report, in metadata order. */
export function reportMessageIds(rule: Pick<Rule, 'meta'>): string[] {
	return Object.keys(rule.meta.messages).filter((id) => !isFixMessage(id));
}

/** The ids of the fixes a rule can offer; empty when it has no automatic fix. */
export function fixMessageIds(rule: Pick<Rule, 'meta'>): string[] {
	return Object.keys(rule.meta.messages).filter(isFixMessage);
}
