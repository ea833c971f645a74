import { expect, test } from '@playwright/test';
import { request as httpRequest } from 'node:http';
import { watchCsp } from './support/csp.ts';

// What `npm start` adds around the site (src/server/site-handler.ts): a Content-Security-Policy the
// pages actually satisfy, security and cache headers, GET/HEAD only, /404, and the API's host check.

const port = Number(process.env.E2E_PORT ?? 4399);

/** A raw HTTP request (any method, any Host header), as a browser or attacker could send it. */
function raw(
	method: string,
	path: string,
	headers: Record<string, string> = {}
): Promise<{
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}> {
	return new Promise((resolve, reject) => {
		const req = httpRequest({ host: '127.0.0.1', port, method, path, headers }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
		});
		req.on('error', reject);
		req.end();
	});
}

// Every page's load under the CSP is checked by pages.spec.ts, in the same visit as its other checks.
for (const lang of ['ja', 'en'] as const) {
	test(`search (Pagefind, WebAssembly) and the thumbprint tool (API) run under the CSP (${lang})`, async ({
		page,
	}) => {
		const violations = await watchCsp(page);
		await page.goto(`/${lang}/`);
		await page.locator('button[data-open-modal]').click();
		const input = page.locator('dialog[open] input');
		await expect(input).toBeFocused({ timeout: 30_000 });
		await input.fill(lang === 'ja' ? '拇印' : 'thumbprint');
		await expect(page.locator('.pagefind-ui__result-link').first()).toBeVisible({
			timeout: 30_000,
		});
		await page.goto(`/${lang}/tools/thumbprint/`);
		const tool = page.locator('kvcert-thumbprint-tool');
		await expect(tool).toHaveAttribute('data-ready', 'live');
		await tool.locator('[data-fetch-button]').click();
		await expect(tool.locator('[data-rows] tr')).toHaveCount(3, { timeout: 30_000 });
		expect(await violations()).toEqual([]);
	});
}

test('pages, assets and the API carry security headers and fitting Cache-Control', async ({
	page,
	request,
}) => {
	const html = await request.get('/en/');
	const headers = html.headers();
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(headers['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
	expect(headers['content-security-policy']).not.toContain("'unsafe-eval'");
	expect(headers['x-content-type-options']).toBe('nosniff');
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
	expect(headers['x-frame-options']).toBe('DENY');
	expect(headers['cache-control']).toBe('public, max-age=60');

	await page.goto('/en/');
	const asset = await page
		.locator('script[src^="/_astro/"], link[rel="stylesheet"][href^="/_astro/"]')
		.first()
		.evaluate((el) => el.getAttribute('src') ?? el.getAttribute('href'));
	const cached = await request.get(asset!);
	expect(cached.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	expect(cached.headers()['content-security-policy']).toBeTruthy();

	const api = await request.get('/api/vault-mode');
	expect(api.headers()['cache-control']).toBe('no-store');
	expect(api.headers()['x-content-type-options']).toBe('nosniff');
});

test('TRACE and other methods get 405 with Allow, never 500', async () => {
	for (const [method, path] of [
		['TRACE', '/en/'],
		['TRACE', '/api/thumbprints?vault=demo&name=webcert'],
		['DELETE', '/ja/'],
		['POST', '/api/vault-mode'],
	] as const) {
		const response = await raw(method, path);
		expect(response.status, `${method} ${path}`).toBe(405);
		expect(response.headers['allow']).toBe('GET, HEAD');
		expect(response.headers['content-security-policy']).toBeTruthy();
	}
	const api = await raw('TRACE', '/api/thumbprints', { 'Accept-Language': 'ja' });
	expect(JSON.parse(api.body)).toEqual({
		error: { code: 'methodNotAllowed', message: 'GET と HEAD だけを使用できます。' },
	});
});

test('/404 answers the 404 page, in the browser too', async ({ page }) => {
	const response = await raw('GET', '/404');
	expect(response.status).toBe(404);
	expect(response.body).toContain('<h1');
	const shown = await page.goto('/404');
	expect(shown?.status()).toBe(404);
	// The site's own 404 page (content/docs/404.md), in both languages, with the way home.
	await expect(page.locator('h1')).toHaveText('ページが見つかりません / Page not found');
	await expect(page.locator('a[href="/ja/"]').first()).toBeVisible();
	await expect(page.locator('a[href="/en/"]').first()).toBeVisible();
});

test('the API answers only for allowed host names (DNS rebinding)', async () => {
	const path = '/api/thumbprints?vault=demo&name=webcert';
	const evil = await raw('GET', path, { Host: `rebound.example:${port}` });
	expect(evil.status).toBe(403);
	expect(JSON.parse(evil.body).error.code).toBe('hostNotAllowed');
	expect(evil.body).not.toContain('sha1');
	const origin = await raw('GET', `${path}&lang=ja`, {
		Host: `127.0.0.1:${port}`,
		Origin: 'http://rebound.example',
	});
	expect(origin.status).toBe(403);
	expect(JSON.parse(origin.body).error.message).toContain('PUBLIC_ORIGIN');
	for (const host of [`localhost:${port}`, `127.0.0.1:${port}`])
		expect((await raw('GET', path, { Host: host })).status, host).toBe(200);
	// Pages stay readable under any name (they hold nothing private).
	expect((await raw('GET', '/en/', { Host: 'rebound.example' })).status).toBe(200);
});
