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
			const { start, end } = lineOffsets(editor.value, Number(button.dataset['line']));
			editor.focus();
			editor.setSelectionRange(start, end);
			// Scroll the line into view: about one line height per line above it.
			const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
			editor.scrollTop = Math.max(0, (Number(button.dataset['line']) - 3) * lineHeight);
		});
}

/** Keeps a line-number gutter beside a textarea (same lines, same scroll). */
export function syncGutter(gutter: HTMLElement, editor: HTMLTextAreaElement): void {
	const lines = editor.value.split('\n').length;
	if (gutter.dataset['lines'] !== String(lines)) {
		gutter.textContent = Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n');
		gutter.dataset['lines'] = String(lines);
	}
	gutter.scrollTop = editor.scrollTop;
}
