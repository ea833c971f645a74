import { ChangeSet, EditorState, Text } from '@codemirror/state';
import { describe, expect, test } from 'vitest';
import {
	applyChangeJson,
	type ChangeJson,
} from '../../../src/components/widgets/checker/change-json.ts';

// The worker's copy of the editor's text must stay equal to CodeMirror's own after every change.
describe('applyChangeJson', () => {
	const apply = (doc: string, changes: ChangeSet) =>
		applyChangeJson(doc, changes.toJSON() as ChangeJson);

	test('gives the text CodeMirror gives, for insertions, deletions and replacements', () => {
		const doc = '{\n  "a": 1,\n  "b": [2, 3]\n}\n';
		const specs = [
			{ from: 0, insert: '// x\n' },
			{ from: 5, to: 11 },
			{ from: 3, to: 8, insert: 'line one\nline two\n\nline four' },
			[
				{ from: 1, insert: 'A' },
				{ from: 10, to: 14, insert: '\n' },
				{ from: doc.length, insert: 'end' },
			],
			{ from: 0, to: doc.length, insert: '' },
		];
		for (const spec of specs) {
			const state = EditorState.create({ doc });
			const tr = state.update({ changes: spec });
			expect(apply(doc, tr.changes)).toBe(tr.state.doc.toString());
		}
	});

	test('follows a sequence of changes, as the worker receives them', () => {
		let state = EditorState.create({ doc: '' });
		let copy = '';
		const steps = ['{', '\n  "x": 1', '\n}', ''];
		for (const insert of steps) {
			const tr = state.update({ changes: { from: state.doc.length, insert } });
			copy = apply(copy, tr.changes);
			state = tr.state;
		}
		const tr = state.update({ changes: { from: 2, to: 6, insert: 'y\r\nz' } });
		copy = apply(copy, tr.changes);
		expect(copy).toBe(tr.state.doc.toString());
		expect(copy).toBe('{\ny\nz": 1\n}');
	});

	test('refuses a change made for another text, rather than checking a wrong copy', () => {
		const changes = ChangeSet.of({ from: 0, to: 3, insert: 'x' }, 3);
		expect(() => applyChangeJson('ab', changes.toJSON() as ChangeJson)).toThrow(RangeError);
		expect(applyChangeJson('abc', changes.toJSON() as ChangeJson)).toBe(
			changes.apply(Text.of(['abc'])).toString()
		);
	});
});
