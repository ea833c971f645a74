// Bringing a finding's range into view: centred in the editor, and the editor scrolled on the page
// just enough that the range sits below the site's sticky header (and the mobile "On this page"
// bar), never under it. CodeMirror's own scrolling would centre the range in the window too, moving
// the whole page on every click; this scrolls the page only when the range is not already in sight.
import type { SelectionRange } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

/** The page's top area covered by sticky bars (px): Starlight's scroll padding says how much. */
export function coveredTop(): number {
	const padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop);
	return Number.isFinite(padding) ? padding : 0;
}

/** Lines of context kept above and below a revealed range when the page scrolls to it. */
const contextLines = 2;

/**
 * The scroll handler: for a request made with `y: 'center'`, centres the range in the editor's
 * scroller, then scrolls the page only if the range is above the uncovered area or below the window.
 */
export const revealScroll = EditorView.scrollHandler.of(
	(view: EditorView, range: SelectionRange, options: { y: string }) => {
		if (options.y !== 'center') return false;
		const start = view.coordsAtPos(range.from, 1);
		if (!start) return false;
		const end = view.coordsAtPos(range.to, -1) ?? start;
		const scroller = view.scrollDOM;
		const box = scroller.getBoundingClientRect();
		const half = scroller.clientHeight / 2;
		const bottom = Math.min(end.bottom, start.top + half);
		const before = scroller.scrollTop;
		scroller.scrollTop += (start.top + bottom) / 2 - (box.top + half);
		const moved = scroller.scrollTop - before;
		// Sideways: a finding far along a long line.
		const gutter = view.dom.querySelector<HTMLElement>('.cm-gutters')?.offsetWidth ?? 0;
		if (start.left < box.left + gutter + 8 || start.left > box.right - 24)
			scroller.scrollLeft += start.left - (box.left + gutter + 8) - 40;

		const context = view.defaultLineHeight * contextLines;
		const top = start.top - moved - context;
		const lower = bottom - moved + context;
		const covered = coveredTop();
		if (top < covered) window.scrollBy(0, top - covered);
		else if (lower > window.innerHeight) window.scrollBy(0, lower - window.innerHeight);
		return true;
	}
);

/**
 * Keeps the cursor out from under the sticky header while typing or moving with the keyboard: when
 * the editor's top is under the header, its scroller keeps that much room above the cursor.
 */
export const stickyMargins = EditorView.scrollMargins.of((view) => ({
	top: Math.max(0, coveredTop() - view.scrollDOM.getBoundingClientRect().top),
}));
