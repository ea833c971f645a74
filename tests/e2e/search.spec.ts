import { expect, test, type Page } from '@playwright/test';

/** Runs a query in the site's search dialog and returns the result links' paths. */
async function search(page: Page, lang: 'ja' | 'en', query: string): Promise<string[]> {
	await page.goto(`/${lang}/`);
	await page.locator('button[data-open-modal]').click();
	const input = page.locator('dialog[open] input');
	await input.fill(query);
	const links = page.locator('.pagefind-ui__result-link');
	await expect(links.first()).toBeVisible({ timeout: 15_000 });
	return links.evaluateAll((els) =>
		els.map((el) => new URL((el as HTMLAnchorElement).href).pathname)
	);
}

const queries = [
	{ lang: 'ja', query: 'マネージド ID', expect: '/ja/architecture/managed-identity/' },
	{ lang: 'ja', query: '拇印', expect: '/ja/verify/' },
	// English key terms find Japanese pages too (glossed on first use: 拇印 (Thumbprint)).
	{ lang: 'ja', query: 'thumbprint', expect: '/ja/tools/thumbprint/' },
	{ lang: 'en', query: 'managed identity', expect: '/en/architecture/managed-identity/' },
	{ lang: 'en', query: 'thumbprint', expect: '/en/verify/' },
] as const;

for (const { lang, query, expect: page_ } of queries) {
	test(`search (${lang}) “${query}” finds ${page_} and only ${lang} pages`, async ({ page }) => {
		const paths = await search(page, lang, query);
		expect(paths).toContain(page_);
		expect(paths.filter((path) => !path.startsWith(`/${lang}/`))).toEqual([]);
	});
}

test('search opens with Ctrl K and finds results once its UI has loaded on demand', async ({
	page,
}) => {
	await page.goto('/en/');
	await page.keyboard.press('Control+k');
	const input = page.locator('dialog[open] input');
	await expect(input).toBeFocused({ timeout: 15_000 });
	await page.keyboard.type('extension');
	await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({ timeout: 15_000 });
});
