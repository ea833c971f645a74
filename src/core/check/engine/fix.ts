import type { Diagnostic, TextEdit } from '../types.ts';

/** Applies edits to one file's text; edits that overlap an earlier one are left for a later pass. */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: TextEdit[] } {
	const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
	const applied: TextEdit[] = [];
	let end = -1;
	for (const edit of sorted) {
		if (edit.start < end || edit.start > edit.end || edit.end > text.length) continue;
		if (
			applied.some(
				(a) => a.start === edit.start && a.end === edit.end && a.newText === edit.newText
			)
		)
			continue;
		applied.push(edit);
		end = Math.max(end, edit.end);
	}
	let result = text;
	for (const edit of [...applied].reverse())
		result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
	return { text: result, applied };
}

/** A fix applied by `fixFiles`, for listing what changed. */
export interface AppliedFix {
	file: string;
	ruleId: string;
	description: string;
	line: number;
	column: number;
}

/** Passes of the fix loop at most (as ESLint's `MAX_AUTOFIX_PASSES`). */
export const maxFixPasses = 10;

/**
 * Applies the certain fixes of diagnostics to the files they touch, re-checking between passes
 * (like ESLint, at most 10 passes) because one fix may cover another. The one fix loop of kvcert:
 * `kvcert check --fix` and the checker widget's "fix all" both call it, with `check` re-checking
 * every file given (`files` maps each path to its text).
 */
export async function fixFiles(
	files: ReadonlyMap<string, string>,
	check: (files: ReadonlyMap<string, string>) => Promise<Diagnostic[]> | Diagnostic[]
): Promise<{ files: Map<string, string>; fixes: AppliedFix[] }> {
	const current = new Map(files);
	const fixes: AppliedFix[] = [];
	for (let pass = 0; pass < maxFixPasses; pass++) {
		const diagnostics = (await check(current)).filter(
			(d) => d.fix && d.fix.edits.every((e) => current.has(e.file))
		);
		if (diagnostics.length === 0) break;
		let changed = false;
		const claimed = new Map<string, TextEdit[]>();
		const chosen: Diagnostic[] = [];
		for (const diagnostic of diagnostics) {
			const edits = diagnostic.fix!.edits;
			const overlaps = edits.some((e) =>
				(claimed.get(e.file) ?? []).some(
					(c) => (e.start < c.end && c.start < e.end) || (e.start === c.start && e.end === c.end)
				)
			);
			if (overlaps) continue;
			for (const e of edits) claimed.set(e.file, [...(claimed.get(e.file) ?? []), e]);
			chosen.push(diagnostic);
		}
		for (const [file, edits] of claimed) {
			const result = applyEdits(current.get(file)!, edits);
			if (result.applied.length > 0) {
				current.set(file, result.text);
				changed = true;
			}
		}
		for (const d of chosen)
			fixes.push({
				file: d.file,
				ruleId: d.ruleId,
				description: d.fix!.description,
				line: d.range.start.line,
				column: d.range.start.column,
			});
		if (!changed) break;
	}
	return { files: current, fixes };
}
