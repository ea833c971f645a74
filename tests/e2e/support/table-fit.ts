import { expect, type Locator, type Page } from '@playwright/test';

/** What a widget's data tables measure at the current width. */
export interface TableFit {
	/** Tables (their wrapper's box) that are wider than the box, with the overflow in pixels. */
	overflowing: string[];
	/** Visible column headers narrower than 48 px (text and width). */
	narrowHeaders: string[];
	/** Whether the tables show as cards (narrow layout), and cards whose cells lack a visible label. */
	cards: boolean;
	unlabelled: string[];
	/** The widget or the page scrolls sideways. */
	widgetOverflow: number;
	pageOverflow: number;
	tables: number;
}

/** Measures every visible `.kv-table` in `root`: fit, header widths, card labels. */
export async function measureTables(root: Locator): Promise<TableFit> {
	return root.evaluate((widget) => {
		const visible = (e: Element) => {
			const box = e.getBoundingClientRect();
			return box.width > 2 && box.height > 2 && getComputedStyle(e).visibility !== 'hidden';
		};
		const result = {
			overflowing: [] as string[],
			narrowHeaders: [] as string[],
			cards: false,
			unlabelled: [] as string[],
			widgetOverflow: widget.scrollWidth - widget.clientWidth,
			pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
			tables: 0,
		};
		for (const wrap of widget.querySelectorAll<HTMLElement>('.kv-table-wrap')) {
			const table = wrap.querySelector('table');
			if (!table || !visible(wrap)) continue;
			result.tables++;
			const name = table.querySelector('caption')?.textContent?.trim().slice(0, 40) ?? '?';
			const over = Math.max(
				wrap.scrollWidth - wrap.clientWidth,
				table.getBoundingClientRect().width - wrap.clientWidth
			);
			if (over > 1) result.overflowing.push(`${name}: ${Math.round(over)} px`);
			for (const th of table.querySelectorAll('thead th'))
				if (visible(th) && th.getBoundingClientRect().width < 48)
					result.narrowHeaders.push(
						`${name} / ${th.textContent?.trim()}: ${Math.round(th.getBoundingClientRect().width)} px`
					);
			const head = table.querySelector('thead');
			if (head && !visible(head)) {
				result.cards = true;
				for (const cell of table.querySelectorAll<HTMLElement>('tbody [data-label]')) {
					const label = getComputedStyle(cell, '::before').content;
					if (label !== `"${cell.dataset['label']}"`)
						result.unlabelled.push(`${name} / ${cell.dataset['label']}: ${label}`);
				}
			}
		}
		return result;
	});
}

/**
 * Asserts that the widget's tables fit their box at 1440 and 360 px: no sideways overflow, no
 * column header under 48 px, and on the phone cards whose every value carries its label. Leaves
 * the page at 1440.
 */
export async function expectTablesFit(page: Page, root: Locator, state: string): Promise<void> {
	for (const width of [1440, 360]) {
		await page.setViewportSize({ width, height: width === 360 ? 800 : 900 });
		const fit = await measureTables(root);
		const where = `${state} at ${width} px`;
		expect(fit.tables, `${where}: tables shown`).toBeGreaterThan(0);
		expect(fit.overflowing, `${where}: tables wider than their box`).toEqual([]);
		expect(fit.narrowHeaders, `${where}: headers under 48 px`).toEqual([]);
		expect(fit.widgetOverflow, `${where}: widget scrolls sideways`).toBeLessThanOrEqual(1);
		expect(fit.pageOverflow, `${where}: page scrolls sideways`).toBeLessThanOrEqual(1);
		expect(fit.cards, `${where}: cards on the phone, a table on the desktop`).toBe(width === 360);
		expect(fit.unlabelled, `${where}: card values without their label`).toEqual([]);
	}
	await page.setViewportSize({ width: 1440, height: 900 });
}
