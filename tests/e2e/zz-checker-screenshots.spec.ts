import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkerPath, widget } from './support/checker.ts';

// Not part of the suite: run by hand to take the screenshots of every checker state, the diagrams
// and the phone home page, at 1440 and 360 px, light and dark, in both languages:
//   KVCERT_SHOTS=/tmp/shots E2E_PORT=… npx playwright test zz-checker-screenshots --workers=1
test.skip(!process.env['KVCERT_SHOTS'], 'screenshots only on request (KVCERT_SHOTS=dir)');

const template = readFileSync(
	new URL('../fixtures/checker/sf-cluster-kvvm.json', import.meta.url),
	'utf8'
);
const bicep = readFileSync(
	new URL(
		'../../src/components/widgets/checker/examples/windows-secret-uri-with-version.bicep',
		import.meta.url
	)
);

async function settled(page: Page, state: string) {
	await expect(widget(page)).toHaveAttribute('data-state', state, { timeout: 30_000 });
	await expect(widget(page)).not.toHaveAttribute('aria-busy', 'true');
	await page.waitForTimeout(300);
}

for (const width of [1440, 360])
	for (const colorScheme of ['light', 'dark'] as const)
		for (const lang of ['ja', 'en'])
			test(`${lang} ${width} ${colorScheme}`, async ({ browser }) => {
				test.setTimeout(240_000);
				const context = await browser.newContext({
					viewport: { width, height: width === 360 ? 800 : 900 },
					colorScheme,
					isMobile: width === 360,
					hasTouch: width === 360,
					permissions: ['clipboard-read', 'clipboard-write'],
				});
				const page = await context.newPage();
				const shot = (name: string) =>
					page.screenshot({
						path: `${process.env['KVCERT_SHOTS']}/${lang}-${name}-${width}-${colorScheme}.png`,
					});
				const checker = widget(page);

				await page.goto(checkerPath(lang));
				await shot('checker-empty');
				await checker.locator('[data-textarea]').focus();
				await expect(checker).toHaveAttribute('data-ready', 'true');
				for (const [state, text] of [
					[
						'syntaxError',
						template.slice(0, template.indexOf('"publisher": "Microsoft.Azure.KeyVault"')),
					],
					['unreadable', 'hello, world'],
					['noExtension', '{ "resources": [] }'],
				]) {
					await checker.locator('.cm-content').focus();
					await page.keyboard.press('ControlOrMeta+a');
					await page.keyboard.insertText(text!);
					await settled(page, state!);
					await shot(`checker-${state}`);
				}
				await page.keyboard.press('ControlOrMeta+a');
				await page.keyboard.press('Delete');
				await page.evaluate((text) => navigator.clipboard.writeText(text), template);
				await checker.locator('.cm-content').focus();
				await page.keyboard.press('ControlOrMeta+v');
				await settled(page, 'findings');
				await shot('checker-findings');
				await checker.locator('li.group [data-toggle]').first().click();
				await checker.locator('li.group li.finding .message').nth(1).click();
				await page.waitForTimeout(300);
				await shot('checker-grouped-clicked');
				await checker.locator('[data-filter="info"]').click();
				await shot('checker-filtered');
				await checker.locator('[data-filter="info"]').click();
				await checker.locator('[data-examples]').selectOption('windowsCertificatesUrl');
				await settled(page, 'findings');
				await checker.locator('[data-fix]').first().click();
				await settled(page, 'findings');
				await shot('checker-fixed');
				await checker.locator('[data-share]').click();
				await shot('checker-link-copied');

				await page.goto(checkerPath(lang));
				await checker.locator('[data-file]').setInputFiles({
					name: 'main.bicep',
					mimeType: 'text/plain',
					buffer: bicep,
				});
				await settled(page, 'findings');
				await shot('checker-file');
				await checker.locator('.cm-content').focus();
				await page.keyboard.press('F8');
				await page.waitForTimeout(300);
				await shot('checker-f8');
				await page.route('**/*.wasm', (route) => route.abort());
				await page.goto(checkerPath(lang));
				await checker.locator('[data-examples]').selectOption('terraformSecretId');
				await settled(page, 'error');
				await shot('checker-error');
				await page.unroute('**/*.wasm');

				await page.goto(`/${lang}/setup/arm-template/`);
				await checker.locator('[data-examples]').selectOption('windowsCertificatesUrl');
				await settled(page, 'findings');
				await checker.scrollIntoViewIfNeeded();
				await shot('checker-embedded');

				await page.goto(`/${lang}/architecture/vm-extension/`);
				const diagram = page.locator('kv-diagram:not(.kv-diagram--compact)').first();
				await diagram.scrollIntoViewIfNeeded();
				await shot('diagram');
				if (width === 360) await diagram.locator('[data-action="zoom"]').click();
				for (let i = 0; i < 3; i++) await diagram.locator('[data-action="next"]').click();
				await page.waitForTimeout(600);
				await shot('diagram-step3');

				await page.goto(`/${lang}/`);
				await shot('home');
				await context.close();
			});

// The fill-in list: Learn's Linux template sample, with six placeholders and one real error.
const learnTemplate = readFileSync(
	new URL('../fixtures/check/learn-samples/linux-3.0-template.json', import.meta.url),
	'utf8'
);

for (const width of [1440, 360])
	for (const colorScheme of ['light', 'dark'] as const)
		for (const lang of ['ja', 'en'])
			test(`fill-in ${lang} ${width} ${colorScheme}`, async ({ browser }) => {
				const context = await browser.newContext({
					viewport: { width, height: width === 360 ? 800 : 900 },
					colorScheme,
					isMobile: width === 360,
					hasTouch: width === 360,
				});
				const page = await context.newPage();
				const shot = (name: string, fullPage = false) =>
					page.screenshot({
						path: `${process.env['KVCERT_SHOTS']}/${lang}-${name}-${width}-${colorScheme}.png`,
						fullPage,
					});
				const checker = widget(page);
				await page.goto(checkerPath(lang));
				await checker.locator('[data-textarea]').focus();
				await expect(checker).toHaveAttribute('data-ready', 'true');
				await page.keyboard.insertText(learnTemplate);
				await settled(page, 'findings');
				await checker.locator('[data-fill-in]').scrollIntoViewIfNeeded();
				await shot('checker-fill-in');
				await checker.locator('[data-fill-in] [data-place]').nth(1).click();
				await page.waitForTimeout(300);
				await shot('checker-fill-in-selected');
				await context.close();
			});
