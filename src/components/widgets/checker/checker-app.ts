// The checker widget once the reader reaches for it: the editor, the worker and the findings panel.
// Loaded on first focus, paste, drop, file, example, link or "Open in the checker" (see
// TemplateChecker.astro), so pages carry none of this until then.
import type { ChangeSet } from '@codemirror/state';
import type { Lang, Severity } from '../../../core/check/index.ts';
import type { Translate } from '../../../core/i18n/translator.ts';
import type { ChangeJson } from './change-json.ts';
import { createEditor, plainAbove, type CheckerEditor } from './editor.ts';
import { editorLanguageOf } from './editor-language.ts';
import { checkerExamples } from './examples.ts';
import { findingsTitleShown, markersOf } from './fill-in.ts';
import { renderFillIn } from './fill-in-panel.ts';
import { severities, stepFinding, visibleIndices } from './findings-list.ts';
import { markCurrent, markFindingsStale, renderFindings } from './findings-panel.ts';
import { grammarLoadError } from './protocol.ts';
import { createCheckSchedule } from './schedule.ts';
import { decodeShare, encodeShare, isShareFragment, shareLimit } from './share.ts';
import { uncheckedView, viewOf, maxInputChars, type CheckerView } from './view-model.ts';
import { checkTimeout, createCheckerClient } from './worker-client.ts';

/** What the widget's custom element needs to mount the checker. */
export interface MountOptions {
	lang: Lang;
	t: Translate;
	/** sessionStorage key of this widget's text. */
	storageKey: string;
	/** Whether to restore the text of a `#code=` link. */
	readFragment: boolean;
}

/** The mounted checker, driven by the custom element's controls. */
export interface CheckerApp {
	/** The editor's text. */
	text(): string;
	focus(): void;
	setText(text: string): Promise<void>;
	loadExample(id: string): void;
	openFile(file: File): Promise<void>;
	share(): Promise<void>;
	fixAll(): Promise<void>;
}

/** Text kept in sessionStorage at most (characters), below the usual 5 MB quota. */
const storageLimit = 2_000_000;
/** Texts up to this length are stored as they change; longer ones when the page is left. */
const eagerStorageLimit = 64 * 1024;
/** How long "Copy link" says "Copied" (ms). */
const copiedFor = 2500;

