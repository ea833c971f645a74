// Rehype plugin: gives each body cell of a Markdown table the text of its column heading
// (`data-label`), so that styles/site.css can show the table as stacked cards on narrow screens.

/** The plain text of a hast node. */
function textOf(node) {
	if (node.type === 'text') return node.value;
	return (node.children ?? []).map(textOf).join('');
}

/** Element children with a given tag name. */
function childrenNamed(node, tagName) {
	return (node.children ?? []).filter((c) => c.type === 'element' && c.tagName === tagName);
}

/** Calls visit on every element below node. */
function walk(node, visit) {
	for (const child of node.children ?? []) {
		if (child.type !== 'element') continue;
		visit(child);
		walk(child, visit);
	}
}

/** Labels table cells with their column headings. */
export function rehypeTableLabels() {
	return (tree) =>
		walk(tree, (table) => {
			if (table.tagName !== 'table') return;
			const [head] = childrenNamed(table, 'thead');
			const [headRow] = head ? childrenNamed(head, 'tr') : [];
			if (!headRow) return;
			const headings = [...childrenNamed(headRow, 'th'), ...childrenNamed(headRow, 'td')].map(
				(cell) => textOf(cell).trim()
			);
			table.properties = { ...table.properties, dataStack: '' };
			for (const body of childrenNamed(table, 'tbody'))
				for (const row of childrenNamed(body, 'tr'))
					(row.children ?? [])
						.filter((c) => c.type === 'element')
						.forEach((cell, i) => {
							if (headings[i]) cell.properties = { ...cell.properties, dataLabel: headings[i] };
						});
		});
}
