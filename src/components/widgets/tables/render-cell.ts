import { hexGroups, pathSegments, type Cell } from './cells.ts';

/** Spans joined by line-break opportunities: the text copies as it was, and wraps only between. */
function joined(pieces: string[], className: string): Node[] {
	return pieces.flatMap((piece, i) => {
		const span = document.createElement('span');
		span.className = className;
		span.textContent = piece;
		return i === 0 ? [span] : [document.createElement('wbr'), span];
	});
}

/** Fills a table cell (or any element) with a {@link Cell}. Classes are styled in data-table.css. */
export function renderCell(target: HTMLElement, cell: Cell): void {
	switch (cell.kind) {
		case 'text':
			target.textContent = cell.text;
			return;
		case 'hex': {
			const code = document.createElement('code');
			code.className = 'kv-hex';
			code.append(...joined(hexGroups(cell.value), 'kv-hex-group'));
			target.replaceChildren(code);
			return;
		}
		case 'parts': {
			// One wrapper, so the narrow layout's grid sees a single value.
			const wrapper = document.createElement('span');
			wrapper.append(
				...cell.parts.flatMap((part, i) => {
					const span = document.createElement('span');
					span.className = 'kv-nowrap';
					span.textContent = part;
					return i === 0 ? [span] : [' ', span];
				})
			);
			target.replaceChildren(wrapper);
			return;
		}
		case 'path': {
			const code = document.createElement('code');
			code.className = 'kv-path';
			code.append(...joined(pathSegments(cell.value), 'kv-path-part'));
			target.replaceChildren(code);
			return;
		}
		case 'name': {
			const wrapper = document.createElement('span');
			wrapper.append(...joined(pathSegments(cell.value), 'kv-name-part'));
			target.replaceChildren(wrapper);
			return;
		}
		case 'list': {
			const ul = document.createElement('ul');
			ul.append(
				...cell.items.map((item) =>
					Object.assign(document.createElement('li'), { textContent: item })
				)
			);
			target.replaceChildren(ul);
			return;
		}
	}
}

/**
 * Fills the rows of a table body from a `<template>` holding one row whose cells carry
 * `data-cell="<column>"` (and `data-label` for the narrow card layout). Rows are clones of markup
 * the component wrote, so they carry its attributes and styles. Each row's key goes into
 * `data-<keyAttribute>` (a thumbprint, a path…), for scripts and tests that look rows up; `data`
 * adds further data attributes (styles may key on them).
 */
export function fillRows(
	body: HTMLTableSectionElement,
	template: HTMLTemplateElement,
	rows: { key?: string; data?: Record<string, string>; cells: Record<string, Cell> }[],
	keyAttribute = 'key'
): void {
	body.replaceChildren(
		...rows.map(({ key, data, cells }) => {
			const row = (template.content.firstElementChild as HTMLTableRowElement).cloneNode(
				true
			) as HTMLTableRowElement;
			if (key !== undefined) row.dataset[keyAttribute] = key;
			Object.assign(row.dataset, data);
			for (const target of row.querySelectorAll<HTMLElement>('[data-cell]')) {
				const cell = cells[target.dataset['cell'] ?? ''];
				if (cell) renderCell(target, cell);
			}
			return row;
		})
	);
}

/** One row spanning the table with a sentence (an empty store, no requests…). */
export function fillMessageRow(body: HTMLTableSectionElement, columns: number, message: string) {
	const row = document.createElement('tr');
	const cell = Object.assign(document.createElement('td'), {
		colSpan: columns,
		textContent: message,
	});
	cell.className = 'kv-table-message';
	row.append(cell);
	body.replaceChildren(row);
}
