// What a fix changed, highlighted in the editor: the lines it touched and the text it put in. The
// highlight follows later edits and goes when the reader next types, deletes or pastes.
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { ChangeSet } from '@codemirror/state';
import type { EditView } from './view-model.ts';

/** Sets the highlighted ranges (document offsets after the fix). */
const setChanged = StateEffect.define<Array<{ from: number; to: number }>>();

const changedText = Decoration.mark({ class: 'cm-changed' });
const changedLine = Decoration.line({ class: 'cm-changedLine' });

const changedField = StateField.define<DecorationSet>({
	create: () => Decoration.none,
	update(value, tr) {
		for (const effect of tr.effects)
			if (effect.is(setChanged)) {
				const marks = [];
				for (const { from, to } of effect.value) {
					const first = tr.state.doc.lineAt(from).number;
					const last = tr.state.doc.lineAt(to).number;
					for (let line = first; line <= last; line++)
						marks.push(changedLine.range(tr.state.doc.line(line).from));
					if (to > from) marks.push(changedText.range(from, to));
				}
				return Decoration.set(marks, true);
			}
		if (tr.isUserEvent('input') || tr.isUserEvent('delete') || tr.isUserEvent('undo'))
			return Decoration.none;
		return tr.docChanged ? value.map(tr.changes) : value;
	},
	provide: (field) => EditorView.decorations.from(field),
});

/** The highlight's state field (an editor extension). */
export const changedRanges: Extension = changedField;

/** The effect that highlights where `edits` (in the text before `changes`) landed after them. */
export function highlightChanges(changes: ChangeSet, edits: readonly EditView[]) {
	return setChanged.of(
		edits.map((e) => ({ from: changes.mapPos(e.from, -1), to: changes.mapPos(e.to, 1) }))
	);
}

/** The highlighted ranges (for tests and the status line). */
export function changedRangesOf(view: EditorView): Array<{ from: number; to: number }> {
	const ranges: Array<{ from: number; to: number }> = [];
	view.state.field(changedField).between(0, view.state.doc.length, (from, to) => {
		if (to > from) ranges.push({ from, to });
	});
	return ranges;
}
