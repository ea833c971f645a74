import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { LazyNode, parseJsoncFast } from './fast-json.ts';
import { limits } from './limits.ts';
import {
	composeMap,
	decodeJsonString,
	shiftMap,
	type OffsetMap,
	type SourceText,
} from './source.ts';

export type { Node as JsonNode } from 'jsonc-parser';

/** JSON text parsed with positions. `text` may be derived from the file (a quoted command argument). */
export interface JsonDocument {
	source: SourceText;
	text: string;
	root: Node | undefined;
	errors: ParseError[];
	/** Maps an offset in `text` to an offset in the raw file. */
	toRaw: OffsetMap;
	/** Whether `text` is the raw file itself (so offsets need no mapping). */
	direct: boolean;
	/** Offsets (in `text`) of strings broken over several lines (ARM accepts them from CLI and PowerShell). */
	multilineStrings: number[];
	/** Offset (in `text`) where nesting first goes deeper than limits.jsonDepth; nothing is read then. */
	tooDeep: number | undefined;
}

/** What one linear pass over JSON text finds before parsing. */
interface Prepared {
	/** The text to parse: a BOM and line breaks inside strings become spaces (offsets unchanged). */
	text: string;
	multilineStrings: number[];
	tooDeep: number | undefined;
}

/**
 * One pass over the text, iterative (no recursion, whatever the nesting): measures nesting depth,
 * finds strings written over several lines and a leading BOM. Both are accepted by ARM; the parsers
 * would reject them, so they become spaces of the same length in the text that is parsed.
 */
function prepare(text: string): Prepared {
	let depth = 0;
	let tooDeep: number | undefined;
	const multilineStrings: number[] = [];
	const breaks: number[] = [];
	const length = text.length;
	for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) {
			const start = i;
			for (i++; i < length; i++) {
				const d = text.charCodeAt(i);
				if (d === 92) i++;
				else if (d === 34) break;
				else if (d === 10 || d === 13) {
					// A line break in a string: a multi-line string when a closing quote follows that
					// JSON can go on from; otherwise an unclosed string, which ends here (as the parser
					// sees it), so that one missing quote does not turn every later string inside out.
					const close = closingQuote(text, i);
					if (close === -1 || !continuesAfter(text, close + 1)) {
						i--;
						break;
					}
					for (let j = i; j < close; j++) {
						const e = text.charCodeAt(j);
						if (e === 92) j++;
						else if (e === 10 || e === 13) breaks.push(j);
					}
					multilineStrings.push(start);
					i = close;
					break;
				}
			}
		} else if (c === 47 && text.charCodeAt(i + 1) === 47) {
			while (i < length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
		} else if (c === 47 && text.charCodeAt(i + 1) === 42) {
			const end = text.indexOf('*/', i + 2);
			i = end === -1 ? length : end + 1;
		} else if (c === 123 || c === 91) {
			if (++depth > limits.jsonDepth && tooDeep === undefined) tooDeep = i;
		} else if (c === 125 || c === 93) depth--;
	}
	const bom = text.charCodeAt(0) === 0xfeff;
	if (!bom && breaks.length === 0) return { text, multilineStrings, tooDeep };
	const chars = text.split('');
	if (bom) chars[0] = ' ';
	for (const at of breaks) chars[at] = ' ';
	return { text: chars.join(''), multilineStrings, tooDeep };
}

/** The offset of the quote that closes a string, searching from `from` (inside it); -1 if none. */
function closingQuote(text: string, from: number): number {
	for (let i = from; i < text.length; i++) {
		const d = text.charCodeAt(i);
		if (d === 92) i++;
		else if (d === 34) return i;
	}
	return -1;
}

/** Whether JSON can go on at `at` after a string: `,` `:` `}` `]` (after spaces), or the end. */
function continuesAfter(text: string, at: number): boolean {
	const match = /^[ \t\r\n]*(.|$)/.exec(text.slice(at, at + 200));
	const next = match?.[1] ?? '';
	return (
		next === '' || next === ',' || next === ':' || next === '}' || next === ']' || next === '/'
	);
}

const identity: OffsetMap = (offset) => offset;

/** Parses JSON with comments and trailing commas; `toRaw` maps offsets when `text` is embedded. */
export function parseJsonDocument(
	source: SourceText,
	text: string = source.raw,
	toRaw?: OffsetMap
): JsonDocument {
	const errors: ParseError[] = [];
	const prepared = prepare(text);
	const base = {
		source,
		text: prepared.text,
		errors,
		toRaw: toRaw ?? identity,
		direct: toRaw === undefined,
		multilineStrings: prepared.multilineStrings,
		tooDeep: prepared.tooDeep,
	};
	// Too deep to read safely: nothing is parsed, and the check says so (KV051).
	if (prepared.tooDeep !== undefined) return { ...base, root: undefined };
	const root =
		parseJsoncFast(prepared.text) ??
		parseTree(prepared.text, errors, { allowTrailingComma: true, disallowComments: false });
	return { ...base, root };
}

/** The value node of property `key` of an object node. */
export function propertyValue(
	object: Node | undefined,
	key: string,
	ignoreCase = false
): Node | undefined {
	if (!object || object.type !== 'object') return undefined;
	// A lazily built object finds one property without building the others.
	if (object instanceof LazyNode) {
		const found = object.property(key, ignoreCase);
		if (found !== null) return found;
	}
	if (!object.children) return undefined;
	let loose: Node | undefined;
	const lower = ignoreCase ? key.toLowerCase() : key;
	for (const property of object.children) {
		const name = property.children?.[0]?.value;
		if (name === key) return property.children?.[1];
		if (
			ignoreCase &&
			loose === undefined &&
			typeof name === 'string' &&
			name.toLowerCase() === lower
		)
			loose = property.children?.[1];
	}
	return loose;
}

/** The key node of the property whose value is `value`. */
export function keyOf(value: Node): Node | undefined {
	return value.parent?.type === 'property' ? value.parent.children?.[0] : undefined;
}

/** The properties of an object node as [name, value node] pairs. */
export function entries(object: Node | undefined): Array<[string, Node]> {
	if (!object || object.type !== 'object' || !object.children) return [];
	const result: Array<[string, Node]> = [];
	for (const property of object.children) {
		const key = property.children?.[0];
		const value = property.children?.[1];
		if (key && value && typeof key.value === 'string') result.push([key.value, value]);
	}
	return result;
}

/** The decoded text of a string node and the map from decoded offsets to raw file offsets. */
export function stringContent(doc: JsonDocument, node: Node): { text: string; map: OffsetMap } {
	const text = typeof node.value === 'string' ? node.value : '';
	// The length of the raw string as written, without copying it (most strings have no escapes).
	const end = Math.min(node.offset + node.length, doc.text.length);
	const rawLength = Math.max(0, end - Math.min(node.offset, doc.text.length));
	if (doc.direct && rawLength === text.length + 2) return { text, map: shiftMap(node.offset + 1) };
	const raw = doc.text.slice(node.offset, node.offset + node.length);
	const decoded = decodeJsonString(raw, node.offset);
	return { text: decoded.text, map: composeMap(doc.toRaw, decoded.map) };
}
