import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

// Each run starts a child process with the real Azure SDK against the demo vault: seconds each.
test.describe.configure({ mode: 'serial' });

const JWT = /eyJ[\w-]+\.[\w-]+/;
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const cases = [
	{
		lang: 'ja',
		run: '実行',
		runAgain: 'もう一度実行',
		runRenew: '実行して Key Vault で更新',
		tryIt: '試す',
		tryAgain: 'もう一度試す',
		imds: 'IMDS (デモ)',
		vault: 'Key Vault (デモ)',
		entra: 'Entra ID (デモ)',
		finished: /秒で終了しました \(終了コード 0\)。/,
		stopped:
			/このサンプルはサーバーとして動き続けるため、自分では終了しません。[\d.]+ 秒動いたところで停止しました/,
		key: /key: '\(秘密鍵、\d+ バイト\)'/,
		renewed: (v: string) => `デモ用 Key Vault で apicert を更新しました。新しいバージョン: ${v}`,
		imdsAnswered: /デモ用 IMDS が \d+ ミリ秒で 200 を返しました。/,
		masked: /"access_token": "kvemu\.…\(マスク済み、[\d,]+ 文字\)"/,
	},
	{
		lang: 'en',
		run: 'Run',
		runAgain: 'Run again',
		runRenew: 'Run and renew in Key Vault',
		tryIt: 'Try it',
		tryAgain: 'Try again',
		imds: 'IMDS (demo)',
		vault: 'Key Vault (demo)',
		entra: 'Entra ID (demo)',
		finished: /^Finished in [\d.]+ s \(exit code 0\)\.$/,
		stopped: /^The server ran for [\d.]+ s and was then stopped/,
		key: /key: '\(private key, \d+ bytes\)'/,
		renewed: (v: string) => `Renewed apicert in the demo Key Vault: new version ${v}.`,
		imdsAnswered: /^The demo IMDS answered 200 in \d+ ms\.$/,
		masked: /"access_token": "kvemu\.…\(redacted, [\d,]+ chars\)"/,
	},
] as const;

interface Version {
	version: string;
	sha1: string;
	current: boolean;
}

/** The current version of a demo certificate, as the thumbprint API reports it. */
async function currentVersion(visitor: Page | APIRequestContext, name: string): Promise<Version> {
	const request = 'request' in visitor ? visitor.request : visitor;
	const response = await request.get(`/api/thumbprints?vault=demo&name=${name}&lang=en`);
	const body = (await response.json()) as { versions: Version[] };
	return body.versions.find((v) => v.current)!;
}

/** Presses a button by keyboard: focus it, then Enter. */
async function pressByKeyboard(page: Page, button: Locator) {
	await button.focus();
	await expect(button).toBeFocused();
	await page.keyboard.press('Enter');
}

const snippet = (page: Page, id: string) =>
	page.locator(`kvcert-live-snippet[data-sample="${id}"]`);

/** Proves that nothing secret reached the page: no JWT, no emulator token, no private key. */
async function expectNoSecrets(page: Page) {
	const html = await page.content();
	expect(html).not.toMatch(JWT);
	expect(html).not.toMatch(/kvemu\.[\w-]{8,}/);
	expect(html).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{16}/);
	for (const text of await page.locator('kvcert-live-snippet').allTextContents())
		expect(text).not.toContain('PRIVATE KEY');
}

