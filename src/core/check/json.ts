import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { LazyNode, parseJsoncFast } from './fast-json.ts';
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
}

const identity: OffsetMap = (offset) => offset;

/** Parses JSON with comments and trailing commas; `toRaw` maps offsets when `text` is embedded. */
export function parseJsonDocument(
	source: SourceText,
	text: string = source.raw,
	toRaw?: OffsetMap
): JsonDocument {
	const errors: ParseError[] = [];
	const root =
		parseJsoncFast(text) ??
		parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
	return { source, text, root, errors, toRaw: toRaw ?? identity, direct: toRaw === undefined };
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
