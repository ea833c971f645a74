import { expect, test } from '@playwright/test';
import { expectTablesFit } from './support/table-fit.ts';
import { widgetStrings } from './support/ui-strings.ts';

// Every data table of the widgets, in every state that changes it, fits its box at 1440 and
// 360 px in both languages (a past suite was green while every simulator table was broken).
// One page visit per widget: states are reached by clicking, widths by resizing.
test.describe.configure({ timeout: 120_000 });

for (const lang of ['ja', 'en'] as const) {
	const s = widgetStrings(lang, 'kvcert.simulator.');

	test(`simulator and chooser tables fit at every state (${lang})`, async ({ page }) => {
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto(`/${lang}/tools/renewal-simulator/`);
		const sim = page.locator('kvcert-renewal-simulator');
		const chooser = page.locator('kvcert-certificate-chooser');
		await expect(sim).toHaveAttribute('data-ready', 'true');
		const rows = sim.locator('[data-store] tbody tr[data-thumbprint]');
		const button = (key: string) => sim.getByRole('button', { name: s(key), exact: true });

		await expect(rows).toHaveCount(1);
		await expectTablesFit(page, sim, 'first poll');
		await button('renew').click();
		await button('poll').click();
		await expect(rows).toHaveCount(2);
		await expectTablesFit(page, sim, 'renewed and polled');

		// 403: the status says the poll failed, and shows the message the extension reports.
		await button('revoke').click();
		await button('poll').click();
		await expect(sim.locator('[data-status]')).toHaveText(s('status.failed'));
		await expect(sim.locator('[data-status-message]')).toBeVisible();
		await expect(sim.locator('[data-status-message]')).toHaveText(
			'Failed to download one or more certificates, retrying...'
		);
		await expectTablesFit(page, sim, 'access revoked');

		await button('copyToSelector').click();
		await expect(chooser.locator('[data-table="results"] tbody tr')).toHaveCount(5);
		await expect(chooser.locator('[data-status]')).toBeFocused();
		await expectTablesFit(page, chooser, 'chooser with the store');
		await chooser
			.getByRole('button', { name: widgetStrings(lang, 'kvcert.chooser.')('loadSample') })
			.click();
		await expect(chooser.locator('[data-table="certificates"] tbody tr')).toHaveCount(3);
		await expectTablesFit(page, chooser, 'chooser with the sample');

		await sim.locator('[data-version]').selectOption('linux:3.0');
		await button('renew').click();
		await button('poll').click();
		await expect(sim.locator('[data-files] tbody tr')).toHaveCount(3);
		await expectTablesFit(page, sim, 'Linux 3.0 files');
		await sim.locator('[data-version]').selectOption('linux:4.0');
		await button('renew').click();
		await button('poll').click();
		await expectTablesFit(page, sim, 'Linux 4.0 files');
	});
}
