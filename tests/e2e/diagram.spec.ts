import { expect, test } from '@playwright/test';

const cases = [
	{
		lang: 'ja',
		status: (n: number, total: number) => `ステップ ${n} (全 ${total} ステップ)`,
		next: '次のステップ',
		zoom: '拡大表示',
	},
	{
		lang: 'en',
		status: (n: number, total: number) => `Step ${n} of ${total}`,
		next: 'Next step',
		zoom: 'Zoom in',
	},
] as const;

for (const { lang, status, next, zoom } of cases) {
	test.describe(`diagram step-through (${lang})`, () => {
		test('works by keyboard: Tab to the controls, Enter, arrows, Home, End, Escape', async ({
			page,
		}) => {
			await page.goto(`/${lang}/architecture/vm-extension/`);
			const diagram = page.locator('kv-diagram:not(.kv-diagram--compact)').first();
			const steps = diagram.locator('.kv-diagram__steps li');
			const total = await steps.count();
			expect(total).toBe(5);
			const statusLine = diagram.locator('.kv-diagram__status [data-count]');

			// Reach the "next" button by keyboard alone.
			const nextButton = diagram.getByRole('button', { name: next });
			for (
				let i = 0;
				i < 200 && !(await nextButton.evaluate((b) => b === document.activeElement));
				i++
			)
				await page.keyboard.press('Tab');
			await expect(nextButton).toBeFocused();

			await page.keyboard.press('Enter');
			await expect(statusLine).toHaveText(status(1, total));
			await expect(steps.nth(0)).toHaveAttribute('aria-current', 'step');
			// Step 1's arrow is highlighted in the drawing, the others are not.
			await expect(diagram.locator('.kv-diagram__edge[data-steps="1"]')).toHaveClass(/is-active/);
			await expect(diagram.locator('.kv-diagram__edge[data-steps="2"]')).not.toHaveClass(
				/is-active/
			);

			await page.keyboard.press('ArrowRight');
			await expect(statusLine).toHaveText(status(2, total));
			await expect(steps.nth(1)).toHaveAttribute('aria-current', 'step');
			await expect(steps.nth(0)).not.toHaveAttribute('aria-current', 'step');
			await expect(diagram.locator('.kv-diagram__edge[data-steps="2"]')).toHaveClass(/is-active/);

			await page.keyboard.press('End');
			await expect(statusLine).toHaveText(status(total, total));
			await page.keyboard.press('ArrowRight'); // wraps round to the first step
			await expect(statusLine).toHaveText(status(1, total));
			await page.keyboard.press('ArrowLeft'); // and back to the last
			await expect(statusLine).toHaveText(status(total, total));

			await page.keyboard.press('Escape'); // every step again
			await expect(diagram.locator('.is-active')).toHaveCount(0);
			await expect(diagram).toHaveAttribute('data-step', '0');
		});

		test('fits its frame at 1440; on a phone fits the width, zooms, and next brings the step into view', async ({
			page,
		}) => {
			await page.setViewportSize({ width: 1440, height: 900 });
			await page.goto(`/${lang}/architecture/vm-extension/`);
			const diagram = page.locator('kv-diagram:not(.kv-diagram--compact)').first();
			const canvas = diagram.locator('.kv-diagram__canvas');
			const fits = () =>
				canvas.evaluate(
					(c) =>
						c.scrollWidth <= c.clientWidth &&
						c.querySelector('svg')!.getBoundingClientRect().width <= c.clientWidth
				);
			expect(await fits()).toBe(true);
			await expect(diagram.getByRole('button', { name: zoom })).toBeHidden();

			await page.setViewportSize({ width: 360, height: 800 });
			expect(await fits()).toBe(true);
			const zoomButton = diagram.getByRole('button', { name: zoom });
			await zoomButton.click();
			await expect(zoomButton).toHaveAttribute('aria-pressed', 'true');
			expect(await fits()).toBe(false);
			const nextButton = diagram.getByRole('button', { name: next });
			const steps = await diagram.locator('.kv-diagram__steps li').count();
			for (let n = 1; n <= steps; n++) {
				await nextButton.click();
				// The step's sentence shows beside the buttons, and its highlighted part is in the frame.
				await expect(diagram.locator('[data-sentence]')).toHaveText(
					(await diagram
						.locator('.kv-diagram__steps li')
						.nth(n - 1)
						.textContent())!.trim()
				);
				await expect
					.poll(() =>
						diagram.evaluate((d) => {
							const frame = d.querySelector('.kv-diagram__canvas')!.getBoundingClientRect();
							return [...d.querySelectorAll('svg .is-active')].some((el) => {
								const box = el.getBoundingClientRect();
								return box.left >= frame.left - 1 && box.right <= frame.right + 1;
							});
						})
					)
					.toBe(true);
			}
		});

		test('shows every step, and no controls, without JavaScript', async ({ browser }) => {
			const context = await browser.newContext({ javaScriptEnabled: false });
			const page = await context.newPage();
			await page.goto(`/${lang}/architecture/vm-extension/`);
			const diagram = page.locator('kv-diagram:not(.kv-diagram--compact)').first();
			await expect(diagram.locator('.kv-diagram__controls')).toBeHidden();
			await expect(diagram.locator('.kv-diagram__steps li')).toHaveCount(5);
			for (const item of await diagram.locator('.kv-diagram__steps li').all())
				await expect(item).toBeVisible();
			await expect(diagram.locator('.is-active')).toHaveCount(0);
			await context.close();
		});

		test('the drawing has an accessible name and description in the page language', async ({
			page,
		}) => {
			await page.goto(`/${lang}/architecture/vm-extension/`);
			const svg = page.locator('kv-diagram:not(.kv-diagram--compact) svg[role="img"]').first();
			const name = await svg.evaluate((el) =>
				(el.getAttribute('aria-labelledby') ?? '')
					.split(' ')
					.map((id) => document.getElementById(id)?.textContent ?? '')
			);
			expect(name).toHaveLength(2);
			for (const text of name) expect(text.length).toBeGreaterThan(10);
			expect(/[\u3040-\u30ff]/.test(name.join(''))).toBe(lang === 'ja');
		});

		test('the overview shows the three architectures side by side, stacked on narrow screens', async ({
			page,
		}) => {
			await page.setViewportSize({ width: 1440, height: 900 });
			await page.goto(`/${lang}/overview/`);
			const items = page.locator('.kv-comparison > *');
			await expect(items).toHaveCount(3);
			const tops = await items.evaluateAll((els) =>
				els.map((el) => Math.round(el.getBoundingClientRect().top))
			);
			expect(new Set(tops).size).toBe(1);
			await page.setViewportSize({ width: 360, height: 740 });
			const stacked = await items.evaluateAll((els) =>
				els.map((el) => Math.round(el.getBoundingClientRect().top))
			);
			expect(stacked[0]! < stacked[1]! && stacked[1]! < stacked[2]!).toBe(true);
		});
	});
}
