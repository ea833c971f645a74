import type { Node, NodeType } from 'jsonc-parser';

/*
 * A JSONC parser in two steps. `parseJsoncFast` first validates the whole text without building
 * anything, recording only where each object and array ends. Nodes are then built on demand, one
 * level at a time: the `children` of an object or array are created the first time they are read.
 * A check reads a small part of a large template (the extensions, their hosts, a few properties of
 * other resources), so most of the tree is never built. The nodes built are those jsonc-parser
 * builds (same types, offsets, lengths, values, parents and colon offsets), and each is built once,
 * so that nodes keep their identity.
 */

/** What validation records of one file: for each object or array, in document order, where it ends. */
interface Layout {
	text: string;
	/** Offset just past the closing bracket, by container index. */
	ends: number[];
	/** Index of the first container after this one's subtree, by container index. */
	after: number[];
}

/** A node as jsonc-parser builds it; objects and arrays build their children when first read. */
export class LazyNode implements Node {
	type: NodeType;
	offset: number;
	length: number;
	value: unknown;
	parent: Node | undefined;
	colonOffset: number | undefined;
	private built: Node[] | undefined;
	/** Properties built by `property` before the children are. */
	private found: LazyNode[] | undefined;
	/** How many properties were looked up before the children were built. */
	private lookups: number;
	/** The layout and container index of an object or array whose children are not built yet. */
	private layout: Layout | undefined;
	private index: number;

	constructor(
		type: NodeType,
		offset: number,
		length: number,
		value: unknown,
		parent: Node | undefined,
		layout: Layout | undefined,
		index: number
	) {
		this.type = type;
		this.offset = offset;
		this.length = length;
		this.value = value;
		this.parent = parent;
		this.colonOffset = undefined;
		this.built = undefined;
		this.found = undefined;
		this.lookups = 0;
		this.layout = layout;
		this.index = index;
	}

	get children(): Node[] | undefined {
		if (this.built === undefined && this.layout !== undefined) {
			this.built = buildChildren(this, this.layout, this.index, this.found);
			this.layout = undefined;
			this.found = undefined;
		}
		return this.built;
	}

	/**
	 * The value node of property `key` of an object whose children are not built yet, as
	 * `propertyValue` finds it (first exact match, else the first match ignoring case when asked),
	 * building that property alone. Returns null when the children are built already.
	 */
	property(key: string, ignoreCase: boolean): Node | undefined | null {
		const layout = this.layout;
		if (layout === undefined || this.type !== 'object') return null;
		// An object read often (an extension, its host) is cheaper to build than to scan again.
		if (++this.lookups > 3) return null;
		const source = layout.text;
		const end = layout.ends[this.index]! - 1;
		const lower = ignoreCase ? key.toLowerCase() : key;
		let next = this.index + 1;
		let at = skipValid(source, this.offset + 1);
		let loose = -1;
		let looseNext = 0;
		while (at < end) {
			const start = at;
			const keyEnd = stringEnd(source, at);
			let name: string | undefined;
			let exact: boolean;
			if (escaped) {
				name = JSON.parse(source.slice(at, keyEnd)) as string;
				exact = name === key;
			} else exact = keyEnd === at + 2 + key.length && source.startsWith(key, at + 1);
			if (exact) return this.propertyAt(layout, start, next).children![1];
			if (ignoreCase && loose === -1) {
				name ??= source.slice(at + 1, keyEnd - 1);
				if (name.toLowerCase() === lower) {
					loose = start;
					looseNext = next;
				}
			}
			at = skipValid(source, keyEnd);
			at = skipValid(source, at + 1);
			const c = source.charCodeAt(at);
			if (c === 123 || c === 91) {
				at = layout.ends[next]!;
				next = layout.after[next]!;
			} else if (c === 34) at = stringEnd(source, at);
			else if (c === 116 || c === 110) at += 4;
			else if (c === 102) at += 5;
			else at = numberEnd(source, at);
			at = skipValid(source, at);
		}
		return loose === -1 ? undefined : this.propertyAt(layout, loose, looseNext).children![1];
	}

	/** The property at `at`, built once (`next`: index of the next container at or after it). */
	private propertyAt(layout: Layout, at: number, next: number): LazyNode {
		const found = (this.found ??= []);
		for (const property of found) if (property.offset === at) return property;
		const property = propertyNode(layout, at, next, this);
		found.push(property);
		return property;
	}

	/** Children given at creation (properties: key and value). */
	setChildren(children: Node[]): void {
		this.built = children;
	}
}

/**
 * A string, number, boolean or null node (a value or a property's key): it has no children, so it
 * carries only what jsonc-parser gives such a node. Most nodes built are leaves; smaller nodes
 * leave less for the garbage collector to copy.
 */
class LeafNode implements Node {
	type: NodeType;
	offset: number;
	length: number;
	value: unknown;
	parent: Node | undefined;

