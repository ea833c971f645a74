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
			let multiline = false;
			for (i++; i < length; i++) {
				const d = text.charCodeAt(i);
				if (d === 92) i++;
				else if (d === 34) break;
				else if (d === 10 || d === 13) {
					// A break followed by more string text and a closing quote on a later line.
					multiline = true;
					breaks.push(i);
				}
			}
			if (multiline) multilineStrings.push(start);
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
	// An unclosed string that swallowed the rest of the text is a syntax error, not a multi-line string.
	if (multilineStrings.length > 0 && breaks.length > 0) {
		const last = multilineStrings[multilineStrings.length - 1]!;
		if (!closes(text, last)) {
			multilineStrings.pop();
			while (breaks.length > 0 && breaks[breaks.length - 1]! > last) breaks.pop();
		}
	}
	if (!bom && breaks.length === 0) return { text, multilineStrings, tooDeep };
	const chars = text.split('');
	if (bom) chars[0] = ' ';
	for (const at of breaks) chars[at] = ' ';
	return { text: chars.join(''), multilineStrings, tooDeep };
}

/** Whether the string starting at `start` has a closing quote. */
function closes(text: string, start: number): boolean {
	for (let i = start + 1; i < text.length; i++) {
		const d = text.charCodeAt(i);
		if (d === 92) i++;
		else if (d === 34) return true;
	}
	return false;
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
	const raw = doc.text.slice(node.offset, node.offset + node.length);
	if (doc.direct && raw.length === text.length + 2) return { text, map: shiftMap(node.offset + 1) };
	const decoded = decodeJsonString(raw, node.offset);
	return { text: decoded.text, map: composeMap(doc.toRaw, decoded.map) };
}
