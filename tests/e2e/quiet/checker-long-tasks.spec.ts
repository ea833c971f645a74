import { expect, test } from '@playwright/test';
import {
	cases,
	checkerExamples,
	checkerPath,
	checkerText,
	editorText,
	widget,
} from '../support/checker.ts';

// Runs in the "quiet" project (playwright.config.ts), after every other browser test has finished, so
// that no other test's browser shares the CPU while long tasks are measured.
for (const c of cases) {
	const t = checkerText(c);
	test.describe(`template checker (${c.lang})`, () => {
		// The budget: a 1 MB template never blocks the main thread for more than 50 ms at a
		// time, measured as long tasks (PerformanceObserver) from opening the file until it is checked,
		// and while moving to its end and typing there. The test machine is a shared 2-core box where
		// other processes often take the CPU for tens of milliseconds (a task with 10 ms of work can
		// then last 60 ms). So each measurement starts at a quiet moment (a probe of short timer tasks
		// in the page, waited for up to 30 s), the whole measurement runs twice when the first run is
		// not clean, on a fresh page each time, and the better run must have no long task over 50 ms.
		// Every long task of every run is printed with its duration and phase, and the probe's figure,
		// so a regression shows what it was.
		test('a 1 MB template never blocks the main thread for more than 50 ms', async ({
			page,
		}, testInfo) => {
			test.setTimeout(240_000);
			await page.addInitScript(() => {
				const w = window as unknown as { longTasks: string[]; phase: string };
				w.longTasks = [];
				w.phase = '';
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries())
						if (w.phase) w.longTasks.push(`${w.phase} ${Math.round(entry.duration)} ms`);
				}).observe({ type: 'longtask', buffered: false });
			});
			// A real template (the Windows example) with its resources array padded to 1 MB with
			// storage accounts, as big generated templates are.
			const base = JSON.parse(checkerExamples[0]!.text) as { resources: unknown[] };
			let i = 0;
			while (JSON.stringify(base, null, 2).length < 1024 * 1024)
				base.resources.push({
					type: 'Microsoft.Storage/storageAccounts',
					apiVersion: '2023-05-01',
					name: `[concat('st', uniqueString(resourceGroup().id), '${i++}')]`,
					location: '[resourceGroup().location]',
					sku: { name: 'Standard_LRS' },
					kind: 'StorageV2',
					properties: { minimumTlsVersion: 'TLS1_2', supportsHttpsTrafficOnly: true },
				});
			const big = JSON.stringify(base, null, 2);
			expect(big.length).toBeGreaterThanOrEqual(1024 * 1024);

			const measure = async (): Promise<{ probe: number; tasks: string[]; longest: number }> => {
				await page.goto(checkerPath(c.lang));
				const checker = widget(page);
				await checker.getByLabel(t('editorLabel')).focus();
				await expect(checker).toHaveAttribute('data-ready', 'true');
				await expect(checker).toHaveAttribute('data-state', 'empty');
				// The file is made in the page before measuring: Playwright's own setInputFiles decodes
				// the 1 MB in the page's main thread (about 1 s here), which is not the widget's work.
				await page.evaluate((text) => {
					(window as unknown as { bigFile: File }).bigFile = new File([text], 'big.json', {
						type: 'application/json',
					});
				}, big);
				await page.waitForTimeout(500);
				// The quiet moment: 20 timer tasks of 2 ms of work, none delayed past 15 ms.
				let probe = Infinity;
				for (let tries = 0; tries < 60 && probe > 15; tries++) {
					if (tries > 0) await page.waitForTimeout(500);
					probe = await page.evaluate(async () => {
						let worst = 0;
						for (let n = 0; n < 20; n++) {
							const before = performance.now();
							await new Promise((resolve) => setTimeout(resolve, 0));
							const start = performance.now();
							while (performance.now() - start < 2);
							worst = Math.max(worst, performance.now() - before);
						}
						return Math.round(worst);
					});
				}
				await page.evaluate(() => {
					const w = window as unknown as { phase: string; bigFile: File };
					w.phase = 'open';
					const input = document.querySelector<HTMLInputElement>('kvcert-checker [data-file]')!;
					const files = new DataTransfer();
					files.items.add(w.bigFile);
					input.files = files.files;
					input.dispatchEvent(new Event('change', { bubbles: true }));
				});
				await expect(checker).toHaveAttribute('data-state', 'findings', { timeout: 60_000 });
				await expect(checker).not.toHaveAttribute('aria-busy', 'true', { timeout: 60_000 });
				await expect(checker.locator('li.finding[data-rule="KV015"]')).toHaveCount(1);
				await expect(checker.locator('[data-notice]')).toHaveText(
					t('file.opened', { file: 'big.json' })
				);
				// Typing at the end of the big text stays smooth too.
				await page.evaluate(() => ((window as unknown as { phase: string }).phase = 'type'));
				await checker.locator('.cm-content').focus();
				await page.keyboard.press('ControlOrMeta+End');
				await page.keyboard.type(' ');
				await expect(checker).toHaveAttribute('data-state', 'findings', { timeout: 60_000 });
				await expect(checker).not.toHaveAttribute('aria-busy', 'true', { timeout: 60_000 });
				await page.waitForTimeout(500);
				const tasks = await page.evaluate(() => {
					const w = window as unknown as { longTasks: string[]; phase: string };
					w.phase = '';
					return w.longTasks;
				});
				// The whole file went in, and in one undoable step: undo the space, then the file.
				expect(await editorText(page)).toBe(`${big} `);
				await page.keyboard.press('ControlOrMeta+z');
				await page.keyboard.press('ControlOrMeta+z');
				await expect.poll(() => editorText(page)).toBe('');
				return {
					probe,
					tasks,
					longest: Math.max(0, ...tasks.map((task) => parseInt(task.split(' ')[1]!))),
				};
			};

			const runs = [await measure()];
			if (runs[0]!.longest > 50) runs.push(await measure());
			runs.forEach((run, n) => {
				const line = `run ${n + 1} (probe ${run.probe} ms): long tasks ${run.tasks.join(', ') || 'none'}`;
				console.log(`[${c.lang}] ${line}`);
				testInfo.annotations.push({ type: 'long tasks', description: line });
			});
			const better = runs.reduce((a, b) => (b.longest < a.longest ? b : a));
			expect(better.tasks.filter((task) => parseInt(task.split(' ')[1]!) > 50)).toEqual([]);
		});
	});
}
