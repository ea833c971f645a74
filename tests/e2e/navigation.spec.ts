import { expect, test } from '@playwright/test';

test('/ sends the visitor to the home page in their language', async ({ request }) => {
	for (const [acceptLanguage, home] of [
		['en-US,en;q=0.9', '/en/'],
		['ja-JP,ja;q=0.9,en;q=0.8', '/ja/'],
		['fr-FR,fr;q=0.9', '/en/'],
		['', '/ja/'],
	] as const) {
		const response = await request.get('/', {
			maxRedirects: 0,
			headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
		});
		expect(response.status(), acceptLanguage).toBe(302);
		expect(response.headers()['location'], acceptLanguage).toBe(home);
		expect(response.headers()['vary']).toContain('Accept-Language');
	}
});

test('a static copy’s / picks the language from the browser', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-US' });
	const page = await context.newPage();
	// The server answers / itself; the page a static host would serve is /index.html.
	await page.goto('/index.html');
	await expect(page).toHaveURL(/\/en\/$/);
	await context.close();
});

test('the phone home page has the menu, with the language and theme pickers', async ({
	browser,
}) => {
	const context = await browser.newContext({
		viewport: { width: 360, height: 800 },
		isMobile: true,
		hasTouch: true,
	});
	const page = await context.newPage();
	await page.goto('/ja/');
	// The other language is one tap away on the page itself.
	await expect(page.getByRole('link', { name: 'English' }).first()).toBeVisible();
	await page.getByRole('button', { name: 'メニュー' }).click();
	await expect(page.locator('#starlight__sidebar starlight-lang-select select')).toBeVisible();
	await expect(page.locator('#starlight__sidebar starlight-theme-select select')).toBeVisible();
	await context.close();
});

test('the language picker keeps the current page', async ({ page }) => {
	await page.goto('/ja/setup/arm-template/');
	await page.locator('starlight-lang-select select').first().selectOption({ label: 'English' });
	await expect(page).toHaveURL(/\/en\/setup\/arm-template\/$/);
	await page.locator('starlight-lang-select select').first().selectOption({ label: '日本語' });
	await expect(page).toHaveURL(/\/ja\/setup\/arm-template\/$/);
});

test('an unknown page answers 404 with the site’s not-found page', async ({ page }) => {
	const response = await page.goto('/ja/no-such-page/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('h1')).toHaveText('ページが見つかりません / Page not found');
	// The way back: links to both home pages.
	await expect(page.getByRole('link', { name: 'トップ ページへ' })).toHaveAttribute('href', '/ja/');
	await expect(page.getByRole('link', { name: 'English home page' })).toHaveAttribute(
		'href',
		'/en/'
	);
});

test('the home pages open with the tools: one card each, what it is for and a link, at 1440 and 360', async ({
	page,
}) => {
	const tools = ['template-checker', 'template-builder', 'thumbprint', 'renewal-simulator'];
	for (const [lang, thumbprint] of [
		['ja', '拇印 (Thumbprint) の比較ツール'],
		['en', 'Thumbprint tool'],
	] as const) {
		for (const width of [1440, 360]) {
			await page.setViewportSize({ width, height: width === 1440 ? 900 : 800 });
			await page.goto(`/${lang}/`);
			// The first cards after the hero are the four tools, each with a one-line purpose.
			const firstGrid = page.locator('main .card-grid').first();
			const cards = firstGrid.locator('.sl-link-card');
			await expect(cards).toHaveCount(tools.length);
			for (const [index, tool] of tools.entries()) {
				const card = cards.nth(index);
				await expect(card.locator('a')).toHaveAttribute('href', `/${lang}/tools/${tool}/`);
				await expect(card.locator('.description')).not.toBeEmpty();
			}
			await expect(cards.nth(2)).toContainText(thumbprint);
			// At 1440 the tools' heading is on the first screen; at 360 the cards fit the width.
			if (width === 1440) await expect(page.locator('main h2').first()).toBeInViewport();
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
				width
			);
			await expect(page.locator(`.sl-link-card a[href="/${lang}/rules/"]`)).toBeVisible();
		}
	}
	// The home page stays a plain page: no script of its own beyond Starlight's.
	const scripts = await page
		.locator('script[src]')
		.evaluateAll((els) => els.map((el) => (el as HTMLScriptElement).src));
	expect(
		scripts.filter((src) => /checker|thumbprint|simulator|builder|codemirror/i.test(src))
	).toEqual([]);
});

test('the sidebar lists the tutorial in reading order', async ({ page }) => {
	await page.goto('/en/overview/');
	const links = await page
		.locator('#starlight__sidebar a')
		.evaluateAll((els) => els.map((el) => new URL((el as HTMLAnchorElement).href).pathname));
	expect(links.slice(0, 11)).toEqual([
		'/en/start-here/',
		'/en/overview/',
		'/en/architecture/service-principal/',
		'/en/architecture/managed-identity/',
		'/en/architecture/vm-extension/',
		'/en/setup/arm-template/',
		'/en/setup/cli-powershell-bicep-terraform/',
		'/en/verify/',
		'/en/operations/',
		'/en/security/',
		'/en/troubleshooting/',
	]);
});
