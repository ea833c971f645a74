// The checker's editor: CodeMirror 6 with line numbers, highlighting for the detected input kind, a
// lint gutter and squiggles for the findings, F8 / Shift-F8 between them. Colours come from
// Starlight's CSS variables, so the editor follows the site's light and dark themes.
import { defaultKeymap, history, historyKeymap, isolateHistory, undo } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
	bracketMatching,
	HighlightStyle,
	StreamLanguage,
	syntaxHighlighting,
	type LanguageSupport,
} from '@codemirror/language';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { powerShell } from '@codemirror/legacy-modes/mode/powershell';
import {
	lintGutter,
	lintKeymap,
	nextDiagnostic,
	previousDiagnostic,
	setDiagnostics,
	type Diagnostic,
} from '@codemirror/lint';
import {
	Compartment,
	EditorSelection,
	EditorState,
	Transaction,
	type ChangeSet,
	type Extension,
	type TransactionSpec,
} from '@codemirror/state';
import {
	closeHoverTooltips,
	drawSelection,
	EditorView,
	highlightActiveLine,
	highlightActiveLineGutter,
	highlightSpecialChars,
	keymap,
	lineNumbers,
	placeholder,
	runScopeHandlers,
	tooltips,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { changedRanges, highlightChanges } from './changed-ranges.ts';
import type { EditorLanguage } from './editor-language.ts';
import { bicepMode, terraformMode } from './iac-modes.ts';
import { revealScroll, stickyMargins } from './reveal.ts';
import type { EditView, FindingView } from './view-model.ts';
import { wrapWhenNarrow } from './wrap-when-narrow.ts';

const languages: Record<EditorLanguage, () => LanguageSupport | Extension> = {
	json: () => json(),
	shell: () => StreamLanguage.define(shell),
	powershell: () => StreamLanguage.define(powerShell),
	bicep: () => StreamLanguage.define(bicepMode),
	terraform: () => StreamLanguage.define(terraformMode),
};

const highlight = HighlightStyle.define([
	{ tag: [tags.propertyName, tags.attributeName], color: 'var(--sl-color-blue-high)' },
	{ tag: [tags.string, tags.special(tags.string)], color: 'var(--sl-color-green-high)' },
	{ tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--sl-color-orange-high)' },
	{
		tag: [tags.keyword, tags.operator, tags.standard(tags.variableName)],
		color: 'var(--sl-color-purple-high)',
	},
	{
		tag: [tags.variableName, tags.definition(tags.variableName)],
		color: 'var(--sl-color-red-high)',
	},
	{ tag: tags.comment, color: 'var(--sl-color-gray-2)', fontStyle: 'italic' },
]);

const theme = EditorView.theme({
	'&': {
		color: 'var(--sl-color-white)',
		backgroundColor: 'var(--sl-color-black)',
		border: '1px solid var(--sl-color-gray-4)',
		borderRadius: '0.25rem',
		fontSize: 'var(--sl-text-xs)',
		height: 'var(--kvcert-checker-height, 24rem)',
	},
	'&.cm-focused': { outline: '2px solid var(--sl-color-accent)', outlineOffset: '2px' },
	'.cm-scroller': { fontFamily: 'var(--__sl-font-mono, monospace)', overflow: 'auto' },
	'.cm-content': { caretColor: 'var(--sl-color-white)' },
	'.cm-placeholder': { color: 'var(--sl-color-gray-3)', fontFamily: 'var(--__sl-font)' },
	'.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--sl-color-white)' },
	'.cm-gutters': {
		backgroundColor: 'var(--sl-color-gray-6)',
		color: 'var(--sl-color-gray-2)',
		borderRight: '1px solid var(--sl-color-hairline)',
	},
	'.cm-activeLine': { backgroundColor: 'transparent' },
	'.cm-activeLineGutter': {
		backgroundColor: 'var(--sl-color-gray-5)',
		color: 'var(--sl-color-white)',
	},
	'&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
		{ backgroundColor: 'var(--sl-color-accent-low)' },
	'.cm-changed': { backgroundColor: 'var(--sl-color-green-low)' },
	'.cm-changedLine': {
		backgroundColor: 'color-mix(in srgb, var(--sl-color-green-low) 55%, transparent)',
	},
	'.cm-changedLine .cm-changed': {
		outline: '1px solid var(--sl-color-green)',
		borderRadius: '2px',
	},
	'.cm-tooltip': {
		color: 'var(--sl-color-white)',
		backgroundColor: 'var(--sl-color-gray-6)',
		border: '1px solid var(--sl-color-gray-4)',
		// The editor's host is a size container (checker.css): a tooltip is never wider than the editor.
		maxWidth: 'calc(100cqi - 1rem)',
		overflowWrap: 'anywhere',
	},
});

