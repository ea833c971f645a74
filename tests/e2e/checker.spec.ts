import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolationsInBothThemes } from './support/axe.ts';
import {
	cases,
	checkerExamples,
	checkerPath,
	checkerText,
	editorText,
	rows,
	sample,
	widget,
} from './support/checker.ts';

// The template checker (tools/template-checker) and the same widget embedded in tutorial pages, in
// both languages, on the built site (`npx astro build` first).
/** Lines (1-based) that carry a lint squiggle in the editor. */
async function markedLines(page: Page): Promise<number[]> {
	// CodeMirror renders the lines near the window's viewport: bring the editor into view first.
	await widget(page).locator('.cm-editor').scrollIntoViewIfNeeded();
	await page.evaluate(() => new Promise(requestAnimationFrame));
	return widget(page)
		.locator('.cm-content')
		.evaluate((content) => {
			const lines = [...content.querySelectorAll(':scope > .cm-line')];
			const marked = new Set<number>();
			for (const mark of content.querySelectorAll('.cm-lintRange')) {
				const line = mark.closest('.cm-line');
				if (line) marked.add(lines.indexOf(line) + 1);
			}
			return [...marked].sort((a, b) => a - b);
		});
}

/** Text of the widget as the reader sees it, to look for raw i18n keys and placeholders. */
async function expectNoRawKeys(checker: Locator) {
	const text = await checker.evaluate((el) => (el as HTMLElement).innerText);
	expect(text).not.toMatch(/kvcert\.checker|\{\{\w+\}\}/);
}

async function chooseExample(page: Page, id: string) {
	const before = await widget(page).getAttribute('data-state');
	await widget(page).locator('[data-examples]').selectOption(id);
	await expect(widget(page)).toHaveAttribute('data-ready', 'true');
	if (before === 'findings') await expect(widget(page)).not.toHaveAttribute('aria-busy', 'true');
	await expect(widget(page)).not.toHaveAttribute('aria-busy', 'true');
}

