import { expect, test } from '@playwright/test';
import { scriptedVersion } from '../../src/core/simulate/index.ts';
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

		// What each action changed is said in one line beside the buttons, on screen with the status.
		const summary = sim.locator('[data-announce]');
		const status = sim.locator('[data-status]');
		const fill = (key: string, data: Record<string, string | number>) =>
			s(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(data[name]));
		const list = (...changes: string[]) => changes.join(lang === 'ja' ? '、' : ', ');
		const renewed = `${scriptedVersion('webcert', 2, 0).thumbprint.slice(0, 4)}…`;

		await expect(rows).toHaveCount(1);
		await expectTablesFit(page, sim, 'first poll');
		await button('renew').click();
		await expect(summary).toHaveText(fill('change.pending', { action: s('renew') }));
		await expect(summary).toBeInViewport();
		await button('poll').click();
		await expect(rows).toHaveCount(2);
		await expect(summary).toHaveText(
			fill('change.poll', {
				poll: 2,
				changes: list(fill('change.installed', { thumbprint: renewed }), s('change.linked')),
			})
		);
		await expect(summary).toBeInViewport();
		await expect(status).toBeInViewport();
		await expectTablesFit(page, sim, 'renewed and polled');

		// 403: the status says the poll failed, and shows the message the extension reports, with a gloss.
		await button('revoke').click();
		await button('poll').click();
		await expect(status).toHaveText(s('status.failed'));
		await expect(summary).toHaveText(
			fill('change.poll', {
				poll: 3,
				changes: fill('change.status', { status: s('status.failed') }),
			})
		);
		await expect(summary).toBeInViewport();
		await expect(sim.locator('[data-status-message]')).toBeVisible();
		await expect(sim.locator('[data-status-message]')).toHaveText(
			'Failed to download one or more certificates, retrying...'
		);
		await expect(sim.locator('[data-status-gloss]')).toHaveText(s('retryingGloss'));
		await expectTablesFit(page, sim, 'access revoked');

		// A phone: the buttons in two columns; after a tap the summary and the status are on screen.
		await page.setViewportSize({ width: 360, height: 800 });
		await button('grant').click();
		await button('poll').click();
		await expect(summary).toHaveText(
			fill('change.poll', {
				poll: 4,
				changes: fill('change.status', { status: s('status.success') }),
			})
		);
		await expect(summary).toBeInViewport();
		await expect(status).toBeInViewport();
		await expect(status).toHaveText(s('status.success'));
		await button('reset').click();
		await expect(summary).toHaveText(s('change.reset'));
		await expect(summary).toBeInViewport();
		await page.setViewportSize({ width: 1440, height: 900 });
		await button('renew').click();
		await button('poll').click();
		await button('revoke').click();
		await button('poll').click();

		// On a phone the page goes to the chooser's answer (its status line), not to the form's top.
		await page.setViewportSize({ width: 360, height: 800 });
		await button('copyToSelector').click();
		await expect(chooser.locator('[data-table="results"] tbody tr')).toHaveCount(5);
		await expect(chooser.locator('[data-status]')).toBeFocused();
		await expect(chooser.locator('[data-status]')).toBeInViewport({ ratio: 1 });
		await page.setViewportSize({ width: 1440, height: 900 });
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
