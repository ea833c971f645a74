// The findings list under the editor: one row per finding with its severity (icon, colour, word),
// the message (a button that selects the range), the rule link, line:column and a Fix button.
import type { Severity } from '../../../core/check/types.ts';
import type { Translate } from '../../../core/i18n/translator.ts';
import type { CheckerView } from './view-model.ts';

/** Rows rendered at most; a note says how many more there are. */
export const maxRows = 500;

const icons: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

/** How the panel reacts to the reader. */
export interface PanelOptions {
	t: Translate;
	/** Whether the view belongs to the editor's current text (fixes are offered only then). */
	fresh: boolean;
	onSelect: (from: number, to: number) => void;
	onFix: (index: number) => void;
}

function element<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	className: string,
	text?: string
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	if (className) el.className = className;
	if (text !== undefined) el.textContent = text;
	return el;
}

/** Renders a view's findings into the list. */
export function renderFindings(list: HTMLElement, view: CheckerView, options: PanelOptions): void {
	const { t, fresh } = options;
	const rows = view.findings.slice(0, maxRows).map((finding, index) => {
		const row = element('li', `finding ${finding.severity}`);
		row.dataset['severity'] = finding.severity;
		row.dataset['line'] = String(finding.line);
		if (finding.ruleId) row.dataset['rule'] = finding.ruleId;

		const severity = element('span', 'severity');
		severity.append(
			element('span', 'icon', icons[finding.severity]),
			` ${t(`kvcert.checker.severity.${finding.severity}`)}`
		);
		severity.firstElementChild?.setAttribute('aria-hidden', 'true');

		const message = element('button', 'message', finding.message);
		message.type = 'button';
		message.dataset['select'] = '';
		message.addEventListener('click', () => options.onSelect(finding.from, finding.to));

		const meta = element('span', 'meta');
		const where = element(
			'span',
			'where',
			t('kvcert.checker.finding.where', { line: finding.line, column: finding.column })
		);
		if (finding.ruleId && finding.ruleUrl) {
			const link = element('a', 'rule', finding.ruleId);
			link.href = finding.ruleUrl;
			meta.append(link, ' ');
		}
		meta.append(where);
		row.append(severity, message, meta);

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
	});
	if (view.findings.length > maxRows) {
		const more = element(
			'li',
			'more',
			t('kvcert.checker.truncated', { shown: maxRows, count: view.findings.length })
		);
		rows.push(more);
	}
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
