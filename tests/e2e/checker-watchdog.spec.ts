import { expect, test, type Page } from '@playwright/test';
import {
	cases,
	checkerExamples,
	checkerPath,
	checkerText,
	rows,
	widget,
} from './support/checker.ts';

// Issue 24: hostile input in the checker widget (security review 2026-12-07, R1–R5). The worker
// spends the CLI's budgets, so doubling variables end in a "value too large" finding as on the
// command line; and a check that still runs past the bound (checkTimeout, 30 s) gets its worker
// replaced, says so, and leaves the editor working. The page's clock is moved past the bound while
// the worker is still reading 200 KB of unclosed Bicep comments (seconds of work), so no test
// waits 30 s and none depends on how fast the machine is.

/** A shell script whose variables double 27 times (268 MB on the command line before the budget). */
function doublingScript(): string {
	let text = 'V0=ab\n';
	for (let i = 0; i < 27; i++) text += `V${i + 1}="$V${i}$V${i}"\n`;
	return `${text}az vm extension set --resource-group rg --vm-name vm --publisher Microsoft.Azure.KeyVault --name KeyVaultForLinux --version 3.0 --settings "{\\"secretsManagementSettings\\":{\\"pollingIntervalInS\\":\\"$V27\\"}}"\n`;
}

/** Replaces the editor's text the way a person pastes it. */
async function paste(page: Page, text: string) {
	await page.evaluate((t) => navigator.clipboard.writeText(t), text);
	await widget(page).locator('.cm-content').focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('ControlOrMeta+v');
}

for (const c of cases) {
	test(`hostile input in the checker: budgets, a stopped check, and the next paste checked (${c.lang})`, async ({
		page,
		context,
	}, testInfo) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.clock.install();
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto(checkerPath(c.lang));
		const timedOut = checkerText(c)('state.timedOut', { seconds: 30 });
		const checker = widget(page);
		const status = checker.locator('[data-status]');
		// The editor loads when the reader reaches for it.
		await checker.getByLabel(checkerText(c)('editorLabel')).focus();
		await expect(checker).toHaveAttribute('data-ready', 'true');

		// The value budget: the doubled variable is unknown past 65,536 characters, said at its line.
		await paste(page, doublingScript());
		await expect(checker).toHaveAttribute('data-state', 'findings', { timeout: 20_000 });
		await expect(checker.locator('li.finding[data-rule="KV051"]').first()).toBeVisible();

		// A check still running past the bound: its worker is replaced, and the status says so.
		await paste(page, `param location string\n${'/*'.repeat(100_000)}`);
		await expect(checker).toHaveAttribute('aria-busy', 'true');
		await expect
			.poll(
				async () => {
					await page.clock.fastForward(31_000);
					return checker.getAttribute('data-state');
				},
				{ timeout: 20_000 }
			)
			.toBe('timedOut');
		await expect(status).toBeVisible();
		await expect(status).toHaveText(timedOut);
		// What to do next sits in the panel's detail line (the status bar stays short).
		const detail = checker.locator('[data-detail]');
		await expect(detail).toBeVisible();
		await expect(detail).toHaveText(checkerText(c)('state.timedOutDetail'));
		await expect(detail).toContainText('kvcert check');
		await expect(checker).not.toHaveAttribute('aria-busy', 'true');
		await expect(rows(page)).toHaveCount(0);
		for (const width of [1440, 360]) {
			await page.setViewportSize({ width, height: 900 });
			await status.scrollIntoViewIfNeeded();
			await page.screenshot({ path: testInfo.outputPath(`timed-out-${c.lang}-${width}.png`) });
			const box = (await status.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(width);
		}

		// The editor still works, and the next paste is checked by the new worker.
		await paste(page, checkerExamples[1]!.text);
		await expect(checker).toHaveAttribute('data-state', 'findings', { timeout: 20_000 });
		await expect(rows(page).first()).toBeVisible();
		await expect(status).not.toHaveText(timedOut);
	});
}
