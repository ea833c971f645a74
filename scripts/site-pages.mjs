// The site's page list, read from content/docs/ja (every page exists in both languages; a unit test
// checks that) and from the rule registry (the rule reference pages). Used by the browser tests and by
// `npm run budget`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const docs = fileURLToPath(new URL('../content/docs/', import.meta.url));
const ruleDir = fileURLToPath(new URL('../src/core/check/rules/', import.meta.url));

/** @type {readonly ['ja', 'en']} */
export const languages = ['ja', 'en'];

/**
 * Slugs of the site's pages ('' for the home page).
 * @returns {string[]}
 */
export function pageSlugs() {
	const root = join(docs, 'ja');
	/** @param {string} dir @returns {string[]} */
	const walk = (dir) =>
		readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
			entry.isDirectory()
				? walk(join(dir, entry.name))
				: /\.mdx?$/.test(entry.name)
					? [relative(root, join(dir, entry.name)).replace(/\.mdx?$/, '')]
					: []
		);
	return walk(root)
		.map((slug) => (slug === 'index' ? '' : slug))
		.sort();
}

/**
 * The pages of the per-page browser tests in both languages, e.g. /ja/overview/: every tutorial page,
 * the rule catalog and a sample of rule pages (all of them with E2E_ALL_RULES=1).
 * @returns {string[]}
 */
export function pagePaths() {
	const rules = process.env.E2E_ALL_RULES
		? ruleEntries().map((rule) => rule.slug)
		: sampleRuleSlugs();
	return languages.flatMap((lang) => [
		...pageSlugs().map((slug) => `/${lang}/${slug ? `${slug}/` : ''}`),
		`/${lang}/rules/`,
		...rules.map((slug) => `/${lang}/rules/${slug}/`),
	]);
}

/**
 * @typedef {object} RuleEntry
 * @property {string} id e.g. KV015
 * @property {string} slug the page slug (the rule's `name`)
 * @property {string} severity error, warning or info
 * @property {boolean} examples whether the page shows examples
 */

/**
 * The registered rules, in registry order, read from the rule files that rules/index.ts imports
 * (plain JavaScript cannot import the TypeScript registry; tests/unit/check/rule-docs.test.ts checks
 * that this list equals the registry).
 * @returns {RuleEntry[]}
 */
export function ruleEntries() {
	const index = readFileSync(join(ruleDir, 'index.ts'), 'utf8');
	const imports = new Map(
		[...index.matchAll(/import \{ (\w+) \} from '\.\/(kv\d[\w-]*\.ts)'/g)].map((m) => [m[1], m[2]])
	);
	const list = index.slice(index.indexOf('export const rules'));
	return [...list.matchAll(/^\t(\w+),$/gm)].map(([, name]) => {
		const file = imports.get(name ?? '');
		if (!file)
			throw new Error(`rules/index.ts lists ${name} without importing it from a rule file`);
		const text = readFileSync(join(ruleDir, file), 'utf8');
		const field = (/** @type {string} */ key) => {
			const value = new RegExp(`^\\t${key}: '([^']+)',$`, 'm').exec(text)?.[1];
			if (!value) throw new Error(`${file}: no ${key}`);
			return value;
		};
		return {
			id: field('id'),
			slug: field('name'),
			severity: field('severity'),
			examples: /^\t\texamples: \{$/m.test(text),
		};
	});
}

/**
 * Every rule reference page in both languages, e.g. /ja/rules/certificates-path/.
 * @returns {string[]}
 */
export function rulePagePaths() {
	return languages.flatMap((lang) => ruleEntries().map((rule) => `/${lang}/rules/${rule.slug}/`));
}

/**
 * A few rule pages that stand for all of them in the per-page browser tests: for each severity the
 * first rule with examples (else the first rule), the first rule with Bicep and Terraform examples
 * (src/core/check/iac-examples.ts), and the last rule. Every rule page is checked by a faster test;
 * E2E_ALL_RULES=1 puts them all through the per-page tests.
 * @returns {string[]}
 */
export function sampleRuleSlugs() {
	const entries = ruleEntries();
	const picks = ['error', 'warning', 'info'].map((severity) => {
		const ofSeverity = entries.filter((rule) => rule.severity === severity);
		return (ofSeverity.find((rule) => rule.examples) ?? ofSeverity[0])?.slug;
	});
	const iacExamples = readFileSync(join(ruleDir, '..', 'iac-examples.ts'), 'utf8');
	const withIac = entries.find((rule) => new RegExp(`^\\t${rule.id}: \\[$`, 'm').test(iacExamples));
	return [...new Set([...picks, withIac?.slug, entries.at(-1)?.slug])].filter(
		(slug) => slug !== undefined
	);
}