	constructor(
		type: NodeType,
		offset: number,
		length: number,
		value: unknown,
		parent: Node | undefined
	) {
		this.type = type;
		this.offset = offset;
		this.length = length;
		this.value = value;
		this.parent = parent;
	}
}

const unsupported = new Error('unsupported');

// Validation state. Validation runs to completion synchronously, so module variables are safe.
let text = '';
let length = 0;
let pos = 0;
let ends: number[] = [];
let after: number[] = [];

function skip(): void {
	for (;;) {
		const c = text.charCodeAt(pos);
		if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
		else if (c === 47) {
			const next = text.charCodeAt(pos + 1);
			if (next === 47) {
				const end = text.indexOf('\n', pos + 2);
				// A comment ended by a lone CR (old Mac line endings): jsonc-parser reads those.
				const cr = text.indexOf('\r', pos + 2);
				if (cr !== -1 && (end === -1 || cr < end - 1)) throw unsupported;
				pos = end === -1 ? length : end + 1;
			} else if (next === 42) {
				const end = text.indexOf('*/', pos + 2);
				if (end === -1) throw unsupported;
				pos = end + 2;
			} else throw unsupported;
		} else if (c === 0xfeff && pos === 0) pos++;
		else return;
	}
}

function isHex(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** Validates a string literal (JSON's escapes, no control characters) starting at `pos`. */
function validateString(): void {
	let end = pos + 1;
	for (;;) {
		const c = text.charCodeAt(end);
		if (c === 34) break;
		if (c === 92) {
			const e = text.charCodeAt(end + 1);
			if (e === 117) {
				if (
					!isHex(text.charCodeAt(end + 2)) ||
					!isHex(text.charCodeAt(end + 3)) ||
					!isHex(text.charCodeAt(end + 4)) ||
					!isHex(text.charCodeAt(end + 5))
				)
					throw unsupported;
				end += 6;
			} else if (
				e === 34 ||
				e === 92 ||
				e === 47 ||
				e === 98 ||
				e === 102 ||
				e === 110 ||
				e === 114 ||
				e === 116
			)
				end += 2;
			else throw unsupported;
			continue;
		}
		// NaN (past the end) fails `c >= 32`.
		if (!(c >= 32)) throw unsupported;
		end++;
	}
	pos = end + 1;
}

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isWordCharacter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/** The end of the number at `start` (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`), or -1 if none. */
function numberEnd(source: string, start: number): number {
	let i = start;
	if (source.charCodeAt(i) === 45) i++;
	const first = source.charCodeAt(i);
	if (first === 48) i++;
	else if (first >= 49 && first <= 57) {
		i++;
		while (isDigit(source.charCodeAt(i))) i++;
	} else return -1;
	if (source.charCodeAt(i) === 46 && isDigit(source.charCodeAt(i + 1))) {
		i += 2;
		while (isDigit(source.charCodeAt(i))) i++;
	}
	const e = source.charCodeAt(i);
	if (e === 101 || e === 69) {
		let j = i + 1;
		const sign = source.charCodeAt(j);
		if (sign === 43 || sign === 45) j++;
		if (isDigit(source.charCodeAt(j))) {
			j++;
			while (isDigit(source.charCodeAt(j))) j++;
			i = j;
		}
	}
	return i;
}

/** Validates one value starting after whitespace at or after `pos`. */
function validateValue(): void {
	skip();
	const c = text.charCodeAt(pos);
	if (c === 34) {
		validateString();
		return;
	}
	if (c === 123 || c === 91) {
		const index = ends.length;
		ends.push(0);
		after.push(0);
		pos++;
		if (c === 123) validateObject();
		else validateArray();
		ends[index] = pos;
		after[index] = ends.length;
		return;
	}
	let end: number;
	if (c === 116 && text.startsWith('true', pos)) end = pos + 4;
	else if (c === 102 && text.startsWith('false', pos)) end = pos + 5;
	else if (c === 110 && text.startsWith('null', pos)) end = pos + 4;
	else {
		end = numberEnd(text, pos);
		if (end === -1) throw unsupported;
	}
	if (isWordCharacter(text.charCodeAt(end))) throw unsupported;
	pos = end;
}

function validateObject(): void {
	for (;;) {
		skip();
		const c = text.charCodeAt(pos);
		if (c === 125) break;
		if (c !== 34) throw unsupported;
		validateString();
		skip();
		if (text.charCodeAt(pos) !== 58) throw unsupported;
		pos++;
		validateValue();
		skip();
		const d = text.charCodeAt(pos);
		if (d === 44) {
			pos++;
			continue;
		}
		if (d !== 125) throw unsupported;
		break;
	}
	pos++;
}

function validateArray(): void {
	for (;;) {
		skip();
		if (text.charCodeAt(pos) === 93) break;
		validateValue();
		skip();
		const d = text.charCodeAt(pos);
		if (d === 44) {
			pos++;
			continue;
		}
		if (d !== 93) throw unsupported;
		break;
	}
	pos++;
}

/** Skips whitespace and comments of validated text. */
function skipValid(source: string, at: number): number {
	for (;;) {
		const c = source.charCodeAt(at);
		if (c === 32 || c === 10 || c === 13 || c === 9 || c === 44) at++;
		else if (c === 47) {
			if (source.charCodeAt(at + 1) === 47) {
				const end = source.indexOf('\n', at + 2);
				at = end === -1 ? source.length : end + 1;
			} else at = source.indexOf('*/', at + 2) + 2;
		} else return at;
	}
}

/** Whether the last string `stringEnd` passed over has an escape. */
let escaped = false;

/** The offset just past the string literal at `at` of validated text; sets `escaped`. */
function stringEnd(source: string, at: number): number {
	let end = at + 1;
	escaped = false;
	for (;;) {
		const c = source.charCodeAt(end);
		if (c === 34) return end + 1;
		if (c === 92) {
			escaped = true;
			end += 2;
		} else end++;
	}
}

/** Builds the string node at `at` of validated text. */
function stringNode(source: string, at: number, parent: Node | undefined): LeafNode {
	const end = stringEnd(source, at);
	const value = escaped
		? (JSON.parse(source.slice(at, end)) as string)
		: source.slice(at + 1, end - 1);
	return new LeafNode('string', at, end - at, value, parent);
}

/** Builds the value node at `at` of validated text; `next` is the index of the next container. */
function valueNode(
	layout: Layout,
	at: number,
	next: number,
	parent: Node | undefined
): LazyNode | LeafNode {
	const source = layout.text;
	const c = source.charCodeAt(at);
	if (c === 34) return stringNode(source, at, parent);
	if (c === 123)
		return new LazyNode('object', at, layout.ends[next]! - at, undefined, parent, layout, next);
	if (c === 91)
		return new LazyNode('array', at, layout.ends[next]! - at, undefined, parent, layout, next);
	if (c === 116) return new LeafNode('boolean', at, 4, true, parent);
	if (c === 102) return new LeafNode('boolean', at, 5, false, parent);
	if (c === 110) return new LeafNode('null', at, 4, null, parent);
	const end = numberEnd(source, at);
	return new LeafNode('number', at, end - at, Number(source.slice(at, end)), parent);
}

/** Builds the property at `at` of validated text; `next` is the index of the next container. */
function propertyNode(layout: Layout, at: number, next: number, parent: Node): LazyNode {
	const source = layout.text;
	const property = new LazyNode('property', at, 0, undefined, parent, undefined, -1);
	const key = stringNode(source, at, property);
	const colon = skipValid(source, at + key.length);
	property.colonOffset = colon;
	const value = valueNode(layout, skipValid(source, colon + 1), next, property);
	property.setChildren([key, value]);
	property.length = value.offset + value.length - property.offset;
	return property;
}

/**
 * Builds the children of the container `index` (validated), with their own children left lazy.
 * `found` holds properties built already, which are kept.
 */
function buildChildren(
	node: LazyNode,
	layout: Layout,
	index: number,
	found: LazyNode[] | undefined
): Node[] {
	const source = layout.text;
	const end = layout.ends[index]! - 1;
	const children: Node[] = [];
	let next = index + 1;
	let at = skipValid(source, node.offset + 1);
	if (node.type === 'object') {
		while (at < end) {
			let property: LazyNode | undefined;
			if (found) for (const p of found) if (p.offset === at) property = p;
			property ??= propertyNode(layout, at, next, node);
			const value = property.children![1]!;
			if (value.type === 'object' || value.type === 'array') next = layout.after[next]!;
			children.push(property);
			at = skipValid(source, value.offset + value.length);
		}
	} else {
		while (at < end) {
			const value = valueNode(layout, at, next, node);
			if (value.type === 'object' || value.type === 'array') next = layout.after[next]!;
			children.push(value);
			at = skipValid(source, value.offset + value.length);
		}
	}
	return children;
}

/**
 * Parses well-formed JSON with comments and trailing commas into jsonc-parser's node shape, much
 * faster than `parseTree` on large files. Returns undefined at the first syntax error, so that the
 * caller can fall back to jsonc-parser for error recovery and messages.
 */
export function parseJsoncFast(source: string): Node | undefined {
	text = source;
	length = source.length;
	pos = 0;
	ends = [];
	after = [];
	try {
		validateValue();
		skip();
		if (pos < length) return undefined;
		const layout: Layout = { text: source, ends, after };
		pos = 0;
		skip();
		return valueNode(layout, pos, 0, undefined);
	} catch {
		// A syntax error (or nesting too deep for the stack): jsonc-parser takes over.
		return undefined;
	} finally {
		text = '';
		ends = [];
		after = [];
	}
}