for (const c of cases) {
	test(`${c.lang}: every live snippet runs against the demo vault and shows its output and HTTP trace`, async ({
		page,
		browser,
		baseURL,
	}) => {
		test.setTimeout(240_000);
		await page.goto(`/${c.lang}/architecture/managed-identity/`);

		// get-certificate: the version and SHA-1 that /api/thumbprints reports for webcert.
		const get = snippet(page, 'get-certificate');
		await expect(get.locator('xpath=preceding-sibling::*[1]')).toContainText(
			'const certificate = await client.getCertificate(certificateName);'
		);
		await pressByKeyboard(page, get.getByRole('button', { name: c.run, exact: true }));
		await expect(get).toHaveAttribute('aria-busy', 'true');
		await expect(get).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
		const webcert = await currentVersion(page, 'webcert');
		await expect(get.locator('[data-summary]')).toHaveText(c.finished);
		await expect(get.locator('[data-output]')).toContainText(`version: '${webcert.version}'`);
		await expect(get.locator('[data-output]')).toContainText(`sha1: '${webcert.sha1}'`);
		const rows = get.locator('[data-trace-rows] tr');
		await expect(rows).toHaveCount(3);
		await expect(rows.nth(0)).toContainText(c.vault);
		await expect(rows.nth(0)).toContainText('/certificates/webcert/');
		await expect(rows.nth(0)).toContainText('401');
		await expect(rows.nth(1)).toContainText(c.imds);
		await expect(rows.nth(1)).toContainText('/metadata/identity/oauth2/token');
		await expect(rows.nth(2)).toContainText('200');
		await expect(get.getByRole('button', { name: c.runAgain })).toBeVisible();

		// load-certificate: its thumbprint is apicert's current SHA-1; the key only as its size.
		const load = snippet(page, 'load-certificate');
		await pressByKeyboard(page, load.getByRole('button', { name: c.run, exact: true }));
		await expect(load).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
		const apicert = await currentVersion(page, 'apicert');
		await expect(load.locator('[data-output]')).toContainText(`thumbprint: '${apicert.sha1}'`);
		await expect(load.locator('[data-output]')).toContainText(c.key);
		await expect(load.locator('[data-trace-rows]')).toContainText('/secrets/apicert/');

		// https-server, renewed while it runs: it switches to the version the vault now reports. The
		// renewal happens in this visitor's own view of the demo vault: its look-ups see it, nobody
		// else's do.
		const server = snippet(page, 'https-server');
		await pressByKeyboard(page, server.getByRole('button', { name: c.runRenew }));
		await expect(server).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
		const output = server.locator('[data-output]');
		const renewed = /switched to version ([0-9a-f]{32})/.exec(await output.innerText())?.[1];
		expect(renewed).toBeDefined();
		expect(renewed).not.toBe(apicert.version);
		await expect(output).toContainText(c.renewed(renewed!));
		// This visitor's look-up reads its view (past the API's 2 s shared answer); another's does not.
		await expect
			.poll(async () => (await currentVersion(page, 'apicert')).version, { timeout: 15_000 })
			.toBe(renewed);
		const other = await browser.newContext({ ...(baseURL ? { baseURL } : {}) });
		expect((await currentVersion(other.request, 'apicert')).version).toBe(apicert.version);
		await other.close();
		await expect(server.locator('[data-summary]')).toHaveText(c.stopped);

		// The IMDS "Try it": the raw JSON with the token masked.
		const imds = snippet(page, 'imds-token');
		await pressByKeyboard(page, imds.getByRole('button', { name: c.tryIt }));
		await expect(imds).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
		await expect(imds.locator('[data-summary]')).toHaveText(c.imdsAnswered);
		await expect(imds.locator('[data-output]')).toContainText(
			'"resource": "https://vault.azure.net"'
		);
		await expect(imds.locator('[data-output]')).toContainText(c.masked);
		await expect(imds.getByRole('button', { name: c.tryAgain })).toBeVisible();

		await expectNoSecrets(page);
		for (const theme of ['dark', 'light']) {
			await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
			const axe = await new AxeBuilder({ page })
				.include('kvcert-live-snippet')
				.withTags([...WCAG])
				.analyze();
			expect(axe.violations, theme).toEqual([]);
		}
	});
}

