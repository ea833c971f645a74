import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleEntries, rulePagePaths } from '../../../scripts/site-pages.mjs';
import { rulePages, rulePath } from '../../../src/components/rules/reference.ts';
import { checkSync, exampleIn } from '../../../src/core/check/index.ts';
import { fixMessageIds, reportMessageIds, ruleDocsUrl } from '../../../src/core/check/docs.ts';
import { rules } from '../../../src/core/check/rules/index.ts';
import { ruleSources, sourceLinks } from '../../../src/core/check/sources.ts';

const langs = ['ja', 'en'] as const;

describe('rule reference pages', () => {
	const built = new Set(
		rulePages().map((page) => `/${page.params.lang}/rules/${page.params.slug}/`)
	);

	it.each(rules.map((rule) => [rule.id, rule] as const))(
		'%s has a docs URL the site builds, in both languages',
		(_, rule) => {
			for (const lang of langs) {
				const url = ruleDocsUrl(rule, lang, 'https://example.test');
				expect(url).toBe(`https://example.test/${lang}/rules/${rule.name}/`);
				expect(built.has(rulePath(rule, lang)), url).toBe(true);
			}
		}
	);

	it('builds exactly one page per registered rule and language', () => {
		expect(rulePages()).toHaveLength(rules.length * langs.length);
		expect(built.size).toBe(rules.length * langs.length);
	});

	it.each(rules.map((rule) => [rule.id, rule] as const))(
		'%s has its title, docs and every message in ja and en',
		(_, rule) => {
			const texts = [rule.meta.title, rule.meta.docs, ...Object.values(rule.meta.messages)];
			expect(reportMessageIds(rule).length).toBeGreaterThan(0);
			for (const text of texts) {
				expect(text.ja.trim()).not.toBe('');
				expect(text.en.trim()).not.toBe('');
				expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
			}
		}
	);

	it('lists the same rules for the browser tests as the registry', () => {
		expect(ruleEntries()).toEqual(
			rules.map((rule) => ({
				id: rule.id,
				slug: rule.name,
				severity: rule.severity,
				examples: rule.meta.examples !== undefined,
			}))
		);
		expect(rulePagePaths().sort()).toEqual([...built].sort());
	});
});

describe('rule metadata behind the pages', () => {
	it.each(rules.map((rule) => [rule.id, rule] as const))(
		'%s says it has an automatic fix exactly when its code offers one',
		(id, rule) => {
			const file = readFileSync(
				new URL(
					`../../../src/core/check/rules/${id.toLowerCase()}-${rule.name}.ts`,
					import.meta.url
				),
				'utf8'
			);
			// Metadata declares messages as `fix: { ja, en }`; reports name them as `messageId: 'fix…'`.
			const offered = [...file.matchAll(/messageId: '(fix\w*)'/g)].map((m) => m[1]);
			expect([...new Set(offered)].sort()).toEqual(fixMessageIds(rule).sort());
		}
	);

	it.each(rules.filter((rule) => rule.meta.examples).map((rule) => [rule.id, rule] as const))(
		'%s: the failing example is reported by the rule and the passing one by nothing',
		(_, rule) => {
			for (const lang of ['ja', 'en'] as const) {
				const bad = exampleIn(rule.meta.examples!.bad, lang);
				const good = exampleIn(rule.meta.examples!.good, lang);
				expect(
					checkSync(bad).diagnostics.map((d) => d.ruleId),
					lang
				).toContain(rule.id);
				expect(
					checkSync(good).diagnostics.map((d) => `${d.ruleId}: ${d.message}`),
					lang
				).toEqual([]);
			}
		}
	);

	it('resolves every evidence tag a rule cites to a public page', () => {
		const unknown = rules.flatMap((rule) =>
			rule.meta.sources.filter((tag) => !sourceLinks[tag]).map((tag) => `${rule.id} ${tag}`)
		);
		expect(unknown).toEqual([]);
	});

	it('cites the Windows and Linux articles first on every page, each link once', () => {
		for (const rule of rules)
			for (const lang of langs) {
				const sources = ruleSources(rule, lang);
				expect(sources[0]?.url).toMatch(/\/key-vault-windows$/);
				expect(sources[1]?.url).toMatch(/\/key-vault-linux$/);
				expect(new Set(sources.map((s) => s.url)).size).toBe(sources.length);
				if (lang === 'ja')
					for (const s of sources.filter((s) => s.url.includes('learn.microsoft.com')))
						expect(s.url).toContain('/ja-jp/');
			}
	});
});
