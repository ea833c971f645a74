import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { textChanges } from '../../../src/components/widgets/checker/text-change.ts';
import type { EditView } from '../../../src/components/widgets/checker/view-model.ts';

/** Applies edits given in the original text's offsets (as CodeMirror applies a change set). */
function apply(text: string, edits: readonly EditView[]): string {
	let out = '';
	let at = 0;
	for (const e of edits) {
		out += text.slice(at, e.from) + e.insert;
		at = e.to;
	}
	return out + text.slice(at);
}

describe('fix-all edits', () => {
	test('one small edit per changed place, far apart in a long template', () => {
		const template = readFileSync(
			new URL('../../fixtures/checker/sf-cluster-kvvm.json', import.meta.url),
			'utf8'
		);
		const fixed = template
			.replace('"typeHandlerVersion": "1.0"', '"typeHandlerVersion": "3.0"')
			.replace(
				/("typeHandlerVersion": "1.0"[\s\S]*?)"typeHandlerVersion": "1.0"/,
				'$1"typeHandlerVersion": "3.0"'
			)
			.replace('"pollingIntervalInS": "3600"', '"pollingIntervalInS": "3600",\n  "extra": true');
		const edits = textChanges(template, fixed);
		expect(apply(template, edits)).toBe(fixed);
		expect(edits.length).toBeGreaterThanOrEqual(2);
		for (const e of edits) {
			expect(e.to - e.from).toBeLessThan(40);
			expect(e.insert.length).toBeLessThan(40);
		}
		// In order and apart, as a change set needs them.
		for (let i = 1; i < edits.length; i++) expect(edits[i]!.from).toBeGreaterThan(edits[i - 1]!.to);
	});

	test('no edits for equal texts; inserted and removed lines', () => {
		expect(textChanges('a\nb\n', 'a\nb\n')).toEqual([]);
		expect(apply('a\nb\nc', textChanges('a\nb\nc', 'a\nx\nb\nc'))).toBe('a\nx\nb\nc');
		expect(apply('a\nb\nc', textChanges('a\nb\nc', 'a\nc'))).toBe('a\nc');
		expect(apply('', textChanges('', 'new\n'))).toBe('new\n');
	});

	test('any two texts: applying the edits gives the new text', () => {
		const lines = fc.array(fc.constantFrom('a', 'b', 'c', '"x": 1,', ''), { maxLength: 12 });
		fc.assert(
			fc.property(lines, lines, (a, b) => {
				const before = a.join('\n');
				const after = b.join('\n');
				const edits = textChanges(before, after);
				expect(apply(before, edits)).toBe(after);
				for (let i = 1; i < edits.length; i++)
					expect(edits[i]!.from).toBeGreaterThanOrEqual(edits[i - 1]!.to);
			}),
			{ numRuns: 300 }
		);
	});
});

test('a changed part of a word is widened to the whole word', () => {
	const before = '"url": "https://kv.vault.azure.net/certificates/web"';
	const after = '"url": "https://kv.vault.azure.net/secrets/web"';
	const edits = textChanges(before, after);
	expect(edits).toHaveLength(1);
	expect(apply(before, edits)).toBe(after);
	expect(after.slice(edits[0]!.from, edits[0]!.from + edits[0]!.insert.length)).toBe('secrets');
});
