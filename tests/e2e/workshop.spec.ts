import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { scriptedVersion } from '../../src/core/simulate/index.ts';
import { workshopStrings } from '../../src/components/widgets/workshop/strings.ts';
import { selectMessages } from '../../src/core/select/messages.ts';
import { axeViolationsInBothThemes } from './support/axe.ts';
import { widgetKeys, widgetStrings } from './support/ui-strings.ts';

// The renewal simulator, the certificate chooser and the workshop's exercises, in both languages,
// on a `npm start` server (demo vault embedded).

const FIRST = scriptedVersion('webcert', 1, 0).thumbprint;
const RENEWED = scriptedVersion('webcert', 2, 0).thumbprint;
const SAMPLE_OLD = '8A1F3C0D9B7E26F4A5C3B2D1E0F9A8B7C6D5E4F3';
const SAMPLE_CURRENT = '2C9E5B7A1D3F4E6C8B0A9F1E2D3C4B5A69788796';
const langs = ['en', 'ja'] as const;

/** Text that looks like one of our i18n keys (`col.subject`, `a.noErrors`, `timer.start`…) left visible. */
async function rawKeys(page: Page): Promise<string[]> {
	const keys = new Set([
		...widgetKeys('kvcert.simulator.'),
		...widgetKeys('kvcert.chooser.'),
		...Object.keys(workshopStrings.en),
	]);
	const text = await page.locator('main').innerText();
	return [...keys].filter((key) => key.includes('.') && text.includes(key));
}

async function axe(page: Page): Promise<void> {
	expect(await axeViolationsInBothThemes(page)).toEqual([]);
}

// Long flows with axe in two themes: more time than the default on a shared machine.
test.describe.configure({ timeout: 240_000 });

