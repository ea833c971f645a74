import type { JsonDocument, JsonNode } from '../json.ts';
import { createSession, type EvaluationSession, type TemplateScope } from '../scope.ts';
import type { SourceText } from '../source.ts';
import type { Value } from '../values.ts';

/**
 * Builds JSON-shaped nodes over a Bicep or HCL file, so that the ARM model (find.ts, navigate.ts,
 * the rules) reads them unchanged. Offsets are raw offsets of the file; a string node's static value
 * is stored in the session, so the ARM expression evaluator never reads Bicep or HCL text.
 */
export interface SyntheticDocument {
	doc: JsonDocument;
	scope: TemplateScope;
	session: EvaluationSession;
}

/**
 * A document and scope for nodes built over `source`; values spend `session`, the check's budget
 * (whose limits reached are reported), or a budget of their own.
 */
export function createSyntheticDocument(
	source: SourceText,
	session: EvaluationSession = createSession(source.raw.length)
): SyntheticDocument {
	const doc: JsonDocument = {
		source,
		text: source.raw,
		root: undefined,
		errors: [],
		toRaw: (offset) => offset,
		direct: true,
		multilineStrings: [],
		tooDeep: undefined,
	};
	const scope: TemplateScope = {
		doc,
		template: { type: 'object', offset: 0, length: 0, children: [] },
		parameters: new Map(),
		variables: new Map(),
		session,
		active: new Set(),
		standalone: true,
	};
	return { doc, scope, session };
}

/** A JSON node under construction (jsonc-parser's type is read-only). */
export type MutableNode = { -readonly [K in keyof JsonNode]: JsonNode[K] };

/** The node, writable while it is being built. */
export function mutable(node: JsonNode): MutableNode {
	return node as MutableNode;
}

/*
 * Nodes are made with every field they will get (`parent` included, set when a property or array
 * takes them): a field added later moves an object to a slower shape with a separate property store,
 * which was the largest single cost of reading a big Bicep or Terraform file.
 */

/** A string, number, boolean or null node. */
function leaf(
	type: JsonNode['type'],
	value: unknown,
	offset: number,
	length: number,
	parent?: JsonNode
): MutableNode {
	return { type, value, offset, length, parent };
}

/** An object, array or property node. */
function container(
	type: JsonNode['type'],
	offset: number,
	length: number,
	parent: JsonNode | undefined,
	children: JsonNode[]
): MutableNode & { children: JsonNode[] } {
	return { type, offset, length, parent, children };
}

/** A span of the raw file. */
export interface Span {
	start: number;
	end: number;
}

/** A string node whose value is given (literal text or a computed value). */
export function valueNode(
	synthetic: SyntheticDocument,
	span: Span,
	value: Value,
	written: string
): JsonNode {
	const node = leaf('string', written, span.start, span.end - span.start);
	synthetic.session.values.set(node, value);
	return node;
}

/** A number, boolean or null node. */
export function scalarNode(span: Span, value: number | boolean | null): JsonNode {
	const type = value === null ? 'null' : typeof value === 'number' ? 'number' : 'boolean';
	return leaf(type, value, span.start, span.end - span.start);
}

/** A property: `key` (written at `keySpan`) with `value`. */
export interface SyntheticProperty {
	key: string;
	keySpan: Span;
	value: JsonNode;
}

/** An object node with properties, parents linked. */
export function objectNode(span: Span, properties: SyntheticProperty[]): JsonNode {
	const node = container('object', span.start, span.end - span.start, undefined, []);
	for (const property of properties) addProperty(node, property);
	return node;
}

/** Adds a property to an object node. */
export function addProperty(object: JsonNode, property: SyntheticProperty): void {
	const { key, keySpan, value } = property;
	const start = Math.min(keySpan.start, value.offset);
	const end = Math.max(keySpan.end, value.offset + value.length);
	const holder = container('property', start, end - start, object, []);
	const keyNode = leaf('string', key, keySpan.start, keySpan.end - keySpan.start, holder);
	mutable(value).parent = holder;
	holder.children.push(keyNode, value);
	const target = mutable(object);
	if (target.children) target.children.push(holder);
	else target.children = [holder];
}

/** An array node, parents linked. */
export function arrayNode(span: Span, items: JsonNode[]): JsonNode {
	const node = container('array', span.start, span.end - span.start, undefined, items);
	for (const item of items) mutable(item).parent = node;
	return node;
}