/** Closes the hover tooltips (a finding's, after F8); false, so Escape and blur go on as usual. */
function closeTooltips(view: EditorView): boolean {
	view.dispatch({ effects: closeHoverTooltips });
	return false;
}

/**
 * Tooltips (the finding under the cursor after F8, or under the pointer) stay inside the editor's
 * visible part, never over the findings beside it: CodeMirror moves them within this box.
 */
const tooltipsInEditor = tooltips({
	tooltipSpace(view) {
		const box = view.dom.getBoundingClientRect();
		return {
			left: Math.max(box.left, 0),
			right: Math.min(box.right, innerWidth),
			top: Math.max(box.top, 0),
			bottom: Math.min(box.bottom, innerHeight),
		};
	},
});

/**
 * Texts longer than this (characters) are shown without highlighting and bracket matching:
 * CodeMirror's parser would spend seconds of main-thread time on a large template (in slices of up to
 * 100 ms in Chromium), and bracket matching scans the plain text around the cursor.
 */
export const plainAbove = 256 * 1024;

/**
 * Texts longer than this (characters) go into the editor in slices of about this size, one task
 * each, so that setting, opening or pasting a large text never blocks the page for long: splitting
 * 1 MB into lines and updating the view at once takes 100 ms or more on a slow machine.
 */
export const sliceChars = 16 * 1024;

/** Everything but white space (for telling an empty text without copying it). */
const nonBlank = /\S/;

/** The editor as the widget uses it. */
export interface CheckerEditor {
	view: EditorView;
	/** The editor's text (a copy: avoid it for large texts). */
	text(): string;
	/** The text's length (characters). */
	length(): number;
	/** Whether the text is empty or white space only. */
	blank(): boolean;
	/** Replaces the whole text (one undoable step, in slices if large); resolves when it is in. */
	setText(text: string): Promise<void>;
	/** Shows findings as squiggles and gutter markers. */
	setFindings(findings: FindingView[]): void;
	/** Sets the highlighting (in effect while the text is at most {@link plainAbove} characters). */
	setLanguage(language: EditorLanguage): void;
	/**
	 * Selects a range and brings it into view: centred in the editor, below the page's sticky header.
	 * Focuses the editor unless `focus` is false.
	 */
	select(from: number, to: number, focus?: boolean): void;
	/**
	 * Applies a fix's edits as one undoable step, highlights what they changed, and (with `reveal`)
	 * brings the first change into view. The editor's view otherwise stays where it is.
	 */
	applyEdits(edits: EditView[], reveal?: boolean): void;
	/** Undoes the last change (a fix, or the reader's edit); false when there is nothing to undo. */
	undo(): boolean;
}

