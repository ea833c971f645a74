import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { axeViolationsInBothThemes } from './support/axe.ts';

// The template builder as readers use it: by keyboard, in both languages, on a wide screen and a
// phone; each output copied, and handed to the checker, which finds nothing in it.
const table = (lang: string): Record<string, string> =>
	JSON.parse(readFileSync(new URL(`../../content/i18n/${lang}.json`, import.meta.url), 'utf8'));
const langs = [
	{ lang: 'ja', strings: table('ja') },
	{ lang: 'en', strings: table('en') },
] as const;
const formats = ['arm', 'bicep', 'terraform', 'azcli', 'powershell'] as const;
const builderPath = (lang: string) => `/${lang}/tools/template-builder/`;
const builder = (page: Page) => page.locator('kvcert-template-builder').first();

const clientId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const identityId =
	'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/identity-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/web-identity';

function text(strings: Record<string, string>) {
	return (key: string, values: Record<string, string | number> = {}) =>
		(strings[`kvcert.builder.${key}`] ?? key).replace(/\{\{(\w+)\}\}/g, (_, k: string) =>
			String(values[k])
		);
}

/** Replaces a text field's value by typing, as a person does. */
async function typeInto(page: Page, name: string, value: string) {
	await builder(page).locator(`[name="${name}"]`).focus();
	await page.keyboard.press('ControlOrMeta+A');
	await page.keyboard.type(value);
}

/** The text of one output file, as shown. */
const shownFile = (page: Page, format: string, file: string) =>
	builder(page).locator(`[data-panel="${format}"] [data-file="${file}"] pre`);

