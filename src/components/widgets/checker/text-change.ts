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