for (const c of cases) {
	const t = checkerText(c);

	test.describe(`template checker (${c.lang})`, () => {
		test('starts empty, with no editor code loaded until the reader reaches for it', async ({
			page,
		}) => {
			const scripts: string[] = [];
			page.on('request', (r) => {
				if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
			});
			await page.goto(checkerPath(c.lang));
			await page.waitForLoadState('networkidle');
			const checker = widget(page);
			await expect(checker.locator('[data-status]')).toHaveText(t('state.empty'));
			await expect(checker.getByText(t('privacy'))).toBeVisible();
			await expectNoRawKeys(checker);
			expect(scripts.filter((s) => /checker-app|check\.worker/.test(s))).toEqual([]);
			await checker.getByLabel(t('editorLabel')).focus();
			await expect(checker).toHaveAttribute('data-ready', 'true');
			await expect(checker.locator('.cm-editor')).toBeVisible();
			expect(scripts.some((s) => s.includes('checker-app'))).toBe(true);
		});

		for (const example of checkerExamples)
			test(`example ${example.id}: its rule ids at its lines, in the panel and the editor`, async ({
				page,
			}) => {
				await page.goto(checkerPath(c.lang));
				await chooseExample(page, example.id);
				const checker = widget(page);
				await expect(checker).toHaveAttribute('data-state', 'findings');
				await expect(rows(page)).toHaveCount(example.expected.length);
				// The panel lists errors first (then warnings, infos): each expected finding is there once.
				for (const e of example.expected) {
					const row = checker.locator(
						`[data-findings] > li.finding[data-rule="${e.ruleId}"][data-line="${e.line}"]`
					);
					await expect(row).toHaveCount(1);
					await expect(row.locator('.meta')).toContainText(
						new RegExp(t('finding.where', { line: e.line, column: '\\d+' }))
					);
					await expect(row.getByRole('link', { name: e.ruleId })).toHaveAttribute(
						'href',
						new RegExp(`^/${c.lang}/rules/[a-z0-9-]+/$`)
					);
					const message = (await row.locator('.message').textContent()) ?? '';
					expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(message)).toBe(c.lang === 'ja');
				}
				expect(await editorText(page)).toBe(example.text);
				expect(await markedLines(page)).toEqual([...new Set(example.expected.map((e) => e.line))]);
				await expectNoRawKeys(checker);
				// The squiggle's hover message names the rule.
				await checker
					.locator('.cm-lintRange')
					.first()
					.hover({ position: { x: 3, y: 3 } });
				await expect(page.locator('.cm-tooltip-lint')).toContainText(example.expected[0]!.ruleId);
			});

		test('while the text changes, the findings stay with their Fix waiting for the check', async ({
			page,
		}) => {
			await page.goto(checkerPath(c.lang));
			await chooseExample(page, 'linuxNumericPolling');
			const checker = widget(page);
			const fixButton = rows(page).first().locator('[data-fix]');
			await expect(fixButton).toBeEnabled();
			await checker.locator('.cm-content').focus();
			await page.keyboard.press('ControlOrMeta+End');
			await page.keyboard.type(' ');
			await expect(fixButton).toBeDisabled();
			await expect(checker.locator('[data-findings]')).toHaveAttribute('data-stale', '');
			await expect(rows(page)).toHaveCount(1);
			await expect(fixButton).toBeEnabled();
			await expect(checker.locator('[data-findings]')).not.toHaveAttribute('data-stale', '');
		});

		test('Fix removes its finding; Fix all leaves no fixable finding', async ({ page }) => {
			await page.goto(checkerPath(c.lang));
			await chooseExample(page, 'linuxNumericPolling');
			const checker = widget(page);
			await expect(rows(page)).toHaveCount(1);
			const before = await editorText(page);
			await rows(page).first().locator('[data-fix]').click();
			await expect(checker).toHaveAttribute('data-state', 'clean');
			await expect(checker.locator('[data-status]')).toHaveText(t('state.cleanOne'));
			expect(await editorText(page)).toContain('"pollingIntervalInS": "3600"');
			// What changed is highlighted, and Undo (focused, for the keyboard) takes it back.
			await expect(checker.locator('.cm-changed')).toBeVisible();
			await expect(checker.locator('.cm-changed')).toHaveText('"3600"');
			const undo = checker.getByRole('button', { name: t('undo') });
			await expect(undo).toBeFocused();
			await undo.click();
			await expect(checker.locator('[data-notice]')).toHaveText(t('undone'));
			expect(await editorText(page)).toBe(before);
			await expect(checker.locator('.cm-changed')).toHaveCount(0);
			await expect(rows(page)).toHaveCount(1);
			await rows(page).first().locator('[data-fix]').click();
			await expect(checker).toHaveAttribute('data-state', 'clean');

			await expect(undo).toBeVisible();
			await chooseExample(page, 'windowsCertificatesUrl');
			// A new text: the notice and Undo about the old one go.
			await expect(checker.locator('[data-notice]')).toHaveText('');
			await expect(undo).toBeHidden();
			await expect(checker.locator('[data-fix]')).toHaveCount(1);
			await checker.getByRole('button', { name: t('fixAll') }).click();
			await expect(checker.locator('[data-notice]')).toHaveText(/\d/);
			await expect(widget(page).locator('li.finding[data-rule="KV015"]')).toHaveCount(0);
			// Only the changed part is replaced and highlighted, not the text around it.
			await expect(checker.locator('.cm-changed')).toHaveText('secrets');
			await expect(rows(page)).not.toHaveCount(0);
			await expect(checker.locator('[data-fix]')).toHaveCount(0);
			await expect(checker.getByRole('button', { name: t('fixAll') })).toBeDisabled();
			expect(await editorText(page)).toContain('/secrets/www-contoso-com');
		});

		test('every state has its own sentence and no raw key', async ({ page }) => {
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			const status = checker.locator('[data-status]');
			await checker.getByLabel(t('editorLabel')).focus();
			await expect(checker).toHaveAttribute('data-ready', 'true');
			const input = checker.locator('.cm-content');
			const states: Array<[string, string, string]> = [
				['hello, world', 'unreadable', t('state.unreadable')],
				['{ "resources": [] }', 'noExtension', t('state.noExtension')],
				[sample('settings/linux-3.0.settings.json'), 'clean', t('state.cleanOne')],
				[
					'az vm extension set -g rg --vm-name vm --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --version 3.0 --settings "$SETTINGS"',
					'findings',
					'KV051',
				],
				// Cut off before the publisher: the syntax error is the headline, at its place.
				[
					'{\n  "type": "Microsoft.Compute/virtualMachines/extensions",\n  "properties": {',
					'syntaxError',
					t('state.syntaxError', { line: 3, column: 18, problem: '' }),
				],
				['', 'empty', t('state.empty')],
			];
			const details: Record<string, string> = {
				unreadable: t('state.unreadableDetail'),
				noExtension: t('state.noExtensionDetail'),
				syntaxError: t('state.syntaxErrorDetail'),
				empty: t('state.emptyDetail'),
			};
			for (const [text, state, sentence] of states) {
				await input.focus();
				await page.keyboard.press('ControlOrMeta+a');
				if (text) await page.keyboard.insertText(text);
				else await page.keyboard.press('Delete');
				await expect(checker).toHaveAttribute('data-state', state);
				await expect(state === 'findings' ? checker : status).toContainText(sentence);
				await expect(checker.locator('[data-detail]')).toHaveText(details[state] ?? '');
				await expectNoRawKeys(checker);
				// jsonc-parser's own names (PropertyNameExpected…) never reach the reader.
				expect(await checker.evaluate((el) => (el as HTMLElement).innerText)).not.toMatch(
					/[A-Z][a-z]+(?:Expected|Symbol|Character|Comment|Unicode)\b/
				);
			}
			await expect(status).toHaveText(t('state.empty'));

			// Too large: a dropped 21 MB file is refused with its size, never read into the editor.
			await checker.locator('[data-drop]').evaluate((drop) => {
				const transfer = new DataTransfer();
				transfer.items.add(new File(['x'.repeat(21 * 1024 * 1024)], 'huge.json'));
				drop.dispatchEvent(
					new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true })
				);
			});
			await expect(checker).toHaveAttribute('data-state', 'tooLarge');
			await expect(status).toContainText('21.0');
			expect(await editorText(page)).toBe('');
			await expectNoRawKeys(checker);
		});

		test('fetches the tree-sitter grammars only once Bicep or Terraform is pasted', async ({
			page,
		}) => {
			const wasm: string[] = [];
			page.on('request', (r) => {
				const name = new URL(r.url()).pathname.split('/').at(-1) ?? '';
				if (name.endsWith('.wasm')) wasm.push(name);
			});
			await page.goto(checkerPath(c.lang));
			await page.waitForLoadState('networkidle');
			const checker = widget(page);
			await checker.getByLabel(t('editorLabel')).focus();
			await expect(checker).toHaveAttribute('data-ready', 'true');
			// ARM JSON: checked without any grammar.
			await page.keyboard.insertText(checkerExamples[0]!.text);
			await expect(checker).toHaveAttribute('data-state', 'findings');
			await expect(checker).not.toHaveAttribute('aria-busy', 'true');
			expect(wasm).toEqual([]);
			for (const [id, grammar] of [
				['bicepSecretUriWithVersion', /^tree-sitter-bicep.*\.wasm$/],
				['terraformSecretId', /^tree-sitter-terraform.*\.wasm$/],
			] as const) {
				const example = checkerExamples.find((e) => e.id === id)!;
				await checker.locator('.cm-content').focus();
				await page.keyboard.press('ControlOrMeta+a');
				await page.keyboard.insertText(example.text);
				await expect(checker).not.toHaveAttribute('aria-busy', 'true');
				await expect(checker).toHaveAttribute('data-state', 'findings');
				await expect(rows(page)).toHaveCount(example.expected.length);
				for (const [i, e] of example.expected.entries()) {
					await expect(rows(page).nth(i)).toHaveAttribute('data-rule', e.ruleId);
					await expect(rows(page).nth(i)).toHaveAttribute('data-line', String(e.line));
				}
				expect(await markedLines(page)).toEqual([...new Set(example.expected.map((e) => e.line))]);
				expect(wasm.some((name) => grammar.test(name))).toBe(true);
				await expectNoRawKeys(checker);
			}
			// The runtime once and each grammar once.
			expect(wasm).toHaveLength(3);
		});

		test('says the Bicep or Terraform reader did not load, never "no problems"', async ({
			page,
		}) => {
			await page.route('**/*.wasm', (route) => route.abort());
			await page.goto(checkerPath(c.lang));
			await chooseExample(page, 'bicepSecretUriWithVersion');
			await expect(widget(page)).toHaveAttribute('data-state', 'error');
			await expect(widget(page).locator('[data-status]')).toHaveText(t('state.grammarError'));
			await expect(rows(page)).toHaveCount(0);
			await expectNoRawKeys(widget(page));
		});

		test('shows an error state when the worker cannot start', async ({ page }) => {
			await page.route('**/check.worker*', (route) => route.abort());
			await page.goto(checkerPath(c.lang));
			await chooseExample(page, 'versionedUrl');
			await expect(widget(page)).toHaveAttribute('data-state', 'error');
			await expect(widget(page).locator('[data-status]')).toHaveText(t('state.error'));
			await expectNoRawKeys(widget(page));
		});

		test('keyboard only: reach the editor, move between findings, fix, reach the rule link', async ({
			page,
		}) => {
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			const textarea = checker.getByLabel(t('editorLabel'));
			for (
				let i = 0;
				i < 80 && !(await textarea.evaluate((el) => el === document.activeElement));
				i++
			)
				await page.keyboard.press('Tab');
			await expect(checker).toHaveAttribute('data-ready', 'true');
			await expect(checker.locator('.cm-content')).toBeFocused();
			// Two findings on separate lines: a numeric polling interval and a versioned URL.
			const text = [
				'{',
				'  "secretsManagementSettings": {',
				'    "pollingIntervalInS": 3600,',
				'    "observedCertificates": [',
				'      {',
				'        "url": "https://contoso-kv.vault.azure.net/secrets/www-contoso-com/0123456789abcdef0123456789abcdef",',
				'        "certificateStoreName": "MY",',
				'        "certificateStoreLocation": "LocalMachine"',
				'      }',
				'    ]',
				'  }',
				'}',
			].join('\n');
			await page.keyboard.insertText(text);
			await expect(checker).toHaveAttribute('data-state', 'findings');
			await expect(rows(page)).toHaveCount(2);
			await page.keyboard.press('ControlOrMeta+Home');
			const selection = () => page.evaluate(() => getSelection()?.toString() ?? '');
			await page.keyboard.press('F8');
			await expect.poll(selection).toBe('3600');
			await page.keyboard.press('F8');
			await expect.poll(selection).toBe('0123456789abcdef0123456789abcdef');
			await page.keyboard.press('Shift+F8');
			await expect.poll(selection).toBe('3600');

			const fix = rows(page).first().locator('[data-fix]');
			await expect(rows(page).first()).toHaveAttribute('data-rule', 'KV010');
			for (let i = 0; i < 20 && !(await fix.evaluate((el) => el === document.activeElement)); i++)
				await page.keyboard.press('Tab');
			await expect(fix).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(checker.locator('li.finding[data-rule="KV010"]')).toHaveCount(0);
			await expect(rows(page)).toHaveCount(1);
			const link = rows(page).first().getByRole('link');
			await expect(link).toHaveText('KV016');
			await checker.locator('.cm-content').focus();
			for (let i = 0; i < 20 && !(await link.evaluate((el) => el === document.activeElement)); i++)
				await page.keyboard.press('Tab');
			await expect(link).toBeFocused();
			await page.keyboard.press('Enter');
			await expect(page).toHaveURL(new RegExp(`/${c.lang}/rules/versioned-url/$`));
		});

		test('a pasted Learn sample: its placeholders listed first, each place selectable, the list empties as they are filled', async ({
			page,
		}) => {
			// Learn's Windows settings sample: <examplekv> and the docs' example client ID.
			const text = readFileSync(
				new URL('../fixtures/check/learn-samples/windows-4.0-settings.json', import.meta.url),
				'utf8'
			);
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			await checker.getByLabel(t('editorLabel')).focus();
			await expect(checker).toHaveAttribute('data-ready', 'true');
			await page.keyboard.insertText(text);
			await expect(checker).toHaveAttribute('data-state', 'findings');
			await expect(checker).not.toHaveAttribute('aria-busy', 'true');

			const fillIn = checker.locator('[data-fill-in]');
			const entries = fillIn.locator('li.placeholder');
			await expect(fillIn).toBeVisible();
			await expect(fillIn.getByRole('heading', { name: t('fillIn.title') })).toBeVisible();
			await expect(entries).toHaveCount(2);
			await expect(entries.first().locator('code')).toHaveText('<examplekv>');
			await expect(entries.first()).toBeVisible();
			await expect(checker.locator('[data-status]')).toHaveText(
				c.lang === 'en'
					? '2 placeholders to fill in; nothing else found.'
					: 'まずプレースホルダー 2 個を置き換えてください。そのほかの指摘はありません。'
			);
			// The placeholders are not in the findings list, which is empty.
			await expect(rows(page)).toHaveCount(0);
			await expectNoRawKeys(checker);

			// A place selects the placeholder in the editor; typing replaces it and the entry goes.
			const selection = () => page.evaluate(() => getSelection()?.toString() ?? '');
			await entries.first().locator('[data-place]').click();
			await expect(checker.locator('.cm-content')).toBeFocused();
			await expect.poll(selection).toBe('<examplekv>');
			await page.keyboard.insertText('kvprod');
			await expect(entries).toHaveCount(1);
			await expect(entries.first()).toHaveAttribute(
				'data-placeholder',
				'00001111-aaaa-2222-bbbb-3333cccc4444'
			);
			await expect(checker.locator('[data-status]')).toHaveText(
				c.lang === 'en'
					? '1 placeholder to fill in; nothing else found.'
					: 'まずプレースホルダー 1 個を置き換えてください。そのほかの指摘はありません。'
			);
			await entries.first().locator('[data-place]').click();
			await expect.poll(selection).toBe('00001111-aaaa-2222-bbbb-3333cccc4444');
			await page.keyboard.insertText('6d2f7a51-3b8e-4c1a-9f0e-2a7b5c8d9e10');
			await expect(checker).toHaveAttribute('data-state', 'clean');
			await expect(fillIn).toBeHidden();
			expect(await editorText(page)).toContain('https://kvprod.vault.azure.net/secrets/');
		});

		test('switching the language keeps the text and re-renders the messages', async ({ page }) => {
			await page.goto(checkerPath(c.lang));
			await chooseExample(page, 'topLevelWithoutVmName');
			await expect(rows(page)).toHaveCount(1);
			const before = await rows(page).first().locator('.message').textContent();
			await page
				.locator('starlight-lang-select select')
				.first()
				.selectOption({ label: c.otherLabel });
			await expect(page).toHaveURL(new RegExp(`/${c.other}/tools/template-checker/`));
			await expect(widget(page)).toHaveAttribute('data-state', 'findings');
			expect(await editorText(page)).toBe(
				checkerExamples.find((e) => e.id === 'topLevelWithoutVmName')!.text
			);
			const after = await rows(page).first().locator('.message').textContent();
			expect(after).not.toBe(before);
			await expect(rows(page).first()).toHaveAttribute('data-rule', 'KV005');
			await expect(rows(page).first().getByRole('link')).toHaveAttribute(
				'href',
				`/${c.other}/rules/child-resource-name/`
			);
		});

		test('a shared link restores the text; too large and damaged links say so', async ({
			page,
			context,
		}) => {
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await page.goto(checkerPath(c.lang));
			await chooseExample(page, 'userAssignedWithoutClientId');
			const share = widget(page).getByRole('button', { name: t('share.button') });
			await share.click();
			await expect(widget(page).locator('[data-notice]')).toHaveText(t('share.copied'));
			// The button itself says so for a moment.
			await expect(widget(page).locator('[data-share]')).toHaveText(`✓ ${t('share.copiedShort')}`);
			await expect(share).toBeVisible();
			const link = await page.evaluate(() => navigator.clipboard.readText());
			expect(link).toMatch(/#code=[\w-]+$/);
			expect(page.url()).toBe(link);

			const other = await context.newPage();
			await other.goto(link);
			await expect(widget(other)).toHaveAttribute('data-state', 'findings', { timeout: 20_000 });
			await expect(widget(other).locator('[data-notice]')).toHaveText(t('share.restored'));
			expect(await editorText(other)).toBe(
				checkerExamples.find((e) => e.id === 'userAssignedWithoutClientId')!.text
			);
			await expect(rows(other).first()).toHaveAttribute('data-rule', 'KV030');

			// Random-looking text does not compress: over the limit, the link is refused.
			let seed = 7;
			const noise = Array.from({ length: 150_000 }, () => {
				seed = (seed * 48271) % 2147483647;
				return String.fromCharCode(33 + (seed % 90));
			}).join('');
			await widget(other).locator('.cm-content').focus();
			await other.keyboard.press('ControlOrMeta+a');
			await other.keyboard.insertText(noise);
			await widget(other)
				.getByRole('button', { name: t('share.button') })
				.click();
			await expect(widget(other).locator('[data-notice]')).toContainText(
				t('share.tooLarge', { size: 'X', limit: 64 }).split('X')[0]!
			);

			const damaged = await context.newPage();
			await damaged.goto(`${checkerPath(c.lang)}#code=AAAA`);
			await expect(widget(damaged).locator('[data-notice]')).toHaveText(t('share.damaged'));
			await expectNoRawKeys(widget(damaged));
		});

		test('"Open in the checker" on a tutorial page loads that exact text into its widget', async ({
			page,
		}) => {
			await page.goto(`/${c.lang}/setup/cli-powershell-bicep-terraform/`);
			const file = 'windows-4.0-user-assigned.settings.json';
			await page.getByRole('button', { name: t('openInCheckerLabel', { title: file }) }).click();
			await expect(widget(page)).toHaveAttribute('data-ready', 'true');
			await expect(widget(page)).not.toHaveAttribute('data-state', 'empty');
			expect(await editorText(page)).toBe(sample(`settings/${file}`));
			await expect(widget(page).locator('.cm-content')).toBeFocused();

			const script = 'Set-KeyVaultExtension.ps1';
			await page.getByRole('button', { name: t('openInCheckerLabel', { title: script }) }).click();
			await expect(widget(page)).toHaveAttribute('data-state', 'findings');
			await expect(widget(page)).toContainText('windows-4.0.settings.json');
		});

		test('sends no request but its own static files while typing, pasting, fixing, sharing', async ({
			page,
			context,
		}) => {
			await context.grantPermissions(['clipboard-read', 'clipboard-write']);
			await page.goto(checkerPath(c.lang));
			await page.waitForLoadState('networkidle');
			const requests: string[] = [];
			page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
			const checker = widget(page);
			await checker.getByLabel(t('editorLabel')).focus();
			await expect(checker).toHaveAttribute('data-ready', 'true');
			await page.keyboard.type('{ "secretsManagementSettings": { "pollingIntervalInS": 60 } }');
			await page.keyboard.press('ControlOrMeta+a');
			await page.keyboard.insertText(checkerExamples[1]!.text);
			await expect(rows(page)).toHaveCount(1);
			await rows(page).first().locator('[data-fix]').click();
			await expect(checker).toHaveAttribute('data-state', 'clean');
			await chooseExample(page, 'windowsCertificatesUrl');
			await checker.getByRole('button', { name: t('fixAll') }).click();
			await expect(checker.locator('[data-fix]')).toHaveCount(0);
			await checker.getByRole('button', { name: t('share.button') }).click();
			await expect(checker.locator('[data-notice]')).toHaveText(t('share.copied'));
			await page.waitForTimeout(500);
			const origin = new URL(page.url()).origin;
			// Own static files only: scripts, styles, icons and fonts from this origin, fetched with GET.
			const foreign = requests.filter((r) => {
				const [method, url] = r.split(' ');
				const { origin: o, pathname } = new URL(url!);
				return (
					method !== 'GET' || o !== origin || !/\.(?:js|css|svg|png|ico|woff2?)$/.test(pathname)
				);
			});
			expect(foreign).toEqual([]);
			expect(requests.some((r) => r.includes('check.worker'))).toBe(true);
		});

		for (const path of [checkerPath(c.lang), `/${c.lang}/setup/arm-template/`])
			test(`axe finds nothing with findings shown, light and dark (${path})`, async ({ page }) => {
				await page.goto(path);
				await chooseExample(page, 'windowsCertificatesUrl');
				await expect(widget(page)).toHaveAttribute('data-state', 'findings');
				await page.waitForFunction(() =>
					[...document.querySelectorAll('.expressive-code pre')].every(
						(pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')
					)
				);
				expect(await axeViolationsInBothThemes(page, 'kvcert-checker')).toEqual([]);
			});
	});
}

