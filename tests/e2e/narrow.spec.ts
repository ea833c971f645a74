import { expect, test, type Page } from '@playwright/test';

// 360 px screens: the important content is on screen and readable, not just free of sideways scroll.
// Diagram labels stay inside their boxes at every width, in both languages.
const MIN_FONT_PX = 11;

/** Elements whose box leaves the viewport sideways, or whose text renders below MIN_FONT_PX. */
async function unreadable(page: Page, selector: string) {
	return page.locator(selector).evaluateAll(
		(elements, min) =>
			elements.flatMap((el) => {
				const rect = el.getBoundingClientRect();
				if (!rect.width || !rect.height) return [];
				// Visually hidden for screen readers (the table headers of a card layout): not on screen.
				for (let up: Element | null = el; up; up = up.parentElement)
					if (getComputedStyle(up).clipPath === 'inset(50%)') return [];
				let size = parseFloat(getComputedStyle(el).fontSize);
				const svg = el instanceof SVGElement ? el.ownerSVGElement : null;
				if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
				// Inside a sideways-scrolling frame, "on screen" means inside the frame's scroll range.
				const frame = el.closest('.kv-diagram__canvas');
				const limit = frame ? frame.getBoundingClientRect().left + frame.scrollWidth : innerWidth;
				const off = rect.left < -0.5 || rect.right > limit + 0.5;
				return off || size < min
					? [
							`${(el.textContent ?? '').trim().slice(0, 30)}: ${Math.round(rect.left)}–${Math.round(rect.right)} px, ${size.toFixed(1)} px`,
						]
					: [];
			}),
		MIN_FONT_PX
	);
}

/** Node labels whose bounding box leaves their node's box. */
async function overflowingLabels(page: Page) {
	return page.locator('.kv-diagram__node').evaluateAll((nodes) =>
		nodes.flatMap((node) => {
			const box = (node.querySelector('rect') as SVGRectElement).getBBox();
			return [...node.querySelectorAll('text')].flatMap((text) => {
				const b = (text as SVGTextElement).getBBox();
				const inside =
					b.x >= box.x &&
					b.y >= box.y &&
					b.x + b.width <= box.x + box.width &&
					b.y + b.height <= box.y + box.height;
				return inside ? [] : [`${text.textContent}: ${Math.round(b.width)} wide in ${box.width}`];
			});
		})
	);
}

for (const lang of ['ja', 'en'] as const) {
	test.describe(`narrow screens (${lang})`, () => {
		test('overview at 360 px: every column of the comparison table and readable diagrams', async ({
			page,
		}) => {
			await page.setViewportSize({ width: 360, height: 740 });
			await page.goto(`/${lang}/overview/`);
			const cells = page.locator('.sl-markdown-content table td');
			expect(await cells.count()).toBeGreaterThan(20);
			expect(await unreadable(page, '.sl-markdown-content table td')).toEqual([]);
			// The third architecture's column is on screen, headed by its name.
			const third = page
				.locator('.sl-markdown-content table tbody tr')
				.first()
				.locator('td')
				.nth(3);
			await third.scrollIntoViewIfNeeded();
			await expect(third).toBeInViewport({ ratio: 0.9 });
			expect(await third.evaluate((td) => getComputedStyle(td, '::before').content)).toContain(
				'3.'
			);
			expect(await unreadable(page, '.kv-diagram text')).toEqual([]);
			// The three architectures are cards of text here, each caption readable on screen.
			const captions = page.locator('.kv-comparison figcaption');
			await expect(captions).toHaveCount(3);
			expect(await unreadable(page, '.kv-comparison figcaption li')).toEqual([]);
			await captions.nth(2).scrollIntoViewIfNeeded();
			await expect(captions.nth(2)).toBeInViewport();
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
			).toBeLessThanOrEqual(0);
		});

		test('architecture diagrams at 360 px: zoomed, labels readable and the frame pans instead of the page', async ({
			page,
		}) => {
			await page.setViewportSize({ width: 360, height: 740 });
			await page.goto(`/${lang}/architecture/vm-extension/`);
			// On a phone a diagram first fits the width; its zoom button shows it at a readable size.
			const diagrams = page.locator('.kv-diagram:not(.kv-diagram--compact)');
			for (let i = 0; i < (await diagrams.count()); i++) {
				const zoom = diagrams.nth(i).locator('[data-action="zoom"]');
				await zoom.click();
				await expect(zoom).toHaveAttribute('aria-pressed', 'true');
			}
			expect(await unreadable(page, '.kv-diagram:not(.kv-diagram--compact) text')).toEqual([]);
			const canvas = page.locator('.kv-diagram__canvas').first();
			await expect(canvas).toHaveAttribute('tabindex', '0');
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
			).toBeLessThanOrEqual(0);
		});

		test('thumbprint tool at 360 px: each version is a card with its "on the VM" cell on screen', async ({
			page,
		}) => {
			await page.setViewportSize({ width: 360, height: 740 });
			await page.goto(`/${lang}/tools/thumbprint/`);
			const tool = page.locator('kvcert-thumbprint-tool');
			await expect(tool).toHaveAttribute('data-ready', 'live');
			await tool.locator('[data-fetch-button]').click();
			await expect(tool.locator('[data-rows] tr')).toHaveCount(3, { timeout: 30_000 });
			// Fetching with nothing pasted yet is a success, not an error.
			await expect(tool.locator('[data-fetch-status]')).not.toHaveClass(/error/);
			expect(
				await unreadable(page, 'kvcert-thumbprint-tool :is(td, th, label, button, legend)')
			).toEqual([]);
			const onVm = tool.locator('[data-on-vm]').first();
			await onVm.scrollIntoViewIfNeeded();
			await expect(onVm).toBeInViewport();
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
			).toBeLessThanOrEqual(0);
		});

		for (const width of [360, 1440])
			test(`no diagram label leaves its box (${width} px)`, async ({ page }) => {
				await page.setViewportSize({ width, height: 900 });
				for (const path of [
					'overview',
					'architecture/service-principal',
					'architecture/managed-identity',
					'architecture/vm-extension',
					'operations',
				]) {
					await page.goto(`/${lang}/${path}/`);
					expect(await overflowingLabels(page), path).toEqual([]);
				}
			});
	});
}

test.describe('code blocks on a touch screen at 360 px', () => {
	test.use({ viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true });
	for (const lang of ['ja', 'en'] as const)
		test(`${lang}: the always-shown copy button covers no code`, async ({ page }) => {
			await page.goto(`/${lang}/architecture/managed-identity/`);
			const overlaps = await page.locator('.expressive-code .frame').evaluateAll((frames) =>
				frames.flatMap((frame) => {
					const button = frame.querySelector('.copy button');
					const pre = frame.querySelector('pre');
					if (!button || !pre) return [];
					// On a touch screen the button is always shown (not only on hover).
					if (getComputedStyle(button).opacity === '0') return ['hidden'];
					const box = pre.getBoundingClientRect();
					// The part of the block where code scrolls: inside its borders.
					const codeRight = box.left + pre.clientLeft + pre.clientWidth;
					const at = button.getBoundingClientRect();
					return at.left < codeRight - 0.5
						? [`${Math.round(at.left)} < ${Math.round(codeRight)}`]
						: [];
				})
			);
			expect(await page.locator('.expressive-code .copy button').count()).toBeGreaterThan(0);
			expect(overlaps).toEqual([]);
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
			).toBeLessThanOrEqual(0);
		});
});