/** Options of {@link createEditor}. */
export interface EditorOptions {
	/** The text to start with. */
	doc: string;
	/** The editor's accessible name. */
	label: string;
	/** What the empty editor shows. */
	placeholder: string;
	/** The id of the element that describes the editor. */
	describedBy?: string;
	language: EditorLanguage;
	/**
	 * Called after every change of the text with the change; `partial` while a large text goes in
	 * slice by slice and more slices follow; `replaced` when the whole text was replaced (a new paste,
	 * file or example, or the first characters in an empty editor).
	 */
	onChange: (changes: ChangeSet, partial: boolean, replaced: boolean) => void;
	/** Called instead of pasting or dropping a text over the size limit (its length). */
	onTooLarge: (size: number) => void;
	/** The longest text accepted from a paste or drop (characters). */
	maxChars: number;
}

/** Creates the editor inside `parent`. */
export function createEditor(parent: HTMLElement, options: EditorOptions): CheckerEditor {
	const language = new Compartment();
	let current = options.language;
	/** The highlighting in effect: none for a large text. */
	let shown: EditorLanguage | 'plain' = options.doc.length > plainAbove ? 'plain' : current;
	const languageFor = (length: number) => (length > plainAbove ? 'plain' : current);
	const extensionOf = (mode: EditorLanguage | 'plain') =>
		mode === 'plain' ? [] : [languages[mode](), bracketMatching()];
	const reconfigure = (length: number) => {
		const next = languageFor(length);
		if (next === shown) return [];
		shown = next;
		return [language.reconfigure(extensionOf(next))];
	};
	/** The newest slice-by-slice load: a new one stops the one before. */
	let loads = 0;
	/** Where the running load puts its next slice (mapped through every change), or -1. */
	let loadAt = -1;
	/** Set while dispatching a slice that more slices follow. */
	let partial = false;

	/**
	 * Replaces `from`–`to` with `text` as one undoable step: at once when short, else slice by slice at
	 * line ends, one task each (the slices share one time stamp, so the history joins them).
	 */
	const load = async (
		from: number,
		to: number,
		text: string,
		first: TransactionSpec,
		last: (end: number) => TransactionSpec
	) => {
		const id = ++loads;
		const time = Date.now();
		let offset = 0;
		loadAt = to;
		for (let n = 0; ; n++) {
			let end = Math.min(text.length, offset + sliceChars);
			if (end < text.length) {
				const newline = text.indexOf('\n', end);
				end = newline < 0 ? text.length : newline + 1;
			}
			const done = end >= text.length;
			const at = loadAt;
			partial = !done;
			const spec: TransactionSpec = {
				changes: {
					from: n === 0 ? from : at,
					to: n === 0 ? to : at,
					insert: text.slice(offset, end),
				},
				annotations: [Transaction.time.of(time), ...(n === 0 ? [isolateHistory.of('before')] : [])],
			};
			view.dispatch(...(n === 0 ? [spec, first] : [spec]));
			partial = false;
			offset = end;
			if (done) {
				const spec = last(loadAt);
				loadAt = -1;
				if (Object.keys(spec).length > 0) view.dispatch(spec);
				return;
			}
			await new Promise((resolve) => setTimeout(resolve, 0));
			if (id !== loads) return;
		}
	};

	const view = new EditorView({
		parent,
		state: EditorState.create({
			doc: options.doc,
			extensions: [
				lineNumbers(),
				highlightActiveLineGutter(),
				highlightSpecialChars(),
				history(),
				drawSelection(),
				highlightActiveLine(),
				syntaxHighlighting(highlight),
				lintGutter(),
				placeholder(options.placeholder),
				changedRanges,
				revealScroll,
				stickyMargins,
				wrapWhenNarrow(),
				tooltipsInEditor,
				language.of(extensionOf(shown)),
				// The finding's tooltip that F8 opens goes with Escape and when the focus leaves the
				// editor (Tab to the findings), instead of covering lines until the next hover.
				EditorView.domEventHandlers({
					blur: (_event, view) => closeTooltips(view),
				}),
				keymap.of([
					{ key: 'Escape', run: closeTooltips },
					{ key: 'Shift-F8', run: previousDiagnostic },
					{ key: 'F8', run: nextDiagnostic },
					...lintKeymap,
					...defaultKeymap,
					...historyKeymap,
				]),
				theme,
				EditorView.contentAttributes.of({
					// Explicit, so that checkers (axe) see the scrolling editor's focusable content.
					tabindex: '0',
					'aria-label': options.label,
					...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
				}),
				EditorView.domEventHandlers({
					paste(event, view) {
						const text = event.clipboardData?.getData('text/plain') ?? '';
						if (text.length <= sliceChars) return false;
						event.preventDefault();
						if (text.length > options.maxChars) options.onTooLarge(text.length);
						else {
							const { from, to } = view.state.selection.main;
							void load(from, to, text, { userEvent: 'input.paste' }, (end) => ({
								selection: EditorSelection.cursor(end),
								scrollIntoView: true,
							}));
						}
						return true;
					},
				}),
				EditorView.updateListener.of((update) => {
					if (!update.docChanged) return;
					if (loadAt >= 0) loadAt = update.changes.mapPos(loadAt, 1);
					const before = update.startState.doc.length;
					let replaced = false;
					update.changes.iterChangedRanges((fromA, toA) => {
						if (fromA === 0 && toA === before) replaced = true;
					});
					options.onChange(update.changes, partial, replaced);
				}),
			],
		}),
	});
	// CodeMirror builds its key map on the first key press: build it now, not while the reader types.
	setTimeout(() => runScopeHandlers(view, new KeyboardEvent('keydown'), 'editor'), 0);
	return {
		view,
		text: () => view.state.doc.toString(),
		length: () => view.state.doc.length,
		blank() {
			for (const iter = view.state.doc.iter(); !iter.next().done;)
				if (nonBlank.test(iter.value)) return false;
			return true;
		},
		async setText(text) {
			// Highlighting changes first, in a task of its own, while the text in the editor is small.
			const effects = reconfigure(text.length);
			if (effects.length > 0) {
				view.dispatch({ effects });
				await new Promise((resolve) => setTimeout(resolve, 0));
			}
			await load(
				0,
				view.state.doc.length,
				text,
				{ selection: EditorSelection.cursor(0), scrollIntoView: true },
				() => ({})
			);
		},
		setFindings(findings) {
			const length = view.state.doc.length;
			const diagnostics: Diagnostic[] = findings
				.filter((f) => f.from <= length)
				.map((f) => ({
					from: f.from,
					to: Math.min(Math.max(f.to, f.from), length),
					severity: f.severity,
					message: f.ruleId ? `${f.ruleId}: ${f.message}` : f.message,
					...(f.ruleId ? { source: f.ruleId } : {}),
				}));
			view.dispatch(setDiagnostics(view.state, diagnostics));
		},
		setLanguage(next) {
			current = next;
			const effects = reconfigure(view.state.doc.length);
			if (effects.length > 0) view.dispatch({ effects });
		},
		select(from, to, focus = true) {
			const length = view.state.doc.length;
			const range = EditorSelection.range(Math.min(from, length), Math.min(to, length));
			view.dispatch({
				selection: range,
				effects: [closeHoverTooltips, EditorView.scrollIntoView(range, { y: 'center' })],
			});
			if (focus) view.focus();
		},
		applyEdits(edits, reveal = false) {
			const changes = view.state.changes(
				edits.map((e) => ({ from: e.from, to: e.to, insert: e.insert }))
			);
			// The new text of the edit nearest the start, to bring all of it into view.
			const top = edits.reduce<EditView | undefined>(
				(a, e) => (a && a.from <= e.from ? a : e),
				undefined
			);
			const first = top
				? EditorSelection.range(changes.mapPos(top.from, -1), changes.mapPos(top.to, 1))
				: EditorSelection.cursor(0);
			view.dispatch({
				changes,
				effects: [
					highlightChanges(changes, edits),
					...(reveal ? [EditorView.scrollIntoView(first, { y: 'center' })] : []),
				],
				annotations: isolateHistory.of('full'),
			});
		},
		undo: () => undo(view),
	};
}