/** Mounts the editor in place of the widget's plain text area and starts checking. */
export async function mountChecker(root: HTMLElement, options: MountOptions): Promise<CheckerApp> {
	const { lang, t, storageKey } = options;
	const q = <T extends Element>(selector: string) => root.querySelector(selector) as T;
	const textarea = q<HTMLTextAreaElement>('[data-textarea]');
	const status = q<HTMLElement>('[data-status]');
	const detail = q<HTMLElement>('[data-detail]');
	const notice = q<HTMLElement>('[data-notice]');
	const undoButton = q<HTMLButtonElement>('[data-undo]');
	const list = q<HTMLOListElement>('[data-findings]');
	const fillInSection = q<HTMLElement>('[data-fill-in]');
	const fillInList = q<HTMLOListElement>('[data-fill-in-list]');
	const findingsTitle = q<HTMLElement>('[data-findings-title]');
	const fixAllButton = q<HTMLButtonElement>('[data-fix-all]');
	const shareButton = q<HTMLButtonElement>('[data-share]');
	const summaryTools = q<HTMLElement>('[data-summary-tools]');
	const filterButtons = [...root.querySelectorAll<HTMLButtonElement>('[data-filter]')];
	const host = q<HTMLElement>('[data-editor-host]');
	/** The findings column (side by side it scrolls on its own). */
	const results = q<HTMLElement>('.results');
	const summaryBar = q<HTMLElement>('[data-summary]');

	let initial = textarea.value;
	let restored: 'link' | 'damaged' | undefined;
	if (options.readFragment && isShareFragment(location.hash)) {
		const text = await decodeShare(location.hash);
		restored = text === undefined ? 'damaged' : 'link';
		if (text !== undefined) initial = text;
	} else if (!initial) {
		try {
			initial = sessionStorage.getItem(storageKey) ?? '';
		} catch {
			// Storage unavailable (privacy settings): start empty.
		}
	}
	if (initial.length > maxInputChars) initial = '';

	const schedule = createCheckSchedule();
	let view: CheckerView | undefined;
	let broken = false;
	/** The severities the reader shows (all, until a filter button is pressed). */
	const shown = new Set<Severity>(severities);
	/** The groups the reader opened, by their first finding's index. */
	const expanded = new Set<number>();
	/** The finding the reader last went to (click, Enter, next, previous). */
	let current: number | undefined;
	/**
	 * Set when the whole text was replaced: its findings are shown from the top of the column. A text
	 * pasted or typed into the plain text area before the editor loaded is new text too (it becomes
	 * the editor's first content, so no replacement is seen).
	 */
	let newText = initial !== '' && initial === textarea.value;

	const client = createCheckerClient({
		onError(name) {
			broken = true;
			const grammar = name === grammarLoadError;
			status.textContent = t(
				grammar ? 'kvcert.checker.state.grammarError' : 'kvcert.checker.state.error'
			);
			detail.textContent = grammar ? t('kvcert.checker.state.grammarErrorDetail') : '';
			root.dataset['state'] = 'error';
			delete root.dataset['worst'];
		},
		// The check ran past its bound and its worker was replaced: this text stays unchecked, and
		// the next edit is checked by the new worker.
		onTimeout: () =>
			notChecked(
				'timedOut',
				t('kvcert.checker.state.timedOut', { seconds: checkTimeout / 1000 }),
				t('kvcert.checker.state.timedOutDetail')
			),
		text: () => editor.text(),
	});

	/** Whether the notice says the link was copied: it goes with the next edit (the link is then old). */
	let linkNotice = false;
	const say = (text: string, undoable = false) => {
		notice.textContent = text;
		undoButton.hidden = !undoable;
		linkNotice = false;
	};
	const renderList = (fresh: boolean) => {
		if (!view) return;
		const options = { t, fresh, shown, expanded, onSelect: select, onFix: fix };
		renderFillIn(fillInSection, fillInList, view, {
			...options,
			onSelectPlace: (place) => editor.select(place.from, place.to),
		});
		renderFindings(list, view, options);
		findingsTitle.hidden = !findingsTitleShown(view.fillIn, view.findings);
		markCurrent(list, current);
	};
	const show = (next: CheckerView, fresh: boolean) => {
		if (view?.findings !== next.findings) {
			current = undefined;
			expanded.clear();
		}
		view = next;
		root.dataset['state'] = next.state;
		const worst = severities.find((s) => next.counts[s] > 0);
		if (worst) root.dataset['worst'] = worst;
		else delete root.dataset['worst'];
		status.textContent = next.summary;
		detail.textContent = next.detail;
		summaryTools.hidden = severities.every((s) => next.counts[s] === 0);
		for (const button of filterButtons) {
			const severity = button.dataset['filter'] as Severity;
			button.querySelector('[data-count]')!.textContent = String(next.counts[severity]);
			button.disabled = next.counts[severity] === 0;
		}
		renderList(fresh);
		if (fresh && newText) {
			newText = false;
			results.scrollTop = 0;
			// Stacked (a phone), a pasted text fills the editor and pushes the summary bar below the
			// window: the page moves up just enough to show what the check found.
			const below = summaryBar.getBoundingClientRect().bottom - window.innerHeight;
			if (below > 0 && getComputedStyle(results).display === 'contents') window.scrollBy(0, below);
		}
		fixAllButton.disabled = !fresh || next.fixable === 0;
		if (!fresh) return;
		// For a large text, the editor's markers follow in a task of their own.
		if (editor.length() <= plainAbove) editor.setFindings(markersOf(next.findings));
		else
			setTimeout(() => {
				if (view === next) editor.setFindings(markersOf(next.findings));
			}, 0);
	};

	/** Shows finding `index` in the editor and marks its row; `focus` moves the cursor there too. */
	const select = (index: number, focus = true) => {
		const finding = view?.findings[index];
		if (!finding) return;
		current = index;
		markCurrent(list, index)?.scrollIntoView({ block: 'nearest' });
		editor.select(finding.from, finding.to, focus);
	};
	const fix = (index: number) => {
		const finding = view?.findings[index];
		if (!finding?.fix || !schedule.isFresh()) return;
		editor.applyEdits(finding.fix.edits, true);
		say(
			finding.ruleId
				? t('kvcert.checker.fixedRule', { rule: finding.ruleId, line: finding.line })
				: t('kvcert.checker.fixedOne'),
			true
		);
		// The fixed row goes away with the next check: keep the keyboard's place on Undo.
		undoButton.focus({ preventScroll: true });
	};

	for (const button of filterButtons)
		button.addEventListener('click', () => {
			const severity = button.dataset['filter'] as Severity;
			const showing = !shown.has(severity);
			if (showing) shown.add(severity);
			else shown.delete(severity);
			button.setAttribute('aria-pressed', String(showing));
			renderList(schedule.isFresh());
		});
	for (const button of root.querySelectorAll<HTMLButtonElement>('[data-step]'))
		button.addEventListener('click', () => {
			if (!view) return;
			const next = stepFinding(
				visibleIndices(view.findings, shown, view.fillIn.taken),
				current,
				button.dataset['step'] === '-1' ? -1 : 1
			);
			if (next !== undefined) select(next, false);
		});
	undoButton.addEventListener('click', () => {
		if (editor.undo()) say(t('kvcert.checker.undone'));
		else say('');
		editor.view.focus();
	});

	// sessionStorage writes are synchronous and slow for large values: small texts are kept as they
	// change, large ones once, when the page is left (e.g. switching the language).
	const save = (text: string) => {
		try {
			if (!text || text.length > storageLimit) sessionStorage.removeItem(storageKey);
			else sessionStorage.setItem(storageKey, text);
		} catch {
			// Storage full or unavailable: the text stays in the editor only.
		}
	};
	addEventListener('pagehide', () => save(editor.text()));
	// The check reads no text on this thread: the worker has its own copy (see worker-client.ts), and
	// only texts short enough to be highlighted or kept as they change are read here.
	const check = async () => {
		const requested = schedule.started();
		const length = editor.length();
		const text = length <= Math.max(eagerStorageLimit, plainAbove) ? editor.text() : undefined;
		if (text !== undefined && length <= eagerStorageLimit) save(text);
		const unchecked = uncheckedView({ length, blank: editor.blank() }, t);
		if (unchecked) {
			root.removeAttribute('aria-busy');
			schedule.checked(requested);
			if (text !== undefined) editor.setLanguage(editorLanguageOf(text));
			show(unchecked, true);
			return;
		}
		if (broken) return root.removeAttribute('aria-busy');
		const result = await client.check(lang);
		if (schedule.isLatest(requested)) root.removeAttribute('aria-busy');
		if (!result || !schedule.isLatest(requested)) return;
		schedule.checked(requested);
		if (text !== undefined) editor.setLanguage(editorLanguageOf(text, result.kind));
		show(viewOf(result, lang, t), true);
	};
	const changed = (changes: ChangeSet, partial: boolean, replaced: boolean) => {
		client.change(changes.toJSON() as ChangeJson);
		root.setAttribute('aria-busy', 'true');
		// "Nothing to check yet" would contradict the text just given while its first check runs.
		if (root.dataset['state'] === 'empty' && !editor.blank()) {
			status.textContent = t('kvcert.checker.state.checking');
			detail.textContent = '';
		}
		// A new text: what the notice said (fixed, undone, link copied) was about the old one.
		if (replaced) {
			newText = true;
			say('');
		} else if (linkNotice) say('');
		markFindingsStale(list);
		markFindingsStale(fillInSection);
		fixAllButton.disabled = true;
		// A large text going in slice by slice is checked once, after its last slice.
		schedule.changed(partial, () => void check());
	};

	/** A text the checker did not check, said in the status. */
	const notChecked = (state: 'tooLarge' | 'timedOut', message: string, more: string) => {
		root.removeAttribute('aria-busy');
		root.dataset['state'] = state;
		delete root.dataset['worst'];
		status.textContent = message;
		detail.textContent = more;
		list.replaceChildren();
		fillInSection.hidden = true;
		findingsTitle.hidden = true;
		summaryTools.hidden = true;
		fixAllButton.disabled = true;
	};
	const tooLarge = (size: number) =>
		notChecked(
			'tooLarge',
			t('kvcert.checker.state.tooLarge', {
				size: (size / 1024 / 1024).toFixed(1),
				limit: maxInputChars / 1024 / 1024,
			}),
			t('kvcert.checker.state.tooLargeDetail')
		);

	const editor: CheckerEditor = createEditor(host, {
		doc: initial,
		label: t('kvcert.checker.editorLabel'),
		placeholder: textarea.placeholder,
		describedBy: textarea.getAttribute('aria-describedby') ?? undefined,
		language: editorLanguageOf(initial),
		onChange: changed,
		onTooLarge: tooLarge,
		maxChars: maxInputChars,
	});
	client.reset(editor.text());
	textarea.remove();
	root.dataset['ready'] = 'true';
	root.setAttribute('aria-busy', 'true');
	if (restored === 'link') say(t('kvcert.checker.share.restored'));
	if (restored === 'damaged') say(t('kvcert.checker.share.damaged'));
	void check();

	let copiedTimer: ReturnType<typeof setTimeout> | undefined;
	const shareLabel = shareButton.textContent ?? '';
	const app: CheckerApp = {
		text: () => editor.text(),
		focus: () => editor.view.focus(),
		async setText(text) {
			if (text.length > maxInputChars) return tooLarge(text.length);
			say('');
			// Highlighting first, while the document is small: switching it later re-parses everything
			// (a text too long to be highlighted is not looked at here).
			if (text.length <= plainAbove) editor.setLanguage(editorLanguageOf(text));
			await editor.setText(text);
		},
		loadExample(id) {
			const example = checkerExamples.find((e) => e.id === id);
			if (example) void app.setText(example.text);
		},
		async openFile(file) {
			if (file.size > maxInputChars) return tooLarge(file.size);
			try {
				const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
				await app.setText(text.replace(/^\uFEFF/, ''));
				say(t('kvcert.checker.file.opened', { file: file.name }));
			} catch {
				say(t('kvcert.checker.file.notText', { file: file.name }));
			}
		},
		async share() {
			const encoded = await encodeShare(editor.text());
			if (!encoded.ok) {
				say(
					t('kvcert.checker.share.tooLarge', {
						size: Math.ceil(encoded.size / 1024),
						limit: shareLimit / 1024,
					})
				);
				return;
			}
			const url = `${location.origin}${location.pathname}${encoded.fragment}`;
			history.replaceState(history.state, '', url);
			try {
				await navigator.clipboard.writeText(url);
				say(t('kvcert.checker.share.copied'));
				linkNotice = true;
				// The button itself says so for a moment, where the reader is looking.
				shareButton.textContent = `✓ ${t('kvcert.checker.share.copiedShort')}`;
				shareButton.dataset['copied'] = '';
				clearTimeout(copiedTimer);
				copiedTimer = setTimeout(() => {
					shareButton.textContent = shareLabel;
					delete shareButton.dataset['copied'];
				}, copiedFor);
			} catch {
				say(t('kvcert.checker.share.inAddressBar'));
			}
		},
		async fixAll() {
			const requested = schedule.version();
			fixAllButton.disabled = true;
			const result = await client.fixAll(lang);
			if (!result || !schedule.isLatest(requested)) return;
			const changed = result.edits.length > 0;
			say(
				result.fixed === 1
					? t('kvcert.checker.fixedOne')
					: t('kvcert.checker.fixedMany', { count: result.fixed }),
				changed
			);
			if (!changed) return;
			// On a phone the notice sits below the editor: it comes into view first, then the editor
			// shows the first changed line (and moves the page only if that line is still out of sight).
			notice.scrollIntoView({ block: 'nearest' });
			editor.applyEdits(result.edits, true);
			// The button turns disabled under the keyboard's focus: the focus goes to Undo instead of
			// falling to the page's start.
			undoButton.focus({ preventScroll: true });
		},
	};
	return app;
}
