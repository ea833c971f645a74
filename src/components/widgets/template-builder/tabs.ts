/** Selects a tab of a WAI-ARIA tab list: shows its panel, hides the others, moves the tab stop. */
export function selectTab(tablist: HTMLElement, tab: HTMLElement, focus: boolean): void {
	for (const other of tablist.querySelectorAll<HTMLElement>('[role="tab"]')) {
		const selected = other === tab;
		other.setAttribute('aria-selected', String(selected));
		other.tabIndex = selected ? 0 : -1;
		const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
		if (panel) panel.hidden = !selected;
	}
	if (focus) tab.focus();
}
