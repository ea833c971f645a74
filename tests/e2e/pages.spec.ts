import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { languages, pagePaths, ruleEntries } from '../../scripts/site-pages.mjs';
import { chooserStrings } from '../../src/components/widgets/certificate-chooser/strings.ts';
import { simulatorStrings } from '../../src/components/widgets/renewal-simulator/strings.ts';
import { workshopStrings } from '../../src/components/widgets/workshop/strings.ts';
import { selectMessages } from '../../src/core/select/messages.ts';

const table = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8'));
const starlight = (lang: string) =>
	table(
		new URL(`../../node_modules/@astrojs/starlight/translations/${lang}.json`, import.meta.url)
			.pathname
	);
const ours = (lang: 'ja' | 'en') => ({
	...table(new URL(`../../content/i18n/${lang}.json`, import.meta.url).pathname),
	// The workshop widgets keep their strings in their own tables.
	...Object.fromEntries(
		[simulatorStrings, chooserStrings, workshopStrings].flatMap((strings) =>
			Object.entries(strings[lang]).map(([key, value]) => [`widget:${key}`, value])
		)
	),
	...Object.fromEntries(
		Object.entries(selectMessages[lang].strategy).map(([key, value]) => [`strategy:${key}`, value])
	),
});

/**
 * UI strings of the other language that must never show on a page: every value of the other
 * language's tables that differs from this language's, long enough not to be a common word.
 */
function foreignStrings(lang: 'ja' | 'en'): string[] {
	const other = lang === 'ja' ? 'en' : 'ja';
	const mine = { ...starlight(lang), ...ours(lang) };
	const theirs = { ...starlight(other), ...ours(other) };
	return Object.entries(theirs)
		.filter(
			([key, value]) => mine[key] !== value && value.length >= 2 && !/\{\{|\[[A-Z_]+\]/.test(value)
		)
		.map(([, value]) => value);
}

/**
 * The pieces of the page's interface: each text node and each label attribute of the header,
 * sidebars, pagination and widget controls, trimmed. Compared whole, so that a heading that
 * quotes `observedCertificates` is not mistaken for the English UI string "Certificates".
 */
async function interfaceTexts(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const parts: string[] = [];
		const roots = document.querySelectorAll(
			'header, #starlight__sidebar, footer, .pagination-links, .right-sidebar h2, mobile-starlight-toc summary, .kv-diagram__controls, kvcert-thumbprint-tool label, kvcert-thumbprint-tool button, kvcert-thumbprint-tool legend, kvcert-thumbprint-tool th, kvcert-live-snippet .label, kvcert-live-snippet button, kvcert-live-snippet caption, kvcert-live-snippet th, kvcert-checker label, kvcert-checker button, kvcert-checker option, kvcert-checker [data-status], kvcert-open-in-checker button, kvcert-renewal-simulator label, kvcert-renewal-simulator button, kvcert-renewal-simulator th, kvcert-renewal-simulator h3, kvcert-renewal-simulator dt, kvcert-certificate-chooser label, kvcert-certificate-chooser button, kvcert-certificate-chooser th, kvcert-certificate-chooser caption, .kv-exercise button, .kv-exercise legend, .kv-exercise h2, .kv-agenda th, .kv-agenda caption'
		);
		for (const root of roots) {
			const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode())
				parts.push(node.textContent?.trim() ?? '');
		}
		for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]'))
			for (const name of ['aria-label', 'title', 'placeholder'])
				parts.push(el.getAttribute(name)?.trim() ?? '');
		return parts.filter(Boolean);
	});
}

/** Collects console errors, uncaught errors and failed requests while a page is open. */
function watchProblems(page: Page): string[] {
	const problems: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
	page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
	page.on('response', (response) => {
		if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	return problems;
}

for (const path of pagePaths()) {
	const lang = path.startsWith('/ja/') ? 'ja' : 'en';

	test.describe(path, () => {
		test('loads cleanly, with its language’s interface only', async ({ page }) => {
			const problems = watchProblems(page);
			await page.goto(path);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.locator('h1').first()).toBeVisible();
			await page.waitForLoadState('networkidle');
			expect(problems).toEqual([]);
			const texts = new Set(await interfaceTexts(page));
			expect(foreignStrings(lang).filter((s) => texts.has(s))).toEqual([]);
		});

		for (const colorScheme of ['light', 'dark'] as const) {
			test(`has no axe violations (WCAG 2.2 AA, ${colorScheme})`, async ({ page }) => {
				await page.emulateMedia({ colorScheme });
				await page.goto(path);
				// Expressive Code makes wide code blocks focusable (tabindex, role=region) once the
				// browser is idle; let it finish, as a reader's browser would, before axe looks.
				await page.waitForFunction(() =>
					[...document.querySelectorAll('.expressive-code pre')].every(
						(pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')
					)
				);
				const results = await new AxeBuilder({ page })
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
					.analyze();
				expect(
					results.violations.map(
						(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
					)
				).toEqual([]);
			});
		}

		test('fits a 360 px wide screen without sideways scrolling', async ({ page }) => {
			await page.setViewportSize({ width: 360, height: 740 });
			await page.goto(path);
			const overflow = await page.evaluate(
				() => document.documentElement.scrollWidth - window.innerWidth
			);
			expect(overflow).toBeLessThanOrEqual(0);
		});
	});
}

// The per-page tests above see the rule catalog and a sample of rule pages; this one asks for every
// rule page without a browser, so a rule added to the registry cannot lack its page.
test('rules: every rule page answers in both languages, with its id in the h1, linked from the catalog', async ({
	request,
}) => {
	for (const lang of languages) {
		const catalog = await request.get(`/${lang}/rules/`);
		expect(catalog.status()).toBe(200);
		const catalogHtml = await catalog.text();
		// The sidebar link carries the page's own locale.
		expect(catalogHtml).toContain(`href="/${lang}/rules/" aria-current="page"`);
		for (const rule of ruleEntries()) {
			const path = `/${lang}/rules/${rule.slug}/`;
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const html = await response.text();
			expect(html, path).toContain(`<html lang="${lang}"`);
			expect(html.match(/<h1[^>]*>([^<]*)<\/h1>/)?.[1], path).toMatch(
				new RegExp(`^${rule.id}: \\S`)
			);
			expect(catalogHtml, path).toContain(`href="${path}"`);
		}
	}
});
