/**
 * A CodeMirror `ChangeSet` in its JSON form (`ChangeSet.toJSON()`): per section, a number of
 * characters kept, `[deleted]`, or `[deleted, ...insertedLines]`.
 */
export type ChangeJson = (number | [number, ...string[]])[];

/**
 * Applies a {@link ChangeJson} to a text, as `ChangeSet.fromJSON(json).apply(Text.of(...))` would, so
 * the checker's worker keeps its own copy of the editor's text without importing CodeMirror.
 */
export function applyChangeJson(text: string, changes: ChangeJson): string {
	const parts: string[] = [];
	let at = 0;
	for (const section of changes) {
		if (typeof section === 'number') {
			parts.push(text.slice(at, at + section));
			at += section;
			continue;
		}
		const [deleted, ...lines] = section;
		if (lines.length > 0) parts.push(lines.join('\n'));
		at += deleted;
	}
	if (at !== text.length) throw new RangeError('Change does not match the text');
	return parts.join('');
}