// The tool page as a workspace, with a real large template pasted the way a person pastes it.
test.describe('template checker workspace at 1440×900', () => {
	test.use({ viewport: { width: 1440, height: 900 } });
	const c = cases[0];
	const t = checkerText(c);
	const template = readFileSync(
		new URL('../fixtures/checker/sf-cluster-kvvm.json', import.meta.url),
		'utf8'
	);

	test('a pasted 70 KB real template: editor and first finding on screen together; a clicked finding lands below the header; groups, filters, next', async ({
		page,
		context,
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		const consoleErrors: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error') consoleErrors.push(m.text());
		});
		page.on('pageerror', (e) => consoleErrors.push(e.message));
		await page.goto(checkerPath(c.lang));
		const checker = widget(page);
		// The file picker offers Bicep and Terraform files too.
		const accept = ((await checker.locator('[data-file]').getAttribute('accept')) ?? '').split(',');
		for (const extension of [
			'.bicep',
			'.bicepparam',
			'.tf',
			'.tf.json',
			'.ps1',
			'.sh',
			'.azcli',
			'.json',
			'.jsonc',
		])
			expect(accept).toContain(extension);
		await expect(checker.locator('[data-detail]')).toContainText('Bicep');

		await checker.getByLabel(t('editorLabel')).focus();
		await expect(checker).toHaveAttribute('data-ready', 'true');
		await page.evaluate((text) => navigator.clipboard.writeText(text), template);
		await page.keyboard.press('ControlOrMeta+v');
		await expect(checker).toHaveAttribute('data-state', 'findings', { timeout: 20_000 });
		await expect(checker).not.toHaveAttribute('aria-busy', 'true');

		const header = await page
			.locator('header.header')
			.evaluate((h) => h.getBoundingClientRect().bottom);
		const within = async (selector: string) => {
			const box = (await checker.locator(selector).first().boundingBox())!;
			expect(box.y, selector).toBeGreaterThanOrEqual(header);
			expect(box.y + box.height, selector).toBeLessThanOrEqual(900);
		};
		await within('.cm-editor');
		await within('[data-findings] > li');
		await within('[data-status]');

		// Identical findings are one group ("2 × …"), opened on demand.
		const group = checker.locator('[data-findings] > li.group').first();
		await expect(group).toHaveAttribute('data-count', '2');
		await expect(group.locator('.members')).toBeHidden();
		await group.locator('[data-toggle]').click();
		await expect(group.locator('[data-toggle]')).toHaveAttribute('aria-expanded', 'true');
		const member = group.locator('li.finding').nth(1);
		await expect(member).toBeVisible();

		// Clicking a finding (the second of the group, 400 lines further down) shows its range below
		// the sticky header, with the cursor there.
		const line = Number(await member.getAttribute('data-line'));
		await member.locator('.message').click();
		await expect(checker.locator('.cm-content')).toBeFocused();
		await expect(member).toHaveAttribute('aria-current', 'true');
		const selected = await page.evaluate(() => {
			const rect = getSelection()!.getRangeAt(0).getBoundingClientRect();
			return { top: rect.top, bottom: rect.bottom };
		});
		expect(selected.top).toBeGreaterThanOrEqual(header);
		expect(selected.bottom).toBeLessThanOrEqual(900);
		await expect(checker.locator('.cm-lineNumbers .cm-activeLineGutter')).toHaveText(String(line));
		// Bringing the range into view reads no editor layout during CodeMirror's update.
		expect(consoleErrors).toEqual([]);

		// The severity filter hides the info findings; next goes to the next finding shown.
		const info = checker.locator('[data-filter="info"]');
		await info.click();
		await expect(info).toHaveAttribute('aria-pressed', 'false');
		await expect(checker.locator('[data-findings] li[data-severity="info"]')).toHaveCount(0);
		await checker.getByRole('button', { name: t('step.nextLabel') }).click();
		const current = checker.locator('li.finding[aria-current]');
		await expect(current).toHaveCount(1);
		expect(Number(await current.getAttribute('data-line'))).toBeGreaterThan(line);
		await expect(current).not.toHaveAttribute('data-severity', 'info');
		await info.click();
		await expect(checker.locator('[data-findings] li.group[data-severity="info"]')).toHaveCount(1);

		// A new paste shows its findings from the top of the findings column.
		const results = checker.locator('.results');
		await results.evaluate((r) => r.scrollTo(0, r.scrollHeight));
		expect(await results.evaluate((r) => r.scrollTop)).toBeGreaterThan(0);
		await checker.locator('.cm-content').focus();
		await page.keyboard.press('ControlOrMeta+a');
		await page.evaluate(
			(text) => navigator.clipboard.writeText(text),
			template.replace('3600', '60')
		);
		await page.keyboard.press('ControlOrMeta+v');
		await expect(checker).toHaveAttribute('aria-busy', 'true');
		await expect(checker).not.toHaveAttribute('aria-busy', 'true', { timeout: 20_000 });
		expect(await results.evaluate((r) => r.scrollTop)).toBe(0);

		// F8's tooltip stays inside the editor, never over the findings beside it.
		await checker.locator('[data-examples]').selectOption('bicepSecretUriWithVersion');
		await expect(checker.locator('li.finding[data-rule="KV010"]')).toHaveCount(1, {
			timeout: 20_000,
		});
		await expect(checker).not.toHaveAttribute('aria-busy', 'true');
		await checker.locator('.cm-content').focus();
		await page.keyboard.press('F8');
		const tooltip = checker.locator('.cm-tooltip-lint');
		await expect(tooltip).toBeVisible();
		const tip = (await tooltip.boundingBox())!;
		const editor = (await checker.locator('.cm-editor').boundingBox())!;
		expect(tip.x + tip.width).toBeLessThanOrEqual(editor.x + editor.width + 1);
		expect(tip.x).toBeGreaterThanOrEqual(editor.x - 1);
		// It goes when the focus leaves the editor (Tab to the findings), and with Escape.
		await page.keyboard.press('Tab');
		await expect(tooltip).toHaveCount(0);
		await checker.locator('.cm-content').focus();
		await page.keyboard.press('F8');
		await expect(tooltip).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(tooltip).toHaveCount(0);
		expect(consoleErrors).toEqual([]);
	});
});

