import { expect, test, type Locator, type Page } from '@playwright/test';
import { widgetStrings } from './support/ui-strings.ts';

// Not part of the suite: run by hand (KVCERT_SHOTS=<dir>) to look at every state of the simulator,
// chooser, thumbprint tool and live snippets at 1440 and 360 px, light and dark.
test.skip(!process.env['KVCERT_SHOTS'], 'screenshots only on request (KVCERT_SHOTS=dir)');
test.describe.configure({ timeout: 600_000 });

/** Screenshots of `widget` at both widths and in both themes, named `<lang>-<name>-<width>-<theme>.png`. */
async function shoot(page: Page, widget: Locator, lang: string, name: string) {
	const dir = process.env['KVCERT_SHOTS'] ?? '.';
	// The sticky site header would cover the top of a widget scrolled into view.
	await page.addStyleTag({ content: 'header.header { visibility: hidden !important; }' });
	for (const width of [1440, 360]) {
		await page.setViewportSize({ width, height: width === 360 ? 800 : 900 });
		for (const theme of ['light', 'dark']) {
			await page.evaluate((value) => (document.documentElement.dataset['theme'] = value), theme);
			await widget.scrollIntoViewIfNeeded();
			await widget.screenshot({ path: `${dir}/${lang}-${name}-${width}-${theme}.png` });
		}
	}
	await page.setViewportSize({ width: 1440, height: 900 });
}

for (const lang of ['ja', 'en'] as const) {
	test(`widget screenshots (${lang})`, async ({ page }) => {
		const s = widgetStrings(lang, 'kvcert.simulator.');
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto(`/${lang}/tools/renewal-simulator/`);
		const sim = page.locator('kvcert-renewal-simulator');
		const chooser = page.locator('kvcert-certificate-chooser');
		await expect(sim).toHaveAttribute('data-ready', 'true');
		const button = (key: string) => sim.getByRole('button', { name: s(key), exact: true });
		await shoot(page, sim, lang, 'sim-start');
		await button('renew').click();
		await button('poll').click();
		await shoot(page, sim, lang, 'sim-renewed');
		await button('revoke').click();
		await button('poll').click();
		await shoot(page, sim, lang, 'sim-revoked');
		await button('copyToSelector').click();
		await shoot(page, chooser, lang, 'chooser-store');
		await sim.locator('[data-version]').selectOption('linux:3.0');
		await button('renew').click();
		await button('poll').click();
		await shoot(page, sim, lang, 'sim-linux');
		await sim.locator('[data-version]').selectOption('windows:3.0');
		await sim.getByLabel(s('liveSwitch')).check();
		await sim.getByLabel(s('liveInterval')).fill('1');
		await sim.getByLabel(s('liveInterval')).blur();
		await expect(sim.locator('[data-trace]')).toContainText('→ 200', { timeout: 30_000 });
		await sim.getByRole('button', { name: s('renew') }).click();
		await expect(sim.locator('[data-store] tbody tr[data-thumbprint]')).toHaveCount(2, {
			timeout: 15_000,
		});
		await page.waitForTimeout(3000);
		await shoot(page, sim, lang, 'sim-live');
		await sim.getByLabel(s('liveSwitch')).uncheck();

		await page.goto(`/${lang}/tools/thumbprint/`);
		const tool = page.locator('kvcert-thumbprint-tool');
		await expect(tool).toHaveAttribute('data-ready', 'live');
		await shoot(page, tool, lang, 'thumb-empty');
		await tool.locator('[data-fetch-button]').click();
		await expect(tool.locator('[data-rows] tr')).toHaveCount(3, { timeout: 30_000 });
		const sha1 = await tool
			.locator('[data-rows] tr')
			.evaluateAll((rows) =>
				rows.map((r) => r.querySelector('[data-slot="sha1"]')?.textContent ?? '')
			);
		await tool.locator('[data-paste]').fill(`${sha1[0]}\n${sha1[1]}`);
		await expect(tool.locator('[data-verdict] p')).toBeVisible();
		await shoot(page, tool, lang, 'thumb-match');
		await tool.locator('[data-paste]').fill(`${sha1[2]}\n${'AB'.repeat(20)}`);
		await expect(tool.locator('[data-verdict] [data-kind="warn"]')).toBeVisible();
		await shoot(page, tool, lang, 'thumb-stale');

		await page.goto(`/${lang}/architecture/managed-identity/`);
		const snippet = page.locator('kvcert-live-snippet[data-sample="get-certificate"]');
		await snippet.locator('[data-run]').click();
		await expect(snippet).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
		await shoot(page, snippet, lang, 'snippet-run');

		// A run under way (its seconds counted), then runs that fail: no answer, HTTP 500, time limit.
		const run = '**/api/snippets/run**';
		await page.route(run, async (route) => {
			await new Promise((resolve) => setTimeout(resolve, 20_000));
			await route.abort('failed').catch(() => undefined);
		});
		await snippet.locator('[data-run]').click();
		await expect(snippet.locator('[data-elapsed]')).toBeVisible();
		await shoot(page, snippet, lang, 'snippet-running');
		await expect(snippet).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
		await shoot(page, snippet, lang, 'snippet-unreachable');
		await page.route(run, (route) =>
			route.fulfill({ status: 500, contentType: 'text/html', body: '<html>' })
		);
		await snippet.locator('[data-run]').click();
		await expect(snippet.locator('[data-status]')).toContainText('HTTP 500');
		await shoot(page, snippet, lang, 'snippet-500');
		await page.route(run, (route) =>
			route.fulfill({
				status: 200,
				contentType: 'application/json',
				body: JSON.stringify({
					sample: 'get-certificate',
					outcome: 'timeout',
					summary:
						lang === 'ja'
							? '15.0 秒で停止しました。サンプルが制限時間内に終了しませんでした。'
							: 'Stopped after 15.0 s: the sample did not finish in time.',
					exitCode: null,
					durationMs: 15_000,
					output: [],
					trace: [],
					truncated: false,
				}),
			})
		);
		await snippet.locator('[data-run]').click();
		await expect(snippet.locator('[data-next-step]')).toBeVisible();
		await shoot(page, snippet, lang, 'snippet-timeout');
		await page.unroute(run);
	});
}
