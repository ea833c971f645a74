import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';

// Every state of every widget, in both languages: what users see must be neither a raw i18n key nor
// text in the other language. The thumbprint tool runs against `npm start`'s demo vault.
const table = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));
const en = table('en');
const pem = readFileSync(
	new URL('../fixtures/thumbprint/www.contoso.test.pem', import.meta.url),
	'utf8'
);
const pfx = readFileSync(
	new URL('../fixtures/thumbprint/www.contoso.test-openssl3-aes.pfx', import.meta.url)
);

/** English UI sentences long enough that finding one on a ja page means it was not translated. */
const englishSentences = Object.entries(en)
	.filter(([key, value]) => /^kvcert\.(?:thumbprint|diagram)\./.test(key) && value.length >= 12)
	.map(([, value]) => value.split('{{')[0]!.trim())
	.filter((value) => value.length >= 12);

/** Visible text and accessible labels of a widget, without code and user input (those are data). */
async function visibleText(widget: Locator): Promise<string> {
	return widget.evaluate((root) => {
		const parts: string[] = [];
		const walk = (node: Node) => {
			if (node instanceof HTMLElement || node instanceof SVGElement) {
				if (node.closest('code, pre, textarea, datalist, option')) return;
				if (node instanceof HTMLElement && node.hidden) return;
				for (const attribute of ['aria-label', 'title', 'placeholder'])
					if (node.getAttribute(attribute)) parts.push(node.getAttribute(attribute)!);
			}
			if (node.nodeType === Node.TEXT_NODE) {
				const parent = node.parentElement;
				if (
					parent &&
					parent.getClientRects().length &&
					getComputedStyle(parent).visibility !== 'hidden'
				)
					parts.push(node.textContent ?? '');
			}
			node.childNodes.forEach(walk);
		};
		walk(root);
		const pseudo = [...root.querySelectorAll('[data-label]')].map((e) =>
			getComputedStyle(e, '::before')
				.content.replace(/^"|"$/g, '')
				.replace(/^none$/, '')
		);
		return [...parts, ...pseudo].join('\n');
	});
}

async function expectClean(widget: Locator, lang: string, state: string) {
	const text = await visibleText(widget);
	expect(text, `${state}: some text is shown`).toMatch(/\S/);
	expect(text, `${state}: raw i18n key`).not.toMatch(/\b(kvcert|starlight)\.[A-Za-z]/);
	if (lang === 'en')
		expect(text, `${state}: Japanese on the English page`).not.toMatch(
			/[\u3040-\u30ff\u4e00-\u9fff]/
		);
	else
		for (const sentence of englishSentences)
			expect(text, `${state}: English on the Japanese page`).not.toContain(sentence);
}

async function fetchDemo(tool: Locator, name = 'webcert') {
	await tool.locator('[data-name]').fill(name);
	await tool.locator('[data-fetch-button]').click();
}