for (const lang of langs) {
	const s = widgetStrings(lang, 'kvcert.simulator.');
	const c = widgetStrings(lang, 'kvcert.chooser.');
	const w = workshopStrings[lang];
	const strategy = (id: keyof typeof selectMessages.strategy) => selectMessages.strategy[id][lang];

	test.describe(`renewal simulator and chooser (${lang})`, () => {
		test('renew, poll, observe the store and the log; Linux files; chooser takes the store', async ({
			page,
		}) => {
			await page.goto(`/${lang}/tools/renewal-simulator/`);
			const sim = page.locator('kvcert-renewal-simulator');
			await expect(sim).toHaveAttribute('data-ready', 'true');
			const rows = sim.locator('[data-store] tbody tr[data-thumbprint]');
			await expect(rows).toHaveCount(1);
			await expect(rows.first()).toHaveAttribute('data-thumbprint', FIRST);
			await sim.getByRole('button', { name: s('renew') }).click();
			await expect(rows).toHaveCount(1); // nothing changes before the next poll
			await sim.getByRole('button', { name: s('poll') }).click();
			await expect(rows).toHaveCount(2);
			await expect(rows.nth(1)).toHaveAttribute('data-thumbprint', RENEWED);
			await expect(rows.nth(0)).toContainText(RENEWED); // linkOnRenewal: the old one points at the new one
			await expect(sim.locator('[data-log]')).toContainText(
				"Refreshing 'https://kvcert-demo.vault.azure.net/secrets/webcert/'"
			);
			await expect(sim.locator('[data-status]')).toHaveText(s('status.success'));

			// Revoke access: 403 in the log, the store keeps both.
			await sim.getByRole('button', { name: s('revoke') }).click();
			await sim.getByRole('button', { name: s('poll') }).click();
			await expect(sim.locator('[data-log]')).toContainText('403 Forbidden (ForbiddenByPolicy)');
			await expect(rows).toHaveCount(2);
			// …and the status says the poll failed, as the extension reports it (not "Success").
			await expect(sim.locator('[data-status]')).toHaveText(s('status.failed'));
			await expect(sim.getByRole('button', { name: s('revoke') })).toBeDisabled();

			// Into the chooser: the recommended strategy takes the renewed certificate, first match the old.
			await sim.getByRole('button', { name: s('copyToSelector') }).click();
			const chooser = page.locator('kvcert-certificate-chooser');
			await expect(chooser.locator('[data-status]')).toContainText(c('fromSimulator'));
			await expect(
				chooser.locator('tr[data-strategy="valid-now-newest"] [data-picked]')
			).toHaveText(RENEWED);
			await expect(chooser.locator('tr[data-strategy="first-match"] [data-picked]')).toHaveText(
				FIRST
			);

			// Linux 3.0: one file per version and a symlink to the newest.
			await sim.getByLabel(s('osVersion')).selectOption('linux:3.0');
			await sim.getByRole('button', { name: s('renew') }).click();
			await sim.getByRole('button', { name: s('poll') }).click();
			const files = sim.locator('[data-files] tbody tr');
			await expect(files).toHaveCount(3);
			const link = files.filter({ hasText: s('symlink') });
			await expect(link).toContainText(
				'/var/lib/waagent/Microsoft.Azure.KeyVault.Store/kvcert-demo.webcert'
			);
			await expect(link).toContainText(
				`kvcert-demo.webcert.${scriptedVersion('webcert', 2, 0).version}`
			);
			expect(await rawKeys(page)).toEqual([]);
			await axe(page);
		});

		test('chooser: the sample, a pinned thumbprint, and text that is not a listing', async ({
			page,
		}) => {
			await page.goto(`/${lang}/operations/`);
			const chooser = page.locator('kvcert-certificate-chooser');
			await expect(chooser).toHaveAttribute('data-ready', 'true');
			await expect(chooser.locator('[data-status]')).toHaveText(c('empty'));
			await chooser.getByRole('button', { name: c('loadSample') }).click();
			const picked = (id: string) => chooser.locator(`tr[data-strategy="${id}"] [data-picked]`);
			await expect(picked('valid-now-newest')).toHaveText(SAMPLE_CURRENT);
			await expect(picked('first-match')).toHaveText(SAMPLE_OLD);
			await expect(chooser.locator('tr[data-strategy="newest-not-before"]')).toContainText(
				selectMessages.warning.notYetValid[lang]
			);
			await expect(
				chooser.getByRole('row', {
					name: new RegExp(strategy('valid-now-newest').replace(/[()]/g, '\\$&')),
				})
			).toBeVisible();
			await chooser.getByLabel(c('pinLabel')).fill(SAMPLE_OLD.toLowerCase());
			await expect(picked('pinned-thumbprint')).toHaveText(SAMPLE_OLD);
			await expect(chooser.locator('tr[data-strategy="pinned-thumbprint"]')).toContainText(
				selectMessages.warning.notNewest[lang]
			);
			await chooser.getByLabel(c('listingLabel')).fill('hello\nworld');
			await expect(chooser.locator('[data-status]')).toHaveText(c('noneFound'));
			await expect(picked('valid-now-newest')).toHaveText(c('nothing'));
			expect(await rawKeys(page)).toEqual([]);
		});
	});

	test.describe(`workshop exercises (${lang})`, () => {
		test('complete every exercise, reload, progress kept; reset clears it', async ({ page }) => {
			// Exercise A's starting result is in the page: the checker engine loads on the first edit,
			// so before interaction the page ships what `npm run budget` allows a tool page (40 KB of
			// JavaScript, gzip; it was 80 KB with the engine).
			const scripts: Promise<number>[] = [];
			page.on('response', (r) => {
				if (r.request().resourceType() === 'script')
					scripts.push(r.body().then((body) => gzipSync(body).length));
			});
			await page.goto(`/${lang}/workshop/`);
			await page.waitForLoadState('networkidle');
			const scriptBytes = (await Promise.all(scripts)).reduce((a, b) => a + b, 0);
			expect(scriptBytes).toBeLessThanOrEqual(40 * 1024);
			const progress = page.locator('kvcert-workshop-progress');
			await expect(progress).toHaveAttribute('data-ready', 'true');
			const summary = (done: number) =>
				w['progress.summary'].replace('{done}', String(done)).replace('{total}', '4');
			await expect(progress.locator('[data-summary]')).toHaveText(summary(0));

			// A: the broken template has three errors; fix them.
			const a = page.locator('kvcert-exercise-template');
			await expect(a.locator('[data-result]')).toContainText(w['a.errors'].replace('{count}', '3'));
			const text = a.locator('textarea');
			const fixed = (await text.inputValue())
				.replace('3600,', '"3600",')
				.replace('/certificates/', '/secrets/')
				.replace('localMachine', 'LocalMachine');
			await text.fill('');
			await expect(a.locator('[data-result]')).toContainText(w['a.noExtension']);
			await expect(a).not.toHaveAttribute('data-complete');
			await text.fill(fixed);
			await expect(a.locator('[data-result]')).toContainText(w['a.noErrors']);
			await expect(a).toHaveAttribute('data-complete', '');

			// B: the demo vault's versions, fetched with the real SDK; the VM has the two newest.
			const b = page.locator('kvcert-exercise-versions');
			// The first request starts the demo vault and runs the SDK: give it time on a busy machine.
			await expect(b).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
			await expect(b).toHaveAttribute('data-source', 'live');
			const boxes = b.getByRole('checkbox');
			await expect(boxes).toHaveCount(3);
			await boxes.nth(0).check();
			await b.getByRole('button', { name: w['exercise.check'] }).click();
			await expect(b.locator('[data-result]')).toHaveText(w['b.wrong']);
			await boxes.nth(0).uncheck();
			await boxes.nth(1).check();
			await boxes.nth(2).check();
			await b.getByRole('button', { name: w['exercise.check'] }).click();
			await expect(b).toHaveAttribute('data-complete', '');

			// C: renew in the simulator, poll, predict.
			const sim = page.locator('kvcert-renewal-simulator');
			const predict = page.locator('kvcert-exercise-predict');
			await expect(predict.locator('[data-waiting]')).toBeVisible();
			await sim.getByRole('button', { name: s('renew') }).click();
			await sim.getByRole('button', { name: s('poll') }).click();
			await predict.getByRole('radio', { name: new RegExp(FIRST) }).check();
			await predict.getByRole('button', { name: w['exercise.check'] }).click();
			await expect(predict.locator('[data-result]')).toHaveText(w['c.wrong']);
			await predict.getByRole('radio', { name: new RegExp(RENEWED) }).check();
			await predict.getByRole('button', { name: w['exercise.check'] }).click();
			await expect(predict.locator('[data-result]')).toContainText(
				w['c.firstMatch'].replace('{thumbprint}', FIRST)
			);
			await expect(predict).toHaveAttribute('data-complete', '');

			// D: the quiz.
			const quiz = page.locator('kvcert-exercise-quiz');
			const answers = [2, 0, 1, 2];
			for (const [i, answer] of answers.entries())
				await quiz
					.locator(`input[name="kvcert-quiz-${i}"]`)
					.nth(i === 3 ? 0 : answer)
					.check();
			await quiz.getByRole('button', { name: w['exercise.check'] }).click();
			await expect(quiz.locator('[data-result]')).toHaveText(w['d.wrong'].replace('{count}', '1'));
			await quiz.locator('input[name="kvcert-quiz-3"]').nth(2).check();
			await quiz.getByRole('button', { name: w['exercise.check'] }).click();
			await expect(quiz).toHaveAttribute('data-complete', '');
			await expect(progress.locator('[data-summary]')).toHaveText(summary(4));
			expect(await rawKeys(page)).toEqual([]);
			await axe(page);

			// Reload: progress kept, every exercise still done, the fixed template still there.
			await page.reload();
			await expect(progress.locator('[data-summary]')).toHaveText(summary(4));
			for (const name of ['template', 'versions', 'predict', 'quiz'])
				await expect(page.locator(`[data-exercise="${name}"]`)).toHaveAttribute(
					'data-complete',
					''
				);
			await expect(a.locator('[data-result]')).toContainText(w['a.noErrors']);

			// Reset: nothing done, the broken template back.
			await progress.getByRole('button', { name: w['progress.reset'] }).click();
			await expect(progress.locator('[data-status]')).toHaveText(w['progress.resetDone']);
			await expect(progress.locator('[data-summary]')).toHaveText(summary(0));
			await expect(page.locator('[data-exercise][data-complete]')).toHaveCount(0);
			await expect(a.locator('[data-result]')).toContainText(w['a.errors'].replace('{count}', '3'));
			await page.reload();
			await expect(progress.locator('[data-summary]')).toHaveText(summary(0));
			expect(await rawKeys(page)).toEqual([]);
		});

		test('facilitator timer runs through the agenda', async ({ page }) => {
			await page.clock.install();
			await page.goto(`/${lang}/workshop/facilitator/`);
			const timer = page.locator('kvcert-workshop-timer');
			await expect(timer).toHaveAttribute('data-ready', 'true');
			await timer.getByRole('button', { name: w['timer.start'] }).click();
			await page.clock.runFor(61_000);
			await expect(timer.locator('[data-clock]')).toHaveText('1:01');
			await expect(page.locator('tr[data-block="intro"]')).toHaveAttribute('data-current', '');
			await timer.getByRole('button', { name: w['timer.next'] }).click();
			await expect(page.locator('tr[data-block="extension"]')).toHaveAttribute('data-current', '');
			await expect(timer.getByRole('button', { name: w['timer.pause'] })).toBeVisible();
			expect(await rawKeys(page)).toEqual([]);
		});

		test('prints as an A4 handout without navigation or controls', async ({ page }) => {
			await page.goto(`/${lang}/workshop/`);
			await expect(page.locator('kvcert-exercise-template')).toHaveAttribute('data-ready', 'true');
			await page.emulateMedia({ media: 'print' });
			await expect(page.locator('#starlight__sidebar')).toBeHidden();
			await expect(page.locator('header.header')).toBeHidden();
			await expect(page.locator('kvcert-renewal-simulator [data-action="renew"]')).toBeHidden();
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			const pdf = await page.pdf({ format: 'A4', printBackground: true });
			const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
			expect(pages).toBeGreaterThanOrEqual(3);
			expect(pages).toBeLessThanOrEqual(25);
		});
	});
}
