import { expect, test } from '@playwright/test';
import { axeViolationsInBothThemes } from './support/axe.ts';
import { expectTablesFit } from './support/table-fit.ts';
import { widgetStrings } from './support/ui-strings.ts';

// Live mode of the renewal simulator: the server's simulated VM polls its own demo vault with the
// real SDK and streams each poll (SSE); "Renew in Key Vault" makes a new version there.
test.describe.configure({ timeout: 120_000 });

for (const lang of ['ja', 'en'] as const) {
	const s = widgetStrings(lang, 'kvcert.simulator.');
	test(`live mode: renew in the demo vault and the next poll installs it (${lang})`, async ({
		page,
	}) => {
		await page.setViewportSize({ width: 1440, height: 900 });
		await page.goto(`/${lang}/tools/renewal-simulator/`);
		const sim = page.locator('kvcert-renewal-simulator');
		await expect(sim).toHaveAttribute('data-ready', 'true');
		// Every poll reaches other widgets (the workshop's exercise C) as in the scripted timeline.
		await page.evaluate(() => {
			(window as unknown as { updates: boolean[] }).updates = [];
			document.addEventListener('kvcert-sim-update', (event) =>
				(window as unknown as { updates: boolean[] }).updates.push(
					(event as CustomEvent<{ live: boolean }>).detail.live
				)
			);
		});
		const liveSwitch = sim.getByLabel(s('liveSwitch'));
		await expect(liveSwitch).toBeVisible();
		// The interval belongs to live mode: hidden until it runs; outside 1–30 it is refused, saying so.
		const interval = sim.getByLabel(s('liveInterval'));
		const intervalError = sim.locator('[data-interval-error]');
		await expect(interval).toBeHidden();
		await liveSwitch.check();
		// What live mode is stays one line until asked for, so it does not push the results down.
		// The scripted timeline's intro does not describe live mode: it steps aside.
		await expect(sim.locator('[data-scripted-intro]')).toBeHidden();
		const about = sim.locator('[data-live-about]');
		await expect(about.locator('summary')).toHaveText(s('liveAbout'));
		await expect(about.locator('p')).toBeHidden();
		await about.locator('summary').click();
		await expect(about.locator('p')).toHaveText(s('liveIntro'));
		await about.locator('summary').click();
		await interval.fill('0');
		await interval.blur();
		await expect(intervalError).toHaveText(s('intervalInvalid'));
		await expect(intervalError).toBeVisible();
		await expect(interval).toHaveAttribute('aria-invalid', 'true');
		await interval.fill('1');
		await interval.blur();
		await expect(intervalError).toBeHidden();
		const trace = sim.locator('[data-trace]');
		// The session opens an emulator of its own: seconds on a busy machine.
		await expect(trace).toContainText('GET /secrets/webcert/ → 200', { timeout: 30_000 });
		const rows = sim.locator('[data-store] tbody tr[data-thumbprint]');
		await expect(rows).toHaveCount(1);
		const before = await rows.first().getAttribute('data-thumbprint');
		// The scripted timeline's buttons are out of the way while live mode runs.
		await expect(sim.getByRole('button', { name: s('poll') })).toBeHidden();
		await expect(sim.getByRole('button', { name: s('reset') })).toBeHidden();

		// Each action's result is said beside the buttons, on screen.
		const summary = sim.locator('[data-announce]');
		const fill = (key: string, data: Record<string, string | number>) =>
			s(key).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(data[name]));
		// A new interval, then Renew at once: clicking blurs the field, which restarts live mode with a
		// new session; the renew waits for it instead of being lost (rv18c #2).
		await interval.fill('2');
		await sim.getByRole('button', { name: s('renew') }).click();
		await expect(rows).toHaveCount(2, { timeout: 30_000 });
		const after = await rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-thumbprint')));
		expect(after).toContain(before);
		const renewed = after.filter((t) => t !== before)[0]!;
		expect(renewed).toMatch(/^[0-9A-F]{40}$/);
		await expect(summary).toContainText(
			fill('change.installed', { thumbprint: `${renewed.slice(0, 4)}…` })
		);
		await expect(summary).toBeInViewport();
		await expect(sim.locator('[data-log]')).toContainText(
			'kvcert-demo.vault.azure.net/secrets/webcert'
		);
		expect(await sim.innerText()).not.toMatch(/eyJ[\w-]{10,}/);
		await expectTablesFit(page, sim, 'live store after a renewal');
		const liveUpdates = await page.evaluate(() =>
			(window as unknown as { updates: boolean[] }).updates.filter(Boolean)
		);
		expect(liveUpdates.length).toBeGreaterThanOrEqual(2);

		// Polls with nothing new add no line each: one summary line counts them.
		const log = sim.locator('[data-log]');
		await expect(log).toContainText(lang === 'ja' ? '同じ内容のポーリングがさらに' : 'more poll');
		const lines = async () => (await log.innerText()).split('\n').length;
		const counted = await lines();
		await expect
			.poll(() => page.evaluate(() => (window as unknown as { updates: boolean[] }).updates.length))
			.toBeGreaterThan(liveUpdates.length + 2);
		expect(await lines()).toBe(counted);

		// Revoke: the vault answers 403 and the status says the polls fail.
		await sim.getByRole('button', { name: s('revoke') }).click();
		await expect(sim.locator('[data-status]')).toHaveText(s('status.failed'), { timeout: 10_000 });
		await expect(trace).toContainText('403');
		await expect(sim.locator('[data-status-message]')).toBeVisible();
		await expect(sim.locator('[data-status-gloss]')).toBeVisible();
		await expect(summary).toContainText(fill('change.status', { status: s('status.failed') }));
		// It says which poll it is from: the poll counter beside it goes on while it stands.
		await expect(summary).toContainText(s('change.lastChange').split('{{poll}}')[0]!);
		await expect(summary).toBeInViewport();
		await expect(sim.locator('[data-status]')).toBeInViewport();
		// Live mode's own parts (the trace, the live store and log) pass axe too, light and dark.
		expect(await axeViolationsInBothThemes(page, 'kvcert-renewal-simulator')).toEqual([]);

		// Off again: the scripted timeline is back.
		await liveSwitch.uncheck();
		await expect(sim.locator('[data-trace-section]')).toBeHidden();
		await expect(interval).toBeHidden();
		await expect(about).toBeHidden();
		await expect(sim.locator('[data-scripted-intro]')).toBeVisible();
		await expect(sim.getByRole('button', { name: s('poll') })).toBeEnabled();
		await expect(rows).toHaveCount(1);
	});
}
