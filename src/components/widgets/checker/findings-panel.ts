// The findings list beside (or under) the editor: one row per finding with its severity (icon,
// colour, word), the message (a button that shows the range in the editor), the rule link,
// line:column and a Fix button; identical findings as one expandable group ("8 × KV050 …").
import type { Severity } from '../../../core/check/index.ts';
import type { Translate } from '../../../core/i18n/translator.ts';
import { groupFindings, visibleEntries, withoutTaken, type ListEntry } from './findings-list.ts';
import type { CheckerView, FindingView } from './view-model.ts';

/** Rows rendered at most; a note says how many more there are. */
export const maxRows = 500;

/** The icon of each severity (beside its word, never alone). */
export const severityIcons: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** How the panel reacts to the reader. */
export interface PanelOptions {
	t: Translate;
	/** Whether the view belongs to the editor's current text (fixes are offered only then). */
	fresh: boolean;
	/** The severities shown. */
	shown: ReadonlySet<Severity>;
	/** The groups the reader opened, by the index of their first finding. */
	expanded: Set<number>;
	/** The reader chose finding `index` (click, tap, Enter). */
	onSelect: (index: number) => void;
	onFix: (index: number) => void;
}

/** A new element with a class and, optionally, its text. */
export function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	text?: string
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	if (className) el.className = className;
	if (text !== undefined) el.textContent = text;
	return el;
}

function severityOf(severity: Severity, t: Translate, count?: number): HTMLElement {
	const label = element('span', 'severity');
	label.append(
		element('span', 'icon', severityIcons[severity]),
		` ${count === undefined ? '' : `${count} × `}${t(`kvcert.checker.severity.${severity}`)}`
	);
	label.firstElementChild?.setAttribute('aria-hidden', 'true');
	return label;
}

/** One finding's row (also used in the fill-in list for a finding at a placeholder). */
export function findingRow(
	finding: FindingView,
	index: number,
	options: PanelOptions
): HTMLLIElement {
	const { t, fresh } = options;
	const row = element('li', `finding ${finding.severity}`);
	row.dataset['severity'] = finding.severity;
	row.dataset['line'] = String(finding.line);
	row.dataset['index'] = String(index);
	if (finding.ruleId) row.dataset['rule'] = finding.ruleId;

	const message = element('button', 'message', finding.message);
	message.type = 'button';
	message.dataset['select'] = '';
	message.addEventListener('click', () => options.onSelect(index));

	const meta = element('span', 'meta');
	if (finding.ruleId && finding.ruleUrl) {
		const link = element('a', 'rule', finding.ruleId);
		link.href = finding.ruleUrl;
		meta.append(link, ' ');
	}
	meta.append(
		element(
			'span',
			'where',
			t('kvcert.checker.finding.where', { line: finding.line, column: finding.column })
		)
	);
	row.append(severityOf(finding.severity, t), message, meta);

	if (finding.fix) {
		const fix = element('button', 'fix', t('kvcert.checker.fix'));
		fix.type = 'button';
		fix.dataset['fix'] = '';
		fix.disabled = !fresh;
		fix.setAttribute(
			'aria-label',
			t('kvcert.checker.fixLabel', {
				rule: finding.ruleId ?? '',
				line: finding.line,
				description: finding.fix.description,
			})
		);
		fix.addEventListener('click', () => options.onFix(index));
		row.append(fix);
	}
	return row;
}

function groupRow(
	entry: Extract<ListEntry, { kind: 'group' }>,
	findings: readonly FindingView[],
	options: PanelOptions
): HTMLLIElement {
	const { t } = options;
	const first = entry.indices[0]!;
	const finding = findings[first]!;
	const row = element('li', `group ${entry.severity}`);
	row.dataset['severity'] = entry.severity;
	row.dataset['count'] = String(entry.indices.length);
	if (finding.ruleId) row.dataset['rule'] = finding.ruleId;

	const open = options.expanded.has(first);
	const toggle = element('button', 'toggle');
	toggle.type = 'button';
	toggle.setAttribute('aria-expanded', String(open));
	toggle.dataset['toggle'] = '';
	toggle.append(
		element('span', 'chevron'),
		severityOf(entry.severity, t, entry.indices.length),
		element('span', 'message', finding.message)
	);
	toggle.firstElementChild?.setAttribute('aria-hidden', 'true');
	const meta = element('span', 'meta');
	if (finding.ruleId && finding.ruleUrl) {
		const link = element('a', 'rule', finding.ruleId);
		link.href = finding.ruleUrl;
		meta.append(link, ' ');
	}
	const lines = [...new Set(entry.indices.map((i) => findings[i]!.line))];
	meta.append(
		element(
			'span',
			'where',
			t('kvcert.checker.group.lines', {
				lines: lines.length > 6 ? `${lines.slice(0, 6).join(', ')}, …` : lines.join(', '),
			})
		)
	);
	const members = element('ol', 'members');
	members.hidden = !open;
	members.append(...entry.indices.map((i) => findingRow(findings[i]!, i, options)));
	toggle.addEventListener('click', () => {
		const opening = members.hidden;
		members.hidden = !opening;
		toggle.setAttribute('aria-expanded', String(opening));
		if (opening) options.expanded.add(first);
		else options.expanded.delete(first);
	});
	row.append(toggle, meta, members);
	return row;
}

/** Renders a view's findings into the list: the severities shown, identical findings grouped. */
export function renderFindings(list: HTMLElement, view: CheckerView, options: PanelOptions): void {
	const { t, fresh } = options;
	const entries = visibleEntries(
		withoutTaken(groupFindings(view.findings), view.fillIn.taken),
		view.findings,
		options.shown
	);
	let budget = maxRows;
	const rows: HTMLLIElement[] = [];
	for (const entry of entries) {
		if (budget <= 0) break;
		if (entry.kind === 'finding')
			rows.push(findingRow(view.findings[entry.index]!, entry.index, options));
		else rows.push(groupRow(entry, view.findings, options));
		budget -= entry.kind === 'finding' ? 1 : entry.indices.length;
	}
	const listed = entries.reduce((n, e) => n + (e.kind === 'finding' ? 1 : e.indices.length), 0);
	if (listed > maxRows)
		rows.push(
			element('li', 'more', t('kvcert.checker.truncated', { shown: maxRows, count: listed }))
		);
	list.replaceChildren(...rows);
	list.hidden = rows.length === 0;
	list.toggleAttribute('data-stale', !fresh);
}

/**
 * Marks the rendered findings as belonging to an older text (fixes disabled) without rebuilding the
 * rows, so that typing in a large text with many findings never re-renders the list per keystroke.
 */
export function markFindingsStale(list: HTMLElement): void {
	if (list.hasAttribute('data-stale')) return;
	list.setAttribute('data-stale', '');
	for (const button of list.querySelectorAll<HTMLButtonElement>('[data-fix]'))
		button.disabled = true;
}

/** Marks the row of finding `index` as the current one (after a click, Enter, next or previous). */
export function markCurrent(list: HTMLElement, index: number | undefined): HTMLElement | undefined {
	for (const row of list.querySelectorAll('[aria-current]')) row.removeAttribute('aria-current');
	if (index === undefined) return undefined;
	const row = list.querySelector<HTMLElement>(`li.finding[data-index="${index}"]`);
	if (!row) return undefined;
	// A finding inside a closed group: open the group, so the row is there to see.
	const members = row.closest<HTMLElement>('ol.members');
	if (members?.hidden)
		members.parentElement?.querySelector<HTMLButtonElement>('[data-toggle]')?.click();
	row.setAttribute('aria-current', 'true');
	return row;
}
