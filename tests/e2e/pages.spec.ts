import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { languages, pagePaths, ruleEntries } from '../../scripts/site-pages.mjs';
import { selectMessages } from '../../src/core/select/messages.ts';
import { axeViolationsInBothThemes } from './support/axe.ts';
import { watchCsp } from './support/csp.ts';

const table = (path: string): Record<string, string> => JSON.parse(readFileSync(path, 'utf8'));
const starlight = (lang: string) =>
	table(
		new URL(`../../node_modules/@astrojs/starlight/translations/${lang}.json`, import.meta.url)
			.pathname
	);
const ours = (lang: 'ja' | 'en') => ({
	...table(new URL(`../../content/i18n/${lang}.json`, import.meta.url).pathname),
	...Object.fromEntries(
		Object.entries(selectMessages.strategy).map(([key, value]) => [`strategy:${key}`, value[lang]])
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

// One visit per page checks what a reader of that page relies on: it loads without errors or CSP
// violations (under `npm start`'s headers), shows only its language's interface, axe finds nothing
// in light and dark, and it fits a 360 px screen. (One visit, not four: the suite's time is mostly
// page loads and axe runs, and CI has a 25-minute budget.) Soft assertions report every failing
// aspect of a page at once.
for (const path of pagePaths()) {
	const lang = path.startsWith('/ja/') ? 'ja' : 'en';

	test(`${path}: loads cleanly in its language, under the CSP, axe-clean in light and dark, fits 360 px`, async ({
		page,
	}) => {
		// Two axe runs over a long page: on a loaded CI machine this alone can pass a minute, so the
		// page gets the slow-test allowance (a hang guard, not a speed check).
		test.slow();
		const problems = watchProblems(page);
		const cspViolations = await watchCsp(page);
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('lang', lang);
		await expect(page.locator('h1').first()).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect.soft(problems, 'console errors and failed requests').toEqual([]);
		expect.soft(await cspViolations(), 'CSP violations').toEqual([]);
		const texts = new Set(await interfaceTexts(page));
		expect
			.soft(
				foreignStrings(lang).filter((s) => texts.has(s)),
				'the other language’s interface strings'
			)
			.toEqual([]);

		// Expressive Code makes wide code blocks focusable (tabindex, role=region) once the browser
		// is idle; let it finish, as a reader's browser would, before axe looks.
		await page.waitForFunction(() =>
			[...document.querySelectorAll('.expressive-code pre')].every(
				(pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')
			)
		);
		expect.soft(await axeViolationsInBothThemes(page), 'axe (WCAG 2.2 AA)').toEqual([]);

		await page.setViewportSize({ width: 360, height: 740 });
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(overflow, 'sideways scroll at 360 px').toBeLessThanOrEqual(0);
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
			// (Japanese titles are cut into phrases: <span>s inside the h1.)
			const h1 = html.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1]?.replace(/<[^>]+>/g, '');
			expect(h1, path).toMatch(new RegExp(`^${rule.id}: \\S`));
			expect(catalogHtml, path).toContain(`href="${path}"`);
		}
	}
});
