import type { JsonDocument, JsonNode } from '../json.ts';
import { BuiltNode, type SyntaxNode } from './tree-sitter.ts';

/** Parses an HCL template (`"…${…}…"`) written at `offset` of the file; see `LanguageParser.parse`. */
export type TemplateParser = (text: string, offset: number) => SyntaxNode | undefined;

/** Nested blocks that terraform.ts reads (other object-valued attributes stay attributes). */
const blockNames = new Set([
	'identity',
	'extension',
	'source_image_reference',
	'storage_image_reference',
	'access_policy',
	'os_profile',
	'os_profile_windows_config',
	'os_profile_linux_config',
	'windows_configuration',
	'linux_configuration',
]);

const maxDepth = 200;

/**
 * A JSON string's body as HCL template text of the same length: JSON-escaped quotes inside `${…}`
 * become real quotes (padded with a space outside the nested string), so offsets stay exact.
 */
function templateText(body: string): string {
	let out = '';
	let depth = 0;
	let inString = false;
	for (let i = 0; i < body.length; i++) {
		const ch = body[i]!;
		const next = body[i + 1];
		if (ch === '\\' && next !== undefined) {
			if (depth > 0 && next === '"') {
				out += inString ? '" ' : ' "';
				inString = !inString;
			} else out += ch + next;
			i++;
			continue;
		}
		if (depth === 0 && ch === '$' && next === '{') {
			depth = 1;
			out += '${';
			i++;
			continue;
		}
		if (depth > 0 && !inString) {
			if (ch === '{') depth++;
			else if (ch === '}') depth--;
		}
		out += ch;
	}
	return out;
}

/**
 * Turns Terraform JSON syntax (`.tf.json`) into the node shapes of the HCL grammar, with offsets in
 * the JSON file, so that terraform.ts reads both alike. Strings with `${…}` are parsed as HCL
 * templates in place.
 */
export function terraformJsonTree(
	doc: JsonDocument,
	parseTemplate: TemplateParser
): SyntaxNode | undefined {
	const raw = doc.source.raw;
	const root = doc.root;
	if (!root || root.type !== 'object') return undefined;
	const make = (type: string, start: number, end: number, children: SyntaxNode[] = []) => {
		const node = new BuiltNode(type, start, end, raw);
		node.children.push(...children);
		return node;
	};
	const span = (node: JsonNode): [number, number] => [node.offset, node.offset + node.length];
	const entries = (node: JsonNode | undefined): Array<[JsonNode, JsonNode]> =>
		node?.type === 'object'
			? (node.children ?? []).flatMap((p) =>
					p.children?.[0] && p.children[1]
						? [[p.children[0], p.children[1]] as [JsonNode, JsonNode]]
						: []
				)
			: [];
	const identifier = (key: JsonNode) =>
		make('identifier', key.offset + 1, key.offset + key.length - 1);
	const label = (key: JsonNode) =>
		make('string_lit', ...span(key), [
			make('template_literal', key.offset + 1, key.offset + key.length - 1),
		]);

	const expression = (value: JsonNode, depth: number): SyntaxNode => {
		const [start, end] = span(value);
		if (depth > maxDepth)
			return make('expression', start, end, [make('function_call', start, end)]);
		switch (value.type) {
			case 'string': {
				const text = raw.slice(start, end);
				if (text.includes('${')) {
					const parsed = parseTemplate(`x = "${templateText(text.slice(1, -1))}"`, start - 4);
					const found = parsed?.namedChildren[0]?.namedChildren[0]?.namedChildren[1];
					if (found?.type === 'expression' && !parsed?.hasError) return found;
				}
				return make('expression', start, end, [
					make('literal_value', start, end, [
						make('string_lit', start, end, [make('template_literal', start + 1, end - 1)]),
					]),
				]);
			}
			case 'number':
				return make('expression', start, end, [
					make('literal_value', start, end, [make('numeric_lit', start, end)]),
				]);
			case 'boolean':
				return make('expression', start, end, [
					make('literal_value', start, end, [make('bool_lit', start, end)]),
				]);
			case 'null':
				return make('expression', start, end, [
					make('literal_value', start, end, [make('null_lit', start, end)]),
				]);
			case 'array':
				return make('expression', start, end, [
					make('collection_value', start, end, [
						make(
							'tuple',
							start,
							end,
							(value.children ?? []).map((c) => expression(c, depth + 1))
						),
					]),
				]);
			case 'object':
				return make('expression', start, end, [
					make('collection_value', start, end, [
						make(
							'object',
							start,
							end,
							entries(value).map(([key, item]) =>
								make('object_elem', key.offset, item.offset + item.length, [
									expression(key, depth + 1),
									expression(item, depth + 1),
								])
							)
						),
					]),
				]);
			default:
				return make('expression', start, end);
		}
	};

	const body = (object: JsonNode, depth: number): SyntaxNode => {
		const children: SyntaxNode[] = [];
		for (const [key, value] of entries(object)) {
			const name = typeof key.value === 'string' ? key.value : '';
			const items =
				value.type === 'array' && blockNames.has(name) ? (value.children ?? []) : [value];
			if (blockNames.has(name) && items.every((i) => i.type === 'object')) {
				for (const item of items)
					children.push(
						make('block', key.offset, item.offset + item.length, [
							identifier(key),
							body(item, depth + 1),
						])
					);
				continue;
			}
			children.push(
				make('attribute', key.offset, value.offset + value.length, [
					identifier(key),
					expression(value, depth + 1),
				])
			);
		}
		return make('body', ...span(object), children);
	};

	const blocks: SyntaxNode[] = [];
	for (const [kindKey, kindValue] of entries(root)) {
		const kind = kindKey.value;
		if (kind === 'locals') {
			for (const item of kindValue.type === 'array' ? (kindValue.children ?? []) : [kindValue])
				if (item.type === 'object')
					blocks.push(
						make('block', kindKey.offset, item.offset + item.length, [
							identifier(kindKey),
							body(item, 1),
						])
					);
			continue;
		}
		// `variable "name" { … }` and `module "name" { source = … }` (followed when local).
		if (kind === 'variable' || kind === 'module') {
			for (const [name, declaration] of entries(kindValue))
				if (declaration.type === 'object')
					blocks.push(
						make('block', name.offset, declaration.offset + declaration.length, [
							identifier(kindKey),
							label(name),
							body(declaration, 1),
						])
					);
			continue;
		}
		if (kind !== 'resource' && kind !== 'data') continue;
		for (const [type, byName] of entries(kindValue))
			for (const [name, declaration] of entries(byName)) {
				const first = declaration.type === 'array' ? declaration.children?.[0] : declaration;
				if (first?.type !== 'object') continue;
				blocks.push(
					make('block', name.offset, first.offset + first.length, [
						identifier(kindKey),
						label(type),
						label(name),
						body(first, 1),
					])
				);
			}
	}
	return make('config_file', ...span(root), [make('body', ...span(root), blocks)]);
}
