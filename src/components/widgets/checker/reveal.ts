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

/** Room kept beside a revealed range, left (after the gutter) and right (px). */
const sideMargin = 16;

/**
 * The editor's sideways scroll that shows a range: 0 when the range fits without scrolling, else
 * just enough to show its end, or its start when it is wider than the view. `start` and `end` are the
 * range's x in the unscrolled content, `from` and `to` the part of the scroller text is seen in.
 */
export function sidewaysScroll(at: { start: number; end: number; from: number; to: number }) {
	if (at.end <= at.to) return 0;
	return Math.max(0, Math.min(at.end - at.to, at.start - at.from));
}

/**
 * The scroll handler: for a request made with `y: 'center'`, centres the range in the editor's
 * scroller, then scrolls the page only if the range is above the uncovered area or below the window.
 * CodeMirror runs it in the middle of an update, where reading its layout (coordsAtPos) throws:
 * heights come from the line blocks and the DOM's own boxes, and the sideways scroll, which needs
 * the range's x, waits for the next measure.
 */
export const revealScroll = EditorView.scrollHandler.of(
	(view: EditorView, range: SelectionRange, options: { y: string }) => {
		if (options.y !== 'center') return false;
		const documentTop = view.documentTop;
		const startTop = documentTop + view.lineBlockAt(range.from).top;
		const scroller = view.scrollDOM;
		const box = scroller.getBoundingClientRect();
		const half = scroller.clientHeight / 2;
		const bottom = Math.min(documentTop + view.lineBlockAt(range.to).bottom, startTop + half);
		const before = scroller.scrollTop;
		scroller.scrollTop += (startTop + bottom) / 2 - (box.top + half);
		const moved = scroller.scrollTop - before;

		const context = view.defaultLineHeight * contextLines;
		const top = startTop - moved - context;
		const lower = bottom - moved + context;
		const covered = coveredTop();
		if (top < covered) window.scrollBy(0, top - covered);
		else if (lower > window.innerHeight) window.scrollBy(0, lower - window.innerHeight);

		// Sideways: as little as shows the whole range (none when it fits from the left edge), so a
		// change at the end of a long line does not leave every other line cut at the left.
		view.requestMeasure({
			read(measured) {
				const start = measured.coordsAtPos(range.from, 1);
				const end = measured.coordsAtPos(range.to, -1) ?? start;
				if (!start || !end) return undefined;
				const gutter = measured.dom.querySelector<HTMLElement>('.cm-gutters')?.offsetWidth ?? 0;
				const { left } = measured.scrollDOM.getBoundingClientRect();
				const scrolled = measured.scrollDOM.scrollLeft;
				return sidewaysScroll({
					start: start.left - left + scrolled,
					end: end.right - left + scrolled,
					from: gutter + sideMargin,
					to: measured.scrollDOM.clientWidth - sideMargin,
				});
			},
			write(scrollLeft, measured) {
				if (scrollLeft !== undefined) measured.scrollDOM.scrollLeft = scrollLeft;
			},
		});
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