for (const c of cases) {
	test(`${c.lang}: the service-principal sample signs in with the demo client secret, which never shows`, async ({
		page,
	}) => {
		test.setTimeout(120_000);
		await page.goto(`/${c.lang}/architecture/service-principal/`);
		const sp = snippet(page, 'client-secret');
		await pressByKeyboard(page, sp.getByRole('button', { name: c.run, exact: true }));
		await expect(sp).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
		const webcert = await currentVersion(page, 'webcert');
		await expect(sp.locator('[data-summary]')).toHaveText(c.finished);
		await expect(sp.locator('[data-output]')).toHaveText(`application/x-pkcs12 ${webcert.version}`);
		const rows = sp.locator('[data-trace-rows] tr');
		await expect(rows).toHaveCount(3);
		await expect(rows.nth(1)).toContainText(c.entra);
		await expect(rows.nth(1)).toContainText('POST');
		await expect(rows.nth(1)).toContainText('/oauth2/v2.0/token');
		await expect(rows.nth(2)).toContainText(c.vault);
		await expect(rows.nth(2)).toContainText('/secrets/webcert/');
		await expectNoSecrets(page);
		expect(await page.content()).not.toContain('kvcert-demo-client-secret');
		for (const theme of ['dark', 'light']) {
			await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
			const axe = await new AxeBuilder({ page })
				.include('kvcert-live-snippet')
				.withTags([...WCAG])
				.analyze();
			expect(axe.violations, theme).toEqual([]);
		}
		// A failed run (the server answers 500) leaves no earlier output or exit code under its error.
		await page.route('**/api/snippets/run**', (route) =>
			route.fulfill({
				status: 500,
				contentType: 'application/json',
				body: JSON.stringify({ error: { message: 'The run failed.' } }),
			})
		);
		await sp.getByRole('button', { name: c.runAgain, exact: true }).click();
		await expect(sp).toHaveAttribute('data-state', 'error');
		await expect(sp.locator('[data-status]')).toHaveText('The run failed.');
		await expect(sp.locator('[data-status]')).toBeInViewport();
		await expect(sp.locator('[data-result]')).toBeHidden();
		await expect(sp.locator('[data-summary]')).not.toBeVisible();
	});
}

test('without the server (static build) Run says live snippets need npm start, in both languages', async ({
	page,
}) => {
	// A static host has no /api: its 404 page comes back as HTML.
	await page.route('**/api/**', (route) =>
		route.fulfill({
			status: 404,
			contentType: 'text/html',
			body: '<!doctype html><title>404</title>',
		})
	);
	for (const c of cases) {
		await page.goto(`/${c.lang}/architecture/managed-identity/`);
		const get = snippet(page, 'get-certificate');
		await pressByKeyboard(page, get.getByRole('button', { name: c.run, exact: true }));
		await expect(get).toHaveAttribute('data-state', 'static');
		await expect(get.locator('[data-status]')).toContainText('npm start');
		await expect(get.locator('[data-status]')).toContainText(
			c.lang === 'ja'
				? '静的なファイルとして配信されていて、サンプルを実行する kvcert のサーバーがありません'
				: 'served as static files, with no kvcert server behind it, so samples cannot run here'
		);
		await expect(get.locator('[data-result]')).toBeHidden();
		// The sample itself is still there to read and copy.
		// (ja pages show the copy with Japanese comments: samples/ja/…)
		await expect(
			page
				.getByText(`samples/${c.lang === 'ja' ? 'ja/' : ''}managed-identity/get-certificate.ts`)
				.first()
		).toBeVisible();
		const axe = await new AxeBuilder({ page })
			.include('kvcert-live-snippet')
			.withTags([...WCAG])
			.analyze();
		expect(axe.violations).toEqual([]);

		// No answer, or a 500 page from a proxy: said as what it is, never as a static build.
		await page.route('**/api/snippets/run**', (route) => route.abort('failed'));
		await get.getByRole('button', { name: c.run, exact: true }).click();
		await expect(get).toHaveAttribute('data-state', 'error');
		await expect(get.locator('[data-status]')).toHaveText(
			c.lang === 'ja'
				? 'このページを配信しているサーバーに接続できませんでした。ネットワーク接続を確認して、もう一度実行してください。続けて失敗する場合は、サーバーが止まっている可能性があります。サーバーを動かしている人 (ワークショップでは進行役) に確認してください。'
				: 'Could not reach the server that serves this page. Check your network connection and run the sample again. If it fails again, the server may have stopped: ask whoever runs it (in a workshop, the facilitator).'
		);
		await page.route('**/api/snippets/run**', (route) =>
			route.fulfill({ status: 500, contentType: 'text/html', body: '<html>' })
		);
		await get.getByRole('button', { name: c.run, exact: true }).click();
		await expect(get.locator('[data-status]')).toContainText('HTTP 500');
		await expect(get.locator('[data-status]')).not.toContainText('npm start');
		await page.unroute('**/api/snippets/run**');
	}
});
