import { valueOf } from './expression/evaluate.ts';
import { propertyValue, stringContent, type JsonNode } from './json.ts';
import type { SourceText } from './source.ts';
import { isHole, type Located, type Value } from './values.ts';

/** A span of a raw file. */
export interface Anchor {
	source: SourceText;
	start: number;
	end: number;
}

/** A node after following expressions that stand for other nodes (parameters, variables). */
export interface Resolved {
	/** Where the final value is written (the node itself for literals). */
	at: Located;
	value: Value;
	/** The nodes passed on the way, the first being where the lookup started. */
	via: Located[];
}

/** Follows `[parameters('x')]`, `[variables('y')]`… to the node or computed value they stand for. */
export function resolve(start: Located): Resolved {
	const via: Located[] = [];
	let at = start;
	for (let hops = 0; hops < 32; hops++) {
		const value = valueOf(at);
		if (value.kind !== 'node' || value.at.node === at.node) return { at, value, via };
		via.push(at);
		at = value.at;
	}
	return { at, value: valueOf(at), via };
}

/** The object node a located node resolves to, if it is one. */
export function asObject(at: Located | undefined): Located | undefined {
	if (!at) return undefined;
	if (at.node.type === 'object') return at;
	if (at.node.type !== 'string') return undefined;
	const resolved = resolve(at);
	return resolved.at.node.type === 'object' ? resolved.at : undefined;
}

/** The array node a located node resolves to, if it is one. */
export function asArray(at: Located | undefined): Located | undefined {
	if (!at) return undefined;
	if (at.node.type === 'array') return at;
	if (at.node.type !== 'string') return undefined;
	const resolved = resolve(at);
	return resolved.at.node.type === 'array' ? resolved.at : undefined;
}

/** Property `key` of the object a node resolves to. */
export function child(
	at: Located | undefined,
	key: string,
	ignoreCase = false
): Located | undefined {
	const object = asObject(at);
	if (!object) return undefined;
	const node = propertyValue(object.node, key, ignoreCase);
	return node ? { doc: object.doc, node, scope: object.scope } : undefined;
}

/** The items of the array a node resolves to. */
export function items(at: Located | undefined): Located[] {
	const array = asArray(at);
	if (!array) return [];
	const { doc, scope } = array;
	return (array.node.children ?? []).map((node) => ({ doc, node, scope }));
}

/** The static value of a node after following parameters and variables. */
export function valueAt(at: Located | undefined): Value | undefined {
	return at ? resolve(at).value : undefined;
}

/** The anchor of a whole node. */
export function anchorOf(at: Located): Anchor {
	const { doc, node } = at;
	return {
		source: doc.source,
		start: doc.toRaw(node.offset),
		end: doc.toRaw(node.offset + node.length),
	};
}

/** The anchor of the key of a property whose value node is given. */
export function keyAnchor(at: Located): Anchor {
	const key = at.node.parent?.type === 'property' ? at.node.parent.children?.[0] : undefined;
	return anchorOf(key ? { ...at, node: key } : at);
}

/** The anchor of the whole property (key and value) whose value node is given. */
export function propertyAnchor(at: Located): Anchor {
	const property = at.node.parent?.type === 'property' ? at.node.parent : undefined;
	return anchorOf(property ? { ...at, node: property } : at);
}

/**
 * Where characters `start`…`end` of a string value (indexed as in `flatText`, a hole counting as one
 * character) were written, when they lie in one literal piece of the user's text.
 */
export function locateInValue(value: Value, start: number, end: number): Anchor | undefined {
	if (value.kind !== 'string') return undefined;
	let offset = 0;
	for (const part of value.parts) {
		const length = isHole(part) ? 1 : part.text.length;
		if (!isHole(part) && start >= offset && end <= offset + length && part.origin) {
			const { source, map } = part.origin;
			// The range ends after its last character, even where the text that follows was written
			// elsewhere (a script variable's value, copied into a string, ends here).
			const after = map(end - offset);
			if (end === start) return { source, start: after, end: after };
			const last = map(end - offset - 1);
			return {
				source,
				start: map(start - offset),
				end: after > last && after - last <= 6 ? after : last + 1,
			};
		}
		offset += length;
		if (offset > start) break;
	}
	return undefined;
}

/** The text of a string value with holes replaced by a marker character, for pattern matching. */
export function flatText(value: Value, hole = '\uE000'): string {
	if (value.kind !== 'string') return '';
	return value.parts.map((p) => (isHole(p) ? hole : p.text)).join('');
}

/** The anchor of a JSON string's content (without quotes). */
export function contentAnchor(at: Located): Anchor {
	if (at.node.type !== 'string') return anchorOf(at);
	const { text, map } = stringContent(at.doc, at.node);
	return { source: at.doc.source, start: map(0), end: map(text.length) };
}

/** Whether node `inner` lies inside node `outer` (same document). */
export function isInside(inner: JsonNode, outer: JsonNode): boolean {
	return inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length;
}
