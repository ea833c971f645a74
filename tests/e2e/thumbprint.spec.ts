import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The thumbprint tool on a `npm start` server (demo vault embedded), in both languages.
const pem = readFileSync(
	new URL('../fixtures/thumbprint/www.contoso.test.pem', import.meta.url),
	'utf8'
);
const PEM_SHA1 = '092A29483630A19518CB46F06002BD7DF3337998';

const cases = [
	{
		lang: 'en',
		fetchButton: 'Fetch versions',
		pasteLabel: /Output from the VM/,
		verdict: 'The VM has versions 2 and 3; 3 is current.',
		limitNotice: 'Only the first 10,000 thumbprints in the pasted text were read',
		status: 'Match:',
		installed: 'installed',
	},
	{
		lang: 'ja',
		fetchButton: 'バージョンを取得',
		pasteLabel: /VM の出力/,
		verdict: 'VM にはバージョン 2、3 があります。現在のバージョンは 3 です。',
		limitNotice: '貼り付けたテキストの先頭から 10,000 件までの拇印だけを読み取りました',
		status: '一致:',
		installed: 'インストール済み',
	},
] as const;

async function dropFile(page: Page, name: string, text: string) {
	const dataTransfer = await page.evaluateHandle(
		({ name, text }) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([text], name, { type: 'application/x-pem-file' }));
			return transfer;
		},
		{ name, text }
	);
	await page.locator('[data-drop]').dispatchEvent('drop', { dataTransfer });
}

for (const c of cases) {
	test.describe(`thumbprint tool (${c.lang})`, () => {
		test('fetches the demo vault, compares pasted PowerShell output, computes a dropped PEM', async ({
			page,
			request,
		}) => {
			// Many states and two axe runs in one visit: the slow-test allowance is a hang guard.
			test.slow();
			await page.goto(`/${c.lang}/tools/thumbprint/`);
			const tool = page.locator('kvcert-thumbprint-tool');
			await expect(tool).toHaveAttribute('data-ready', 'live');
			// The demo vault is used when the URL is left empty, and named rather than shown.
			await expect(tool.locator('[data-vault]')).toHaveValue('');
			await expect(tool.locator('[data-vault-hint]')).toBeVisible();

			await page.getByRole('button', { name: c.fetchButton }).click();
			const rows = tool.locator('[data-rows] tr');
			await expect(rows).toHaveCount(3);

			// The same versions straight from the API, to build the VM's output.
			const { demoVaultUrl: vault } = (await (await request.get('/api/vault-mode')).json()) as {
				demoVaultUrl: string;
			};
			const api = await request.get(
				`/api/thumbprints?vault=${encodeURIComponent(vault)}&name=webcert&lang=${c.lang}`
			);
			const { versions } = (await api.json()) as { versions: { ordinal: number; sha1: string }[] };
			const byOrdinal = (n: number) => versions.find((v) => v.ordinal === n)!.sha1;
			const output = [
				'',
				'   PSParentPath: Microsoft.PowerShell.Security\\Certificate::LocalMachine\\My',
				'',
				'Thumbprint                                Subject',
				'----------                                -------',
				`${byOrdinal(3)}  CN=www.contoso.test, O=Contoso`,
				`${byOrdinal(2)}  CN=www.contoso.test, O=Contoso`,
				'',
			].join('\n');
			await page.getByLabel(c.pasteLabel).fill(output);
			// Status word + sentence, green "ok" box with an icon, announced as an alert.
			await expect(tool.locator('[data-verdict]')).toHaveText(`✓${c.status} ${c.verdict}`);
			await expect(tool.locator('[data-verdict] [data-kind="ok"]')).toBeVisible();
			await expect(tool.locator('tr.installed')).toHaveCount(2);
			await expect(rows.nth(0)).toContainText(c.installed);
			await expect(rows.nth(2)).not.toHaveClass(/installed/);
			const limitNotice = tool.locator('[data-limit-notice]');
			await expect(limitNotice).toBeHidden();
			// Past 10,000 values the finder stops, and the page says so (a notice line, not a verdict).
			// (The same line repeated: every value counts and the verdict stays the same. Set as a paste
			// does, in one input event: Playwright's fill types 700 KB far too slowly.)
			const many = `${byOrdinal(3)}  CN=www.contoso.test, O=Contoso\n`.repeat(10_001);
			await page.getByLabel(c.pasteLabel).evaluate((area, text) => {
				(area as HTMLTextAreaElement).value = text;
				area.dispatchEvent(new Event('input', { bubbles: true }));
			}, `${output}${many}`);
			// Finding 10,001 values takes a while on a loaded machine: a hang guard, not a speed check.
			await expect(limitNotice).toBeVisible({ timeout: 30_000 });
			await expect(limitNotice).toContainText(c.limitNotice);
			await expect(tool.locator('[data-verdict] [data-kind="ok"]')).toBeVisible();
			await page.getByLabel(c.pasteLabel).fill(output);
			await expect(limitNotice).toBeHidden();

			await dropFile(page, 'www.contoso.test.pem', pem);
			await expect(tool.locator('[data-file-result]')).toContainText(PEM_SHA1);

			for (const theme of ['dark', 'light']) {
				await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
				const axe = await new AxeBuilder({ page })
					.include('kvcert-thumbprint-tool')
					.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
					.analyze();
				expect(axe.violations, theme).toEqual([]);
			}
			const wholePage = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(wholePage.violations).toEqual([]);
		});

		test('works by keyboard and shows API advice for a refused URL', async ({ page }) => {
			await page.goto(`/${c.lang}/tools/thumbprint/`);
			const tool = page.locator('kvcert-thumbprint-tool');
			await expect(tool).toHaveAttribute('data-ready', 'live');
			const vault = tool.locator('[data-vault]');
			await vault.fill('https://169.254.169.254');
			await vault.press('Enter');
			await expect(tool.locator('[data-fetch-status]')).toContainText(
				c.lang === 'ja' ? 'この URL は使えません' : 'This URL is not allowed'
			);
			await tool.locator('[data-file]').setInputFiles({
				name: 'cert.pem',
				mimeType: 'application/x-pem-file',
				buffer: Buffer.from(pem),
			});
			await expect(tool.locator('[data-file-result]')).toContainText(PEM_SHA1);
		});
	});
}

test('without the server (static build) it says fetching needs npm start and still computes', async ({
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
	await page.goto('/en/tools/thumbprint/');
	const tool = page.locator('kvcert-thumbprint-tool');
	await expect(tool).toHaveAttribute('data-ready', 'static');
	await expect(tool.locator('[data-mode-note]')).toContainText('npm start');
	await page.getByRole('button', { name: 'Fetch versions' }).click();
	await expect(tool.locator('[data-fetch-status]')).toContainText('npm start');
	await page.getByLabel(/Output from the VM/).fill(`Thumbprint : ${PEM_SHA1}`);
	await expect(tool.locator('[data-verdict]')).toContainText('1 thumbprint found');
	await dropFile(page, 'www.contoso.test.pem', pem);
	await expect(tool.locator('[data-file-result]')).toContainText(PEM_SHA1);
});