for (const { lang, strings } of langs) {
	const t = text(strings);
	test.describe(`template builder (${lang})`, () => {
		test('filled by keyboard: outputs follow, each file is copied, each tab opens clean in the checker', async ({
			page,
			context,
		}) => {
			test.setTimeout(180_000);
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			const requested: string[] = [];
			page.on('request', (r) => requested.push(r.url()));
			await page.goto(builderPath(lang));
			// Before any interaction the outputs of the default answers are already there, and the
			// builder itself has not been loaded.
			await expect(shownFile(page, 'arm', 'azuredeploy.json')).toContainText('KeyVaultForWindows');
			expect(requested.some((url) => /builder-app/.test(url))).toBe(false);

			// Linux 3.0 on a VM, user-assigned identity, two certificates, ACLs, an access policy.
			await builder(page).locator('input[name="os"][value="windows"]').focus();
			await page.keyboard.press('ArrowRight');
			await expect(builder(page)).toHaveAttribute('data-ready', 'true');
			await expect(builder(page).locator('input[name="os"][value="linux"]')).toBeChecked();
			await builder(page).locator('select[name="version"]').focus();
			await page.keyboard.press('ArrowUp');
			await expect(builder(page).locator('select[name="version"]')).toHaveValue('3.0');
			await builder(page).locator('input[name="identity"][value="system"]').focus();
			await page.keyboard.press('ArrowRight');
			await typeInto(page, 'clientId', clientId);
			await typeInto(page, 'identityId', identityId);
			await typeInto(page, 'vaultName', 'kvcert-demo-kv');
			await builder(page).locator('select[name="access"]').focus();
			await page.keyboard.press('ArrowDown');
			await expect(builder(page).locator('select[name="access"]')).toHaveValue('policy');
			await typeInto(page, 'cert.0.name', 'web-tls');
			await typeInto(page, 'cert.0.acls', 'www-data:ssl-cert');
			await builder(page).locator('[data-add-certificate]').focus();
			await page.keyboard.press('Enter');
			await expect(builder(page).locator('[name="cert.1.name"]')).toBeFocused();
			await page.keyboard.type('api-tls');
			await expect(builder(page).locator('[data-notice]')).toHaveText(
				t('certificate.added', { n: 2 })
			);
			await expect(builder(page).locator('[data-status]')).toHaveText(t('status.ready'));

			const template = shownFile(page, 'arm', 'azuredeploy.json');
			await expect(template).toContainText('"typeHandlerVersion": "3.0"');
			await expect(template).toContainText("'api-tls')]");
			await expect(template).toContainText('"user": "www-data"');
			await expect(template).toContainText('Microsoft.KeyVault/vaults/accessPolicies');
			await expect(shownFile(page, 'arm', 'azuredeploy.parameters.json')).toContainText(
				'"value": "kvcert-demo-kv"'
			);

			// Every tab by the arrow keys; every file copied with its button, by the keyboard.
			await builder(page).locator('[data-tab="arm"]').focus();
			for (const [i, format] of formats.entries()) {
				if (i > 0) await page.keyboard.press('ArrowRight');
				const tab = builder(page).locator(`[data-tab="${format}"]`);
				await expect(tab).toBeFocused();
				await expect(tab).toHaveAttribute('aria-selected', 'true');
				const panel = builder(page).locator(`[data-panel="${format}"]`);
				await expect(panel).toBeVisible();
				const files = panel.locator('[data-file]');
				const count = await files.count();
				expect(count).toBeGreaterThan(0);
				for (let f = 0; f < count; f++) {
					const file = files.nth(f);
					const name = (await file.getAttribute('data-file'))!;
					await file.locator('[data-action="copy"]').focus();
					await page.keyboard.press('Enter');
					await expect(builder(page).locator('[data-notice]')).toHaveText(
						t('output.copied', { file: name })
					);
					const copied = await page.evaluate(() => navigator.clipboard.readText());
					expect(copied).toBe(await file.locator('pre').textContent());
				}
				await tab.focus();
			}

			// Each tab handed to the checker: no finding. Going back restores the answers. (Every
			// format in English; one in Japanese, the hand-over being the same code.)
			for (const format of lang === 'en' ? formats : (['bicep'] as const)) {
				await builder(page).locator(`[data-tab="${format}"]`).click();
				const open = builder(page).locator(`[data-panel="${format}"] [data-action="open"]`);
				await open.focus();
				await page.keyboard.press('Enter');
				await page.waitForURL(new RegExp(`/${lang}/tools/template-checker/#code=`));
				const checker = page.locator('kvcert-checker').first();
				await expect(checker, format).toHaveAttribute('data-state', 'clean', { timeout: 30_000 });
				await expect(checker.locator('[data-findings] > li')).toHaveCount(0);
				await page.goBack();
				await expect(builder(page)).toHaveAttribute('data-ready', 'true');
				await expect(builder(page).locator('[name="cert.1.name"]')).toHaveValue('api-tls');
			}
		});

		test('refused answers say why at the field, in the tabs and in the status; a link restores answers', async ({
			page,
			context,
		}) => {
			await page.goto(builderPath(lang));
			await typeInto(page, 'polling', '30');
			const field = builder(page).locator('[data-field="polling"]');
			const reason = t('refusal.pollingRange', { version: '4.0', min: 300, max: 3600, value: 30 });
			await expect(field.locator('[data-refusal]')).toHaveText(reason);
			await expect(builder(page).locator('[name="polling"]')).toHaveAttribute(
				'aria-invalid',
				'true'
			);
			await expect(builder(page).locator('[data-status]')).toHaveText(
				t(lang === 'en' ? 'status.refused_one' : 'status.refused_other', { count: 1 })
			);
			const panel = builder(page).locator('[data-panel="arm"]');
			await expect(panel.locator('.refused')).toContainText(reason);
			await expect(panel.locator('[data-file]')).toHaveCount(0);
			// A version that does not take a setting shows it disabled, with the reason.
			const linkOnRenewal = builder(page).locator('[name="linkOnRenewal"]');
			await expect(linkOnRenewal).toBeDisabled();
			await expect(builder(page).locator('[data-field="linkOnRenewal"] [data-refusal]')).toHaveText(
				t('refusal.linkOnRenewalRemoved', { version: '4.0' })
			);
			// A new machine cannot be written as a script: that tab says why, ARM writes it.
			await typeInto(page, 'polling', '3600');
			await builder(page).locator('input[name="machine"][value="new"]').check();
			await typeInto(
				page,
				'subnetId',
				'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default'
			);
			await builder(page).locator('[data-tab="azcli"]').click();
			await expect(builder(page).locator('[data-panel="azcli"] .refused')).toContainText(
				t('refusal.newMachineScript', { format: 'Azure CLI' })
			);
			await expect(shownFile(page, 'arm', 'azuredeploy.json')).toContainText(
				'Microsoft.Network/networkInterfaces'
			);

			// A shared link restores the answers; a damaged one says so.
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await page.goto(builderPath(lang));
			await typeInto(page, 'vaultName', 'shared-kv');
			await builder(page).locator('[data-share]').click();
			await expect(builder(page).locator('[data-notice]')).toHaveText(t('share.copied'));
			const link = await page.evaluate(() => navigator.clipboard.readText());
			expect(link).toMatch(/#options=[\w-]+$/);
			const other = await context.newPage();
			await other.goto(link);
			await expect(builder(other).locator('[name="vaultName"]')).toHaveValue('shared-kv');
			await expect(builder(other).locator('[data-notice]')).toHaveText(t('share.restored'));
			await expect(shownFile(other, 'arm', 'azuredeploy.parameters.json')).toContainText(
				'"value": "shared-kv"'
			);
			const damaged = await context.newPage();
			await damaged.goto(`${builderPath(lang)}#options=not*base64`);
			await expect(builder(damaged).locator('[data-notice]')).toHaveText(t('share.damaged'));
			await expect(builder(damaged).locator('[name="vaultName"]')).toHaveValue('contoso-kv');
		});

		test('every explanation links to a section that exists', async ({ page, request }) => {
			await page.goto(builderPath(lang));
			const hrefs = await builder(page)
				.locator('.hint a')
				.evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href')!))]);
			expect(hrefs.length).toBeGreaterThan(10);
			for (const href of hrefs) {
				expect(href.startsWith(`/${lang}/`), href).toBe(true);
				const [path, anchor] = href.split('#');
				const response = await request.get(path!);
				expect(response.status(), href).toBe(200);
				if (anchor) expect(await response.text(), href).toContain(`id="${anchor}"`);
			}
		});

		test('axe finds nothing at 1440 and 360 px, light and dark, before and after refusals; nothing overflows the phone', async ({
			page,
		}) => {
			test.setTimeout(240_000);
			for (const width of [1440, 360]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(builderPath(lang));
				// The rest of the page is checked with every page (pages.spec.ts): the builder here.
				expect(await axeViolationsInBothThemes(page, 'kvcert-template-builder')).toEqual([]);
				// The output is on screen while editing: beside the form at 1440 (sticky), and on a phone a
				// sticky "See the output" link is, which takes the reader there.
				await typeInto(page, 'vaultName', 'kvcert-visible-kv');
				const panel = builder(page).locator('[role="tabpanel"]:not([hidden])');
				const selectedTab = builder(page).locator('[role="tab"][aria-selected="true"]');
				if (width === 1440) {
					await expect(panel).toContainText('kvcert-visible-kv');
					await expect(panel.locator('pre').first()).toBeInViewport();
					await expect(selectedTab).toBeInViewport();
				} else {
					const jump = builder(page).locator('[data-to-output]');
					// While a field has the focus (the phone's keyboard up) the link stands aside: it never
					// covers what is being typed.
					await expect(jump).toBeHidden();
					await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
					await expect(jump).toHaveText(t('output.jump'));
					// Scrolled through the form, it shows exactly where it lies over no field, label or hint
					// (rv18d #4, rv18e #3).
					const formTop = await builder(page)
						.locator('form')
						.evaluate((form) => form.getBoundingClientRect().top + scrollY);
					const seen = { shown: [] as number[], aside: 0 };
					for (let y = formTop; seen.shown.length + seen.aside < 60; y += 50) {
						await page.evaluate((y) => scrollTo(0, y), y);
						const at = await jump.evaluate(
							(link) =>
								new Promise<{ gone: boolean; visible: boolean; over: boolean }>((resolve) =>
									requestAnimationFrame(() =>
										requestAnimationFrame(() => {
											const box = link.getBoundingClientRect();
											const fields = link
												.closest('kvcert-template-builder')!
												.querySelectorAll(
													'form :is(input:not([type="hidden"]), select, textarea, label, legend, .hint, .refusal:not(:empty))'
												);
											resolve({
												gone: (link as HTMLElement).hidden,
												visible: getComputedStyle(link).visibility === 'visible',
												over: [...fields].some((field) => {
													const f = field.getBoundingClientRect();
													return (
														box.left < f.right &&
														f.left < box.right &&
														box.top < f.bottom &&
														f.top < box.bottom
													);
												}),
											});
										})
									)
								)
						);
						if (at.gone) break; // the output came into view
						expect(at.visible, `scrolled to ${y}`).toBe(!at.over);
						if (at.visible) seen.shown.push(y);
						else seen.aside++;
					}
					expect(seen.shown.length).toBeGreaterThan(0);
					expect(seen.aside).toBeGreaterThan(0);
					await page.evaluate((y) => scrollTo(0, y), seen.shown[0]!);
					await expect(jump).toBeInViewport();
					await jump.click();
					await expect(selectedTab).toBeFocused();
					await expect(selectedTab).toBeInViewport();
					// (The answers of the 1440 round came back from the session: refused, so no file.)
					await expect(panel).toBeInViewport();
					// The output on screen: the link is not needed, and covers nothing of it.
					await expect(jump).toBeHidden();
				}
				await typeInto(page, 'polling', '30');
				await builder(page).locator('input[name="identity"][value="user"]').check();
				await expect(builder(page).locator('[data-status]')).not.toHaveText(t('status.ready'));
				expect(await axeViolationsInBothThemes(page, 'kvcert-template-builder')).toEqual([]);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - innerWidth
				);
				expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
				const shots = process.env['KVCERT_SHOTS'];
				if (shots)
					for (const state of ['refused', 'default'])
						for (const theme of ['light', 'dark']) {
							if (state === 'default' && theme === 'light') {
								await typeInto(page, 'polling', '3600');
								await builder(page).locator('input[name="identity"][value="system"]').check();
							}
							await page.evaluate(
								(value) => (document.documentElement.dataset['theme'] = value),
								theme
							);
							await builder(page).screenshot({
								path: `${shots}/builder-${lang}-${width}-${theme}-${state}.png`,
								// The site's fixed header and phone bars would cover part of the builder.
								style:
									'header.header, mobile-starlight-toc, starlight-menu-button { display: none !important; }',
							});
						}
			}
		});

		test('the compact builder on the setup pages, and its link to every option', async ({
			page,
		}) => {
			await page.goto(`/${lang}/setup/arm-template/`);
			const compact = builder(page);
			await expect(compact).toHaveAttribute('data-compact', 'true');
			await expect(compact.locator('[name="machineName"]')).toHaveCount(0);
			await typeInto(page, 'vaultName', 'compact-kv');
			await expect(shownFile(page, 'arm', 'azuredeploy.parameters.json')).toContainText(
				'"value": "compact-kv"'
			);
			const more = compact.locator('[data-more]');
			await expect(more).toHaveText(t('compact.more'));
			await more.click();
			await page.waitForURL(new RegExp(`${builderPath(lang)}#options=`));
			await expect(builder(page).locator('[name="vaultName"]')).toHaveValue('compact-kv');
		});
	});
}