// A phone: the summary bar stays one or two lines, the rest of a message goes to the panel, and the
// bar never lies over the editor.
test.describe('template checker at 360×800', () => {
	test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
	for (const c of cases)
		test(`${c.lang}: after the first paste the summary headline is on screen`, async ({ page }) => {
			const t = checkerText(c);
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			await checker.getByLabel(t('editorLabel')).focus();
			await expect(checker).toHaveAttribute('data-ready', 'true');
			await checker.locator('.cm-content').focus();
			// A template longer than the editor, which fills the screen.
			await page.keyboard.insertText(checkerExamples[0]!.text);
			await expect(checker).toHaveAttribute('data-state', 'findings');
			await expect(checker.locator('[data-status]')).toBeInViewport({ ratio: 1 });
			await expect(checker.locator('.cm-editor')).toBeInViewport();
		});

	for (const c of cases)
		test(`${c.lang}: while a chosen example's first check runs, the status says it is checking`, async ({
			page,
		}) => {
			const t = checkerText(c);
			// The Bicep grammar arrives late (a slow network or a busy machine).
			await page.route('**/*.wasm', async (route) => {
				await new Promise((resolve) => setTimeout(resolve, 2500));
				await route.continue();
			});
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			await checker.locator('[data-examples]').selectOption('bicepSecretUriWithVersion');
			await expect(checker.locator('[data-status]')).toHaveText(t('state.checking'));
			await expect(checker.locator('[data-status]')).not.toHaveText(t('state.empty'));
			await expect(checker).toHaveAttribute('data-state', 'findings', { timeout: 20_000 });
		});

	test('a Fix at 360 leaves no line scrolled sideways: lines wrap, the change inside the editor (ja)', async ({
		page,
	}) => {
		await page.goto(checkerPath('ja'));
		const checker = widget(page);
		// KV015's fix (/certificates/ → /secrets/) sits past the phone's width on line 25 (rv18d #2);
		// KV043's (secretUriWithVersion → secretUri) at the end of the Bicep example's longest line.
		for (const example of ['windowsCertificatesUrl', 'bicepSecretUriWithVersion']) {
			await chooseExample(page, example);
			const fixable = await checker
				.locator('li.finding:has([data-fix])')
				.evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')!));
			expect(fixable.length, example).toBeGreaterThan(0);
			for (const rule of fixable) {
				// Left over from reading a long line: the editor scrolled as far right as it goes.
				await checker.locator('.cm-scroller').evaluate((scroller) => (scroller.scrollLeft = 2000));
				await checker.locator(`li.finding[data-rule="${rule}"] [data-fix]`).click();
				await expect(checker.locator(`li.finding[data-rule="${rule}"]`)).toHaveCount(0);
				const at = await checker.locator('.cm-scroller').evaluate((scroller) => {
					const box = scroller.getBoundingClientRect();
					const mark = scroller.querySelector('.cm-changed')!.getBoundingClientRect();
					const gutter = scroller.querySelector<HTMLElement>('.cm-gutters')!.offsetWidth;
					return {
						scrolled: scroller.scrollLeft,
						wider: scroller.scrollWidth - scroller.clientWidth,
						mark: {
							left: mark.left - box.left,
							right: mark.right - box.left,
							top: mark.top - box.top,
							bottom: mark.bottom - box.top,
						},
						text: { left: gutter, right: scroller.clientWidth, bottom: scroller.clientHeight },
					};
				});
				// No line runs past the editor, so nothing is scrolled sideways…
				expect(at.wider, `${example} ${rule}`).toBeLessThanOrEqual(1);
				expect(at.scrolled, `${example} ${rule}`).toBe(0);
				// …and the whole change is inside the editor's visible box, right of the line numbers.
				expect(at.mark.left, `${example} ${rule}`).toBeGreaterThanOrEqual(at.text.left);
				expect(at.mark.right, `${example} ${rule}`).toBeLessThanOrEqual(at.text.right);
				expect(at.mark.top, `${example} ${rule}`).toBeGreaterThanOrEqual(0);
				expect(at.mark.bottom, `${example} ${rule}`).toBeLessThanOrEqual(at.text.bottom);
			}
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			360
		);
	});

	for (const c of cases)
		test(`${c.lang}: after "Apply all safe fixes" the changed line and the notice are on screen`, async ({
			page,
		}) => {
			const t = checkerText(c);
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			// The fix is on line 25, far below the editor's first screen (rv18e #1).
			await chooseExample(page, 'windowsCertificatesUrl');
			await checker.getByRole('button', { name: t('fixAll') }).click();
			await expect(checker.locator('.cm-changed')).toHaveText('secrets');
			await expect(checker.locator('.cm-changed')).toBeInViewport({ ratio: 1 });
			const inEditor = await checker.locator('.cm-scroller').evaluate((scroller) => {
				const box = scroller.getBoundingClientRect();
				const mark = scroller.querySelector('.cm-changed')!.getBoundingClientRect();
				return mark.top >= box.top && mark.bottom <= box.bottom;
			});
			expect(inEditor).toBe(true);
			await expect(checker.locator('[data-notice]')).toHaveText(/\d/);
			await expect(checker.locator('[data-notice]')).toBeInViewport({ ratio: 1 });
			// The keyboard's place is kept: on Undo, not back at the page's start.
			await expect(checker.getByRole('button', { name: t('undo') })).toBeFocused();
		});

	for (const c of cases)
		test(`${c.lang}: a paste made before the editor has loaded still brings the summary on screen`, async ({
			page,
		}) => {
			// The editor's code arrives late (a phone on a slow network): the paste lands in the plain
			// text area, which becomes the editor's first text (rv18d #1).
			let release = () => {};
			const held = new Promise<void>((resolve) => (release = resolve));
			await page.route('**/checker-app*.js', async (route) => {
				await held;
				await route.continue();
			});
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			const textarea = checker.locator('[data-textarea]');
			// Tapped where the editor shows, its lower half below the window.
			await textarea.evaluate((area) =>
				scrollTo(0, area.getBoundingClientRect().top + scrollY - innerHeight / 2)
			);
			await textarea.focus();
			await page.keyboard.insertText(checkerExamples[0]!.text);
			await expect(checker).not.toHaveAttribute('data-ready', 'true');
			release();
			await expect(checker).toHaveAttribute('data-state', 'findings');
			await expect(checker.locator('[data-summary]')).toBeInViewport({ ratio: 1 });
			await expect(checker.locator('[data-status]')).toBeInViewport({ ratio: 1 });
			await expect(checker.locator('.cm-editor')).toBeInViewport();
		});

	for (const c of cases)
		test(`${c.lang}: a short summary bar beside the editor, the details in the panel`, async ({
			page,
		}) => {
			const t = checkerText(c);
			await page.goto(checkerPath(c.lang));
			const checker = widget(page);
			await checker.getByLabel(t('editorLabel')).focus();
			await expect(checker).toHaveAttribute('data-ready', 'true');
			const states: Array<[string, string]> = [
				['hello, world', 'unreadable'],
				['{ "resources": [] }', 'noExtension'],
				[
					'{\n  "type": "Microsoft.Compute/virtualMachines/extensions",\n  "properties": {',
					'syntaxError',
				],
				[checkerExamples[0]!.text, 'findings'],
			];
			for (const [text, state] of states) {
				await checker.locator('.cm-content').focus();
				await page.keyboard.press('ControlOrMeta+a');
				await page.keyboard.insertText(text);
				await expect(checker).toHaveAttribute('data-state', state);
				const lines = await checker.locator('[data-status]').evaluate((status) => {
					const style = getComputedStyle(status);
					const content =
						status.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
					return content / parseFloat(style.lineHeight);
				});
				expect(lines, state).toBeLessThanOrEqual(2.1);
				if (state !== 'findings') await expect(checker.locator('[data-detail]')).toBeVisible();
				// The editor's top half in the window, its bottom below it: the bar stays out of it.
				await checker.locator('.cm-editor').evaluate((editor) => {
					const top = editor.getBoundingClientRect().top + scrollY;
					scrollTo(0, top - innerHeight / 2);
				});
				const bar = (await checker.locator('[data-summary]').boundingBox())!;
				const editor = (await checker.locator('.cm-editor').boundingBox())!;
				const visibleBottom = Math.min(editor.y + editor.height, 800);
				expect(bar.y >= visibleBottom || bar.y + bar.height <= editor.y, state).toBe(true);
			}
		});
});
