import type { WorkshopLocale } from './locale.ts';
import { lineOffsets, type TemplateResult } from './template-exercise.ts';

/**
 * Renders a template result into its box (exercises A and E): the verdict, then the findings, each
 * with a button that selects its line in the editor. Exercise A's first result is the same markup,
 * rendered at build time.
 */
export function renderTemplateResult(
	box: HTMLElement,
	result: TemplateResult,
	locale: WorkshopLocale,
	editor: HTMLTextAreaElement
): void {
	const verdict = document.createElement('p');
	verdict.className = result.complete ? 'done' : 'wrong';
	verdict.textContent = result.verdict;
	box.replaceChildren(verdict);
	const list = (findings: TemplateResult['errors']) => {
		const ul = document.createElement('ul');
		for (const finding of findings) {
			const li = document.createElement('li');
			const go = document.createElement('button');
			go.type = 'button';
			go.className = 'kv-link';
			go.dataset['line'] = String(finding.line);
			go.textContent = locale.t('a.line', { line: finding.line });
			go.setAttribute('aria-label', locale.t('a.goToLine', { line: finding.line }));
			li.append(go, `: ${finding.text}`);
			ul.append(li);
		}
		return ul;
	};
	if (result.errors.length) box.append(list(result.errors));
	if (result.warnings.length) {
		const p = document.createElement('p');
		p.textContent = locale.t('a.warnings');
		box.append(p, list(result.warnings));
	}
	wireLineButtons(box, editor);
}

/** Makes the line buttons in a result box select their line in the editor. */
export function wireLineButtons(box: HTMLElement, editor: HTMLTextAreaElement): void {
	for (const button of box.querySelectorAll<HTMLButtonElement>('button[data-line]'))
		button.addEventListener('click', () => {
			const line = Number(button.dataset['line']);
			const { start, end } = lineOffsets(editor.value, line);
			editor.focus();
			editor.setSelectionRange(start, end);
			// Scroll the line into view, two rows below the top: count the rows above it (a wrapped
			// line takes several on a phone).
			const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
			const rows = visualRows(editor);
			const above = rows ? rows.slice(0, line - 1).reduce((sum, n) => sum + n, 0) : line - 1;
			editor.scrollTop = Math.max(0, (above - 2) * lineHeight);
		});
}

/**
 * The gutter's text for lines that take these numbers of rows: each number, then one empty row per
 * extra row its line wraps onto, so every number stays beside the first row of its line.
 */
export function gutterText(rows: readonly number[]): string {
	return rows.map((n, i) => String(i + 1) + '\n'.repeat(Math.max(0, n - 1))).join('\n');
}

/** Above this many lines the editor does not measure wrapped rows (a pasted file, not exercise A). */
const MEASURED_LINES = 2000;

/**
 * How many rows each line of a wrapping textarea takes (narrow screens wrap exercise A's long
 * URLs), measured on a hidden copy of its text box; undefined when the textarea does not wrap.
 */
export function visualRows(editor: HTMLTextAreaElement): number[] | undefined {
	const style = getComputedStyle(editor);
	if (style.whiteSpace === 'pre' || style.whiteSpace === 'nowrap') return undefined;
	const lines = editor.value.split('\n');
	if (lines.length > MEASURED_LINES) return undefined;
	const lineHeight = parseFloat(style.lineHeight) || 20;
	const width = editor.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
	const mirror = document.createElement('div');
	mirror.setAttribute('aria-hidden', 'true');
	Object.assign(mirror.style, {
		position: 'absolute',
		visibility: 'hidden',
		insetBlockStart: '0',
		insetInlineStart: '-9999px',
		width: `${Math.max(1, width)}px`,
		font: style.font,
		letterSpacing: style.letterSpacing,
		tabSize: style.tabSize,
		lineHeight: style.lineHeight,
		whiteSpace: style.whiteSpace,
		overflowWrap: style.overflowWrap,
		wordBreak: style.wordBreak,
	});
	for (const line of lines) {
		const row = document.createElement('div');
		// An empty line still takes one row.
		row.textContent = line || '\u200b';
		mirror.append(row);
	}
	document.body.append(mirror);
	const rows = [...mirror.children].map((row) =>
		Math.max(1, Math.round(row.getBoundingClientRect().height / lineHeight))
	);
	mirror.remove();
	return rows;
}

/**
 * Keeps a line-number gutter beside a wrapping textarea (exercises A and E): it scrolls with the
 * textarea, and its rows are counted again when the width changes (a narrow screen wraps more) and
 * whenever the returned function is called (after the text changed).
 */
export function attachGutter(gutter: HTMLElement, editor: HTMLTextAreaElement): () => void {
	const sync = () => syncGutter(gutter, editor);
	editor.addEventListener('scroll', () => (gutter.scrollTop = editor.scrollTop));
	let width = 0;
	new ResizeObserver(() => {
		if (editor.clientWidth === width) return;
		width = editor.clientWidth;
		sync();
	}).observe(editor);
	return sync;
}

/** Keeps a line-number gutter beside a textarea (same lines, same scroll, wrapped rows counted). */
function syncGutter(gutter: HTMLElement, editor: HTMLTextAreaElement): void {
	const rows = visualRows(editor) ?? editor.value.split('\n').map(() => 1);
	const text = gutterText(rows);
	if (gutter.textContent !== text) gutter.textContent = text;
	gutter.scrollTop = editor.scrollTop;
}