for (const lang of ['ja', 'en'] as const) {
	const tp = (key: string) => table(lang)[`kvcert.thumbprint.${key}`] ?? key;
	test.describe(`widget states (${lang})`, () => {
		test('thumbprint tool: every state shows only this language and no key', async ({
			page,
			request,
		}) => {
			await page.goto(`/${lang}/tools/thumbprint/`);
			const tool = page.locator('kvcert-thumbprint-tool');
			const status = tool.locator('[data-fetch-status]');
			const verdict = tool.locator('[data-verdict]');
			const paste = tool.locator('[data-paste]');
			await expect(tool).toHaveAttribute('data-ready', 'live');
			// The demo vault is named, its loopback URL never shown.
			await expect(tool.locator('[data-vault-hint]')).toBeVisible();
			await expect(tool).not.toContainText('127.0.0.1');
			await expectClean(tool, lang, 'empty');

			await paste.fill('Thumbprint : 092A29483630A19518CB46F06002BD7DF3337998');
			await expect(verdict.locator('[data-kind="info"]')).toBeVisible();
			await expectClean(tool, lang, 'pasted before fetching');

			// Loading: hold the API answer until the state has been checked.
			let release = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			await page.route('**/api/thumbprints?**', async (route) => {
				await held;
				await route.continue();
			});
			await fetchDemo(tool);
			await expect(tool).toHaveAttribute('aria-busy', 'true');
			await expectClean(tool, lang, 'loading');
			release();
			await expect(tool.locator('[data-rows] tr')).toHaveCount(3, { timeout: 30_000 });
			await page.unroute('**/api/thumbprints?**');
			await expect(tool.locator('[data-caption]')).not.toContainText('127.0.0.1');
			await expectClean(tool, lang, 'loaded');

			const api = await request.get(`/api/vault-mode`);
			const { demoVaultUrl } = (await api.json()) as { demoVaultUrl: string };
			const versions = (
				(await (
					await request.get(
						`/api/thumbprints?vault=${encodeURIComponent(demoVaultUrl)}&name=webcert&lang=${lang}`
					)
				).json()) as { versions: { ordinal: number; sha1: string }[] }
			).versions;
			const sha1 = (n: number) => versions.find((v) => v.ordinal === n)!.sha1;

			const verdicts: [string, string, string][] = [
				['current installed', `${sha1(3)}\n${sha1(2)}`, 'ok'],
				['current missing, unknown one', `${sha1(1)}\n${'AB'.repeat(20)}`, 'warn'],
				['none installed', 'CD'.repeat(20), 'warn'],
				['nothing found', 'no thumbprints here', 'info'],
				['cut off', `Thumbprint : ${sha1(3).slice(0, 30)}`, 'info'],
			];
			for (const [state, text, kind] of verdicts) {
				await paste.fill(text);
				await expect(verdict.locator(`[data-kind="${kind}"]`), state).toBeVisible();
				await expect(verdict).toHaveAttribute('role', 'alert');
				await expectClean(tool, lang, state);
			}
			await expect(verdict).toContainText(
				lang === 'ja' ? '40 桁のうち 30 桁' : '30 of 40 hex digits'
			);
			await paste.fill(sha1(3));
			await expect(tool.locator('tr.installed')).toHaveCount(1);
			await paste.fill(sha1(2));
			await expect(tool.locator('tr.missing-current')).toHaveCount(1);

			// Errors: refused URL, unknown certificate, no server, unreadable and locked files.
			await tool.locator('[data-vault]').fill('https://169.254.169.254');
			await tool.locator('[data-fetch-button]').click();
			await expect(status).toHaveClass(/error/);
			await expectClean(tool, lang, 'refused URL');
			// A bare vault name is echoed as the URL it is read as; this demo-only server refuses it in
			// the reader's words, the setting that would change that on a line of its own.
			const bare = 'https://contoso-kv.vault.azure.net';
			await tool.locator('[data-vault]').fill('contoso-kv');
			await expect(tool.locator('[data-vault-hint]')).toHaveText(
				tp('fetch.readsAs').replace('{{url}}', bare)
			);
			await tool.locator('[data-fetch-button]').click();
			await expect(status).toHaveText(tp('fetch.demoOnly').replace('{{url}}', bare));
			await expect(tool.locator('[data-fetch-detail]')).toBeVisible();
			await expect(tool.locator('[data-fetch-detail]')).toHaveText(tp('fetch.demoOnlyDetail'));
			await expectClean(tool, lang, 'bare name on a demo server');
			await tool.locator('[data-vault]').fill('');
			await fetchDemo(tool, 'no-such-certificate');
			await expect(tool.locator('[data-fetch-detail]')).toBeHidden();
			await expect(status).toContainText(lang === 'ja' ? '見つかりません' : 'not');
			// The earlier table stays, marked as the previous result under the error, which has the focus.
			await expect(tool.locator('[data-previous]')).toHaveText(tp('fetch.previous'));
			await expect(tool.locator('[data-previous]')).toBeVisible();
			await expect(tool.locator('[data-table-wrap]')).toHaveClass(/stale/);
			await expect(status).toBeFocused();
			await expectClean(tool, lang, 'not found');
			await page.route('**/api/thumbprints?**', (route) => route.abort());
			await fetchDemo(tool);
			// The server that served the page stopped: said as that, not as "run npm start".
			await expect(status).toContainText(tp('fetch.networkError'));
			await expect(status).not.toContainText('npm start');
			await expectClean(tool, lang, 'server gone');
			await page.unroute('**/api/thumbprints?**');
			// A phone: after Fetch the status (and the table under it) comes on screen; no "previous" mark.
			await page.setViewportSize({ width: 360, height: 800 });
			await fetchDemo(tool);
			await expect(status).toHaveText(
				tp('fetch.loaded_other').replace('{{name}}', 'webcert').replace('{{count}}', '3')
			);
			await expect(status).toBeFocused();
			await expect(status).toBeInViewport();
			await expect(tool.locator('[data-previous]')).toBeHidden();
			await expect(tool.locator('[data-table-wrap]')).not.toHaveClass(/stale/);
			await page.setViewportSize({ width: 1280, height: 720 });

			const file = tool.locator('[data-file]');
			const result = tool.locator('[data-file-result]');
			await file.setInputFiles({
				name: 'x.txt',
				mimeType: 'text/plain',
				buffer: Buffer.from('hello'),
			});
			await expect(result).toContainText(/PEM/);
			await expectClean(tool, lang, 'not a certificate');
			await file.setInputFiles({ name: 'a.pfx', mimeType: 'application/x-pkcs12', buffer: pfx });
			await expect(result).toHaveText(tp('file.passwordEnter'));
			await expect(result).toHaveClass(/error/);
			await expectClean(tool, lang, 'PFX password');
			// Enter in the password field reads the same file again.
			await tool.locator('[data-password]').fill('wrong');
			await tool.locator('[data-password]').press('Enter');
			await expect(result).toHaveText(tp('file.wrongPasswordEnter'));
			await expect(result).toHaveClass(/error/);
			await expect(result).toBeInViewport();
			await expectClean(tool, lang, 'wrong password');
			await file.setInputFiles({
				name: 'c.pem',
				mimeType: 'application/x-pem-file',
				buffer: Buffer.from(pem),
			});
			await expect(result).toContainText('092A29483630A19518CB46F06002BD7DF3337998');
			await expectClean(tool, lang, 'file computed');
		});

		test('thumbprint tool without the server (static build)', async ({ page }) => {
			await page.route('**/api/**', (route) =>
				route.fulfill({ status: 404, contentType: 'text/html', body: '<!doctype html>' })
			);
			await page.goto(`/${lang}/tools/thumbprint/`);
			const tool = page.locator('kvcert-thumbprint-tool');
			await expect(tool).toHaveAttribute('data-ready', 'static');
			await expect(tool.locator('[data-vault-hint]')).toBeHidden();
			await tool.locator('[data-fetch-button]').click();
			await expect(tool.locator('[data-fetch-status]')).toContainText('npm start');
			await expectClean(tool, lang, 'static');
		});

		test('diagrams: every step of every diagram, and the overview thumbnails', async ({ page }) => {
			for (const path of [
				'overview',
				'architecture/service-principal',
				'architecture/managed-identity',
				'architecture/vm-extension',
			]) {
				await page.goto(`/${lang}/${path}/`);
				const diagrams = page.locator('kv-diagram');
				const count = await diagrams.count();
				expect(count, path).toBeGreaterThan(0);
				for (let d = 0; d < count; d++) {
					const diagram = diagrams.nth(d);
					await expectClean(diagram, lang, `${path} diagram ${d}`);
					const next = diagram.locator('[data-action="next"]');
					if (!(await next.count())) continue;
					const total = await diagram.locator('.kv-diagram__steps li').count();
					for (let step = 1; step <= total; step++) {
						await next.click();
						await expect(diagram).toHaveAttribute('data-step', String(step));
						await expectClean(diagram, lang, `${path} diagram ${d} step ${step}`);
					}
				}
			}
		});
	});
}
