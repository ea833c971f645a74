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
