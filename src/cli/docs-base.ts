/** Environment variable that gives the docs address (after --docs-url). */
export const docsUrlEnv = 'KVCERT_DOCS_URL';

/**
 * The base address of rule docs: --docs-url, KVCERT_DOCS_URL, the config's docsUrl, or the
 * package's homepage when it is the published site (not a repository page). Undefined when none
 * is known: the text report then names `kvcert explain <id>`, and no localhost link is ever made.
 */
export function resolveDocsBase(
	option: string | undefined,
	env: string | undefined,
	config: string | undefined,
	homepage: string | undefined
): string | undefined {
	const given = option ?? (env && /^https?:\/\/[^\s/]+/.test(env) ? env : undefined) ?? config;
	if (given) return given;
	if (!homepage || homepage.includes('#') || /^https?:\/\/(?:www\.)?github\.com\//.test(homepage))
		return undefined;
	return homepage;
}
