import type { Word } from './tokenize.ts';

/** A `$NAME`, `${NAME}` or `$(…)` in a word that the shell expands. */
interface ShellReference {
	/** Lower-case `$name`, as the script's variables are keyed; undefined for `$(…)`. */
	key: string | undefined;
	index: number;
	length: number;
}

const reference = /^\$(?:\{([A-Z_]\w*)\}|([A-Z_]\w*)|\()/i;

/** The references the shell expands in a word (a `$` inside single quotes is text). */
function shellReferences(word: Word): ShellReference[] {
	const found: ShellReference[] = [];
	for (const index of word.dollars ?? []) {
		const match = reference.exec(word.text.slice(index));
		if (!match) continue;
		const name = match[1] ?? match[2];
		found.push({
			key: name ? `$${name.toLowerCase()}` : undefined,
			index,
			length: match[0].length,
		});
	}
	return found;
}

/** The first reference in a word, as written (e.g. `$SETTINGS`), when the shell expands one. */
export function firstReference(word: Word): string | undefined {
	const [first] = shellReferences(word);
	return first ? word.text.slice(first.index, first.index + first.length) : undefined;
}

/**
 * The word with each `$NAME` / `${NAME}` replaced by the variable's value (its characters keep
 * the positions where the value was written). Undefined when a reference is not known, or is a
 * command substitution: such a value is unknown, never its literal text. With `keepUnknown`, a
 * `$NAME` whose value is not known stays as written (still a reference, in `dollars`), so that a
 * value built around it (settings JSON holding `"$SID"`) is still read; a `$(…)` stays undefined.
 */
export function expandWord(
	word: Word,
	lookup: (key: string) => Word | undefined,
	overLimit: (size: number, depth: number) => boolean = () => false,
	keepUnknown = false
): Word | undefined {
	const references = shellReferences(word);
	if (references.length === 0) return word;
	let text = '';
	const pieces: Array<{ from: number; map: (i: number) => number }> = [];
	const kept: number[] = [];
	let last = 0;
	let depth = 0;
	for (const ref of references) {
		const value = ref.key === undefined ? undefined : lookup(ref.key);
		if (!value || value.dollars?.length) {
			if (!keepUnknown || ref.key === undefined) return undefined;
			continue;
		}
		// The budget of every reader (value-budget.ts): a value over it stays unknown.
		depth = Math.max(depth, (value.depth ?? 0) + 1);
		if (overLimit(text.length + value.text.length + word.text.length, depth)) return undefined;
		const segment = last;
		pieces.push({ from: text.length, map: (i) => word.map(segment + i) });
		const before = word.text.slice(last, ref.index);
		for (const index of references)
			if (index.index >= last && index.index < ref.index)
				kept.push(text.length + index.index - last);
		text += before;
		pieces.push({ from: text.length, map: value.map });
		text += value.text;
		last = ref.index + ref.length;
	}
	const tailStart = last;
	pieces.push({ from: text.length, map: (i) => word.map(tailStart + i) });
	for (const index of references)
		if (index.index >= last) kept.push(text.length + index.index - last);
	text += word.text.slice(last);
	const starts = pieces.map((p) => p.from);
	const map = (i: number): number => {
		let k = starts.length - 1;
		while (k > 0 && starts[k]! > i) k--;
		return pieces[k]!.map(i - starts[k]!);
	};
	return {
		text,
		start: word.start,
		end: word.end,
		map,
		quoted: word.quoted,
		depth,
		...(kept.length > 0 ? { dollars: kept } : {}),
	};
}

/** A bash assignment statement `NAME=value` (one word): the name as a key and the value as a word. */
export function bashAssignment(words: Word[]): { key: string; value: Word } | undefined {
	const [word] = words;
	if (words.length !== 1 || !word) return undefined;
	const match = /^([A-Z_]\w*)=/i.exec(word.text);
	if (!match) return undefined;
	const skip = match[0].length;
	const dollars = (word.dollars ?? []).filter((i) => i >= skip).map((i) => i - skip);
	return {
		key: `$${match[1]!.toLowerCase()}`,
		value: {
			text: word.text.slice(skip),
			start: word.start,
			end: word.end,
			map: (i) => word.map(i + skip),
			quoted: word.quoted,
			...(dollars.length > 0 ? { dollars } : {}),
		},
	};
}
