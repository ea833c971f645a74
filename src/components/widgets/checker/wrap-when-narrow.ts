// On a phone the editor wraps long lines instead of scrolling sideways: a template's long lines
// (URLs, ids) would otherwise leave the view scrolled away from every other line's start after a
// Fix or a finding is shown (rv18d #2). Wider, lines stay unwrapped, as code is usually read.
import { Compartment, type Extension } from '@codemirror/state';
import { EditorView, ViewPlugin } from '@codemirror/view';

/** Windows this narrow or narrower wrap the editor's lines (a phone, a narrow window). */
export const wrapQuery = '(max-width: 40rem)';

/** Line wrapping that follows `wrapQuery` as the window changes width. */
export function wrapWhenNarrow(): Extension {
	const wrapping = new Compartment();
	const narrow = matchMedia(wrapQuery);
	const wrapFor = (matches: boolean) => (matches ? EditorView.lineWrapping : []);
	const follow = ViewPlugin.define((view) => {
		const changed = (event: MediaQueryListEvent) =>
			view.dispatch({ effects: wrapping.reconfigure(wrapFor(event.matches)) });
		narrow.addEventListener('change', changed);
		return { destroy: () => narrow.removeEventListener('change', changed) };
	});
	return [wrapping.of(wrapFor(narrow.matches)), follow];
}
