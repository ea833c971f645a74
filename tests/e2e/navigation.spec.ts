import { expect, test } from '@playwright/test';

test('/ redirects to the Japanese home page', async ({ request }) => {
	const response = await request.get('/', { maxRedirects: 0 });
	expect(response.status()).toBe(301);
	expect(response.headers()['location']).toBe('/ja/');
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

test('the home pages link the tools with cards', async ({ page }) => {
	for (const [lang, name] of [
		['ja', '拇印 (Thumbprint) の比較ツール'],
		['en', 'Thumbprint tool'],
	] as const) {
		await page.goto(`/${lang}/`);
		await expect(page.locator(`a[href="/${lang}/tools/thumbprint/"]`)).toContainText(name);
		await expect(page.locator(`.sl-link-card a[href="/${lang}/rules/"]`)).toBeVisible();
	}
});

test('the sidebar lists the tutorial in reading order', async ({ page }) => {
	await page.goto('/en/overview/');
	const links = await page
		.locator('#starlight__sidebar a')
		.evaluateAll((els) => els.map((el) => new URL((el as HTMLAnchorElement).href).pathname));
	expect(links.slice(0, 10)).toEqual([
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
