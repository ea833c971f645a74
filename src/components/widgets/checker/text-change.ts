import type { EditView } from './view-model.ts';

/** The one edit that turns `before` into `after` (their common start and end kept); none if equal. */
export function textChange(before: string, after: string): EditView | undefined {
	if (before === after) return undefined;
	let start = 0;
	const max = Math.min(before.length, after.length);
	while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let end = 0;
	while (
		end < max - start &&
		before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
	)
		end++;
	return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/** Line-diff work above which {@link textChanges} gives up finding small edits (one edit instead). */
const maxDiffWork = 4_000_000;

/** Characters of a word (an identifier, a key, a path segment). */
const wordChar = /[\w-]/;

/** Lines of a text with their line breaks kept, so that joining them gives the text back. */
function linesOf(text: string): string[] {
	const lines: string[] = [];
	for (let start = 0; start < text.length;) {
		const end = text.indexOf('\n', start);
		const next = end === -1 ? text.length : end + 1;
		lines.push(text.slice(start, next));
		start = next;
	}
	return lines;
}

/**
 * The edit script between two line arrays (Myers' O(ND) diff): pairs of equal lines as
 * [index in a, index in b], in order; `undefined` when it would take more than `maxWork` steps.
 */
function commonLines(
	a: string[],
	b: string[],
	maxWork: number
): Array<[number, number]> | undefined {
	const n = a.length;
	const m = b.length;
	const max = n + m;
	const offset = max + 1;
	const v = new Int32Array(2 * max + 3);
	const trace: Int32Array[] = [];
	let work = 0;
	let found = false;
	for (let d = 0; d <= max && !found; d++) {
		trace.push(v.slice());
		for (let k = -d; k <= d; k += 2) {
			let x =
				k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
					? v[offset + k + 1]!
					: v[offset + k - 1]! + 1;
			let y = x - k;
			while (x < n && y < m && a[x] === b[y]) {
				x++;
				y++;
				work++;
			}
			v[offset + k] = x;
			if (x >= n && y >= m) {
				found = true;
				break;
			}
		}
		work += d + 1;
		if (work > maxWork) return undefined;
	}
	// Walk back through the saved frontiers to collect the equal lines.
	const pairs: Array<[number, number]> = [];
	let x = n;
	let y = m;
	for (let d = trace.length - 1; d > 0; d--) {
		const frontier = trace[d]!;
		const k = x - y;
		const previousK =
			k === -d || (k !== d && frontier[offset + k - 1]! < frontier[offset + k + 1]!)
				? k + 1
				: k - 1;
		const previousX = frontier[offset + previousK]!;
		const previousY = previousX - previousK;
		while (x > previousX && y > previousY) pairs.push([--x, --y]);
		x = previousX;
		y = previousY;
	}
	while (x > 0 && y > 0) pairs.push([--x, --y]);
	return pairs.reverse();
}

/**
 * The small edits that turn `before` into `after`: one per run of changed lines, trimmed to the
 * characters that differ, in `before`'s offsets and in order. Applying them all at once keeps the
 * editor's view where it was (a single edit over everything between the first and the last fix would
 * replace the lines on screen) and lets the widget highlight just what changed. Falls back to one
 * edit when the texts differ too much to diff quickly.
 */
export function textChanges(before: string, after: string): EditView[] {
	const single = textChange(before, after);
	if (!single) return [];
	// Work on the lines between the common start and end only.
	const head = single.from === 0 ? 0 : before.lastIndexOf('\n', single.from - 1) + 1;
	const beforeTail = before.indexOf('\n', single.to);
	const beforeEnd = beforeTail < 0 ? before.length : beforeTail + 1;
	const afterEnd = beforeEnd + (after.length - before.length);
	const a = linesOf(before.slice(head, beforeEnd));
	const b = linesOf(after.slice(head, afterEnd));
	const pairs = commonLines(a, b, maxDiffWork);
	if (!pairs) return [single];
	const edits: EditView[] = [];
	let ai = 0;
	let bi = 0;
	let aOffset = head;
	const flush = (toA: number, toB: number) => {
		if (toA === ai && toB === bi) return;
		const removed = a.slice(ai, toA).join('');
		const inserted = b.slice(bi, toB).join('');
		const edit = textChange(removed, inserted);
		if (edit) {
			// Whole words, so the highlight reads "secrets", not "secret".
			let { from, to, insert } = edit;
			while (from > 0 && wordChar.test(removed[from - 1]!)) insert = removed[--from]! + insert;
			while (to < removed.length && wordChar.test(removed[to]!)) insert += removed[to++]!;
			edits.push({ from: aOffset + from, to: aOffset + to, insert });
		}
		aOffset += removed.length;
		ai = toA;
		bi = toB;
	};
	for (const [pa, pb] of pairs) {
		flush(pa, pb);
		aOffset += a[pa]!.length;
		ai = pa + 1;
		bi = pb + 1;
	}
	flush(a.length, b.length);
	return edits;
}
