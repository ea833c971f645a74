import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The WCAG 2.2 AA tag set every axe run in the browser tests uses. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The axe rules whose outcome depends on colours. A theme switch changes only colours (Starlight
 * keys its palettes on `data-theme`; the DOM stays the same), so the second theme needs only these.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe's violations on the page (or inside `include`) in the light and the dark theme, as
 * "theme id: targets" lines: every WCAG 2.2 AA rule in light, the colour rules again in dark.
 */
export async function axeViolationsInBothThemes(page: Page, include?: string): Promise<string[]> {
	const found: string[] = [];
	for (const theme of ['light', 'dark'] as const) {
		await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
		let builder = new AxeBuilder({ page });
		if (include) builder = builder.include(include);
		builder = theme === 'light' ? builder.withTags(WCAG_TAGS) : builder.withRules(COLOUR_RULES);
		const results = await builder.analyze();
		found.push(
			...results.violations.map(
				(v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
			)
		);
	}
	return found;
}
