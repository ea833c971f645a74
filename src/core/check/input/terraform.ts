import { findKeyVaultExtensions } from '../find.ts';
import { parseJsonDocument, stringContent, type JsonDocument, type JsonNode } from '../json.ts';
import type { CheckedDocument } from '../model.ts';
import { resolve } from '../navigate.ts';
import type { EvaluationSession } from '../scope.ts';
import { shiftMap, type OffsetMap, type SourceText } from '../source.ts';
import {
	canonicalText,
	concatParts,
	knownString,
	knownText,
	toParts,
	unknown,
	type HoleTag,
	type StringPart,
	type Value,
} from '../values.ts';
import {
	addProperty,
	arrayNode,
	createSyntheticDocument,
	objectNode,
	scalarNode,
	valueNode,
	type Span,
	type SyntheticDocument,
	type SyntheticProperty,
} from './synthetic.ts';
import { BuiltNode, type SyntaxNode } from './tree-sitter.ts';
import {
	isLocalTerraformModule,
	withModuleDocuments,
	type ModuleBinding,
	type ModuleFollower,
	type Place,
} from './local-modules.ts';
import { joinWithinBudget } from './value-budget.ts';
import { decideCondition } from '../branches.ts';

const maxDepth = 200;

/** Built-in roles whose data actions include reading secrets (research/kvvm-extension.md §3.8). */
const roleIds: Record<string, string> = {
	'key vault secrets user': '4633458b-17de-408a-b874-0445c86b69e6',
	'key vault administrator': '00482a5a-887f-4fb3-b363-3b7fe8e74483',
	'key vault secrets officer': 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7',
};

const attributeTags: Record<string, HoleTag> = {
	vault_uri: 'vaultUri',
	client_id: 'clientId',
	principal_id: 'principalId',
	tenant_id: 'tenantId',
	versionless_secret_id: 'secretUri',
};

const hostTypes: Record<string, { type: string; os?: 'Windows' | 'Linux'; scaleSet?: boolean }> = {
	azurerm_linux_virtual_machine: { type: 'Microsoft.Compute/virtualMachines', os: 'Linux' },
	azurerm_windows_virtual_machine: { type: 'Microsoft.Compute/virtualMachines', os: 'Windows' },
	azurerm_virtual_machine: { type: 'Microsoft.Compute/virtualMachines' },
	azurerm_linux_virtual_machine_scale_set: {
		type: 'Microsoft.Compute/virtualMachineScaleSets',
		os: 'Linux',
		scaleSet: true,
	},
	azurerm_windows_virtual_machine_scale_set: {
		type: 'Microsoft.Compute/virtualMachineScaleSets',
		os: 'Windows',
		scaleSet: true,
	},
	azurerm_orchestrated_virtual_machine_scale_set: {
		type: 'Microsoft.Compute/virtualMachineScaleSets',
		scaleSet: true,
	},
	azurerm_arc_machine: { type: 'Microsoft.HybridCompute/machines' },
};

const extensionTypes: Record<string, { type: string; hostAttribute: string }> = {
	azurerm_virtual_machine_extension: {
		type: 'Microsoft.Compute/virtualMachines/extensions',
		hostAttribute: 'virtual_machine_id',
	},
	azurerm_virtual_machine_scale_set_extension: {
		type: 'Microsoft.Compute/virtualMachineScaleSets/extensions',
		hostAttribute: 'virtual_machine_scale_set_id',
	},
	azurerm_arc_machine_extension: {
		type: 'Microsoft.HybridCompute/machines/extensions',
		hostAttribute: 'arc_machine_id',
	},
};

/** Extension attributes and the ARM property each stands for. */
const extensionProperties: Array<[string, string]> = [
	['publisher', 'publisher'],
	['type', 'type'],
	['type_handler_version', 'typeHandlerVersion'],
	['auto_upgrade_minor_version', 'autoUpgradeMinorVersion'],
	['automatic_upgrade_enabled', 'enableAutomaticUpgrade'],
	['provision_after_extensions', 'provisionAfterExtensions'],
	['extensions_to_provision_after_vm_creation', 'provisionAfterExtensions'],
];

/**
 * The top-level body of a file. tree-sitter-hcl 1.2.0 wraps a whole file whose end does not parse
 * (three unclosed `[` or `(`) in one ERROR node that holds the complete blocks before it directly,
 * with no body: those blocks are read, never the file hidden as empty (rv24d item 1).
 */
function topBody(root: SyntaxNode): SyntaxNode | undefined {
	return named(root).find((n) => n.type === 'body') ?? (root.isError ? root : undefined);
}

function named(node: SyntaxNode): SyntaxNode[] {
	return node.namedChildren.filter((c): c is SyntaxNode => c !== null && c.type !== 'comment');
}

function spanOf(node: SyntaxNode): Span {
	return { start: node.startIndex, end: node.endIndex };
}

function normalized(text: string): string {
	return text.replace(/\s+/g, '').toLowerCase().slice(0, 300);
}

/** The traversal an expression is, `"${x}"` read as x (Terraform JSON writes every expression so). */
function reference(node: SyntaxNode): string {
	return normalized(node.text).replace(/^"\$\{(.*)\}"$/, '$1');
}

function label(text: string): string {
	const flat = text.replace(/\s+/g, ' ');
	return `{${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}}`;
}

/** A block: `type "label" "label" { body }`. */
interface Block {
	node: SyntaxNode;
	type: string;
	labels: SyntaxNode[];
	body: SyntaxNode | undefined;
}

function labelText(node: SyntaxNode): string {
	return node.type === 'string_lit' ? node.text.slice(1, -1) : node.text;
}

/**
 * The blocks and attributes of each body already read, by start offset, while one file is read
 * (bodies are asked for again and again: once per attribute of an extension).
 */
let bodies: Map<number, { end: number; blocks?: Block[]; attributes?: Attributes }> | undefined;

function remembered(body: SyntaxNode): { blocks?: Block[]; attributes?: Attributes } | undefined {
	if (!bodies) return undefined;
	let entry = bodies.get(body.startIndex);
	if (entry && entry.end !== body.endIndex) return undefined;
	if (!entry) bodies.set(body.startIndex, (entry = { end: body.endIndex }));
	return entry;
}

function blocksOf(body: SyntaxNode | undefined): Block[] {
	if (!body) return [];
	const memo = remembered(body);
	return memo ? (memo.blocks ??= readBlocks(body)) : readBlocks(body);
}

function readBlocks(body: SyntaxNode): Block[] {
	return named(body)
		.filter((n) => n.type === 'block')
		.map((node) => {
			const parts = named(node);
			return {
				node,
				type: parts[0]?.text ?? '',
				labels: parts.filter((p) => p.type === 'string_lit' || p.type === 'identifier').slice(1),
				body: parts.find((p) => p.type === 'body'),
			};
		});
}

type Attributes = ReadonlyMap<string, { key: SyntaxNode; value: SyntaxNode }>;

function attributesOf(body: SyntaxNode | undefined): Attributes {
	if (!body) return new Map();
	const memo = remembered(body);
	return memo ? (memo.attributes ??= readAttributes(body)) : readAttributes(body);
}

function readAttributes(body: SyntaxNode): Attributes {
	const result = new Map<string, { key: SyntaxNode; value: SyntaxNode }>();
	for (const node of named(body)) {
		if (node.type !== 'attribute') continue;
		const [key, value] = named(node);
		if (key && value) result.set(key.text, { key, value });
	}
	return result;
}

/** The elements of an HCL object expression (`{ name = "x", … }`), read like a block's attributes. */
function objectAttributes(object: SyntaxNode): Attributes {
	const result = new Map<string, { key: SyntaxNode; value: SyntaxNode }>();
	for (const element of named(object)) {
		if (element.type !== 'object_elem') continue;
		const [key, value] = named(element);
		if (key && value) result.set(key.text.replace(/^"(.*)"$/, '$1'), { key, value });
	}
	return result;
}

/** A block body, or the attributes of an object expression standing for one. */
type AttributeSource = SyntaxNode | Attributes | undefined;

function attributesFrom(source: AttributeSource): Attributes {
	return source instanceof Map ? source : attributesOf(source as SyntaxNode | undefined);
}

/** The expression inside wrappers (`expression`, `collection_value`…), if it is one node. */
function unwrapped(node: SyntaxNode): SyntaxNode {
	let current = node;
	while (
		named(current).length === 1 &&
		['expression', 'collection_value', 'literal_value', 'template_expr'].includes(current.type)
	)
		current = named(current)[0]!;
	return current;
}

/** Text that shows a Key Vault VM extension is meant. */
const keyVaultMarker = /KeyVaultFor(?:Windows|Linux)|Microsoft\.Azure\.KeyVault\b/;

/**
 * The Key Vault extension entries a module call passes in the inputs of the Azure Verified
 * Modules: `extensions` (a map of objects, avm-res-compute-virtualmachine) and `extension` (a
 * set of objects, avm-res-compute-virtualmachinescaleset).
 */
function moduleExtensions(
	block: Block
): Array<{ attributes: Attributes; node: SyntaxNode; scaleSet: boolean }> {
	const found: Array<{ attributes: Attributes; node: SyntaxNode; scaleSet: boolean }> = [];
	const attributes = attributesOf(block.body);
	for (const [name, scaleSet] of [
		['extensions', false],
		['extension', true],
	] as const) {
		const value = attributes.get(name)?.value;
		if (!value) continue;
		const collection = unwrapped(value);
		const items =
			collection.type === 'object'
				? named(collection)
						.filter((e) => e.type === 'object_elem')
						.map((e) => named(e)[1])
				: collection.type === 'tuple'
					? named(collection).filter((e) => e.type === 'expression')
					: [];
		for (const item of items) {
			if (!item) continue;
			const object = unwrapped(item);
			if (object.type !== 'object' || !keyVaultMarker.test(object.text)) continue;
			found.push({ attributes: objectAttributes(object), node: object, scaleSet });
		}
	}
	return found;
}

/** The `dynamic "name" { for_each … content { … } }` blocks of a body. */
function dynamicBlocks(body: SyntaxNode | undefined): Array<{ block: Block; name: string }> {
	return blocksOf(body)
		.filter((b) => b.type === 'dynamic' && b.labels[0])
		.map((block) => ({ block, name: labelText(block.labels[0]!) }));
}

/**
 * Blocks of machines, scale sets and vaults that rules read: a scale set's extensions, the identity,
 * the image (OS and version rules) and access policies. A dynamic block of another name (plan,
 * secret, additional_capabilities…) cannot hide a finding.
 */
const dynamicBlocksRulesRead = new Set([
	'extension',
	'identity',
	'source_image_reference',
	'storage_image_reference',
	'os_profile',
	'os_profile_linux_config',
	'os_profile_windows_config',
	// Inside os_profile (orchestrated scale sets): they tell the machine's OS.
	'windows_configuration',
	'linux_configuration',
	'access_policy',
]);

/** A part of a Terraform file that kvcert does not read, or reads only as unknown (KV051). */
export interface TerraformUnread {
	messageId: 'dynamicBlock' | 'repeated' | 'moduleNotChecked' | 'moduleNotReadHere';
	data: Record<string, string>;
	/** A module call that passes a Key Vault extension (its findings are a warning). */
	holdsExtension?: boolean;
	/**
	 * A dynamic block that could hold a Key Vault extension, its settings, or what rules read about
	 * its machine or vault; the others are said once per file, as an info.
	 */
	mattersToRules?: boolean;
	start: number;
	end: number;
}

/**
 * What a Terraform file leaves unknown: `dynamic` blocks in machines, scale sets, extensions and
 * vaults (their blocks are made from for_each values), and `count` or `for_each` on extension
 * resources (every instance is checked as one, each.value and count.index unknown).
 */
export function terraformUnread(
	root: SyntaxNode,
	followed: ReadonlySet<number> = new Set(),
	readsModules = true
): TerraformUnread[] {
	const found: TerraformUnread[] = [];
	const body = topBody(root);
	for (const block of blocksOf(body)) {
		// A module call whose inside is not checked, said at the call: one that passes a Key Vault
		// extension kvcert does not read, and where modules cannot be read (`readsModules` false:
		// the browser checker reads one text), every call of a local module.
		const local =
			!readsModules && !followed.has(block.node.startIndex) ? localModuleSource(block) : undefined;
		const holdsExtension =
			block.type === 'module' &&
			!followed.has(block.node.startIndex) &&
			keyVaultMarker.test(block.node.text);
		if (local !== undefined || (holdsExtension && moduleExtensions(block).length === 0))
			found.push({
				messageId: local !== undefined ? 'moduleNotReadHere' : 'moduleNotChecked',
				data: local !== undefined ? { path: local } : {},
				holdsExtension,
				start: block.node.startIndex,
				end: (block.labels[0] ?? block.node).endIndex,
			});
		if (block.type !== 'resource' || block.labels.length < 2) continue;
		const type = labelText(block.labels[0]!);
		const relevant = hostTypes[type] || extensionTypes[type] || type === 'azurerm_key_vault';
		if (!relevant) continue;
		const nested = [
			{ body: block.body, inExtension: Boolean(extensionTypes[type]) },
			...blocksOf(block.body).map((b) => ({
				body: b.body,
				inExtension: Boolean(extensionTypes[type]) || b.type === 'extension',
			})),
		];
		for (const { body: part, inExtension } of nested)
			for (const { block: dynamic, name } of dynamicBlocks(part))
				found.push({
					messageId: 'dynamicBlock',
					data: { name },
					mattersToRules:
						inExtension ||
						dynamicBlocksRulesRead.has(name) ||
						keyVaultMarker.test(dynamic.node.text),
					start: dynamic.node.startIndex,
					end: (dynamic.labels[0] ?? dynamic.node).endIndex,
				});
		if (!extensionTypes[type]) continue;
		for (const argument of ['count', 'for_each']) {
			const attribute = attributesOf(block.body).get(argument);
			if (attribute)
				found.push({
					messageId: 'repeated',
					data: { argument },
					start: attribute.key.startIndex,
					end: attribute.key.endIndex,
				});
		}
	}
	return found.sort((a, b) => a.start - b.start);
}

/** Decodes an HCL quoted-template literal, with the raw offset of each decoded character. */
function decodeLiteral(raw: string, start: number): { text: string; offsets: number[] } {
	let text = '';
	const offsets: number[] = [];
	for (let i = 0; i < raw.length; i++) {
		const ch = raw[i]!;
		offsets.push(start + i);
		if (ch === '\\' && i + 1 < raw.length) {
			const next = raw[i + 1]!;
			const unicode = /^u([0-9a-fA-F]{4})/.exec(raw.slice(i + 1, i + 6));
			if (unicode) {
				text += String.fromCharCode(parseInt(unicode[1]!, 16));
				i += 5;
				continue;
			}
			text += ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[next] ?? next;
			i += 1;
			continue;
		}
		if ((ch === '$' || ch === '%') && raw[i + 1] === ch && raw[i + 2] === '{') {
			text += ch;
			i += 1;
			continue;
		}
		text += ch;
	}
	offsets.push(start + raw.length);
	return { text, offsets };
}

interface Resource {
	block: Block;
	kind: 'resource' | 'data';
	type: string;
	name: string;
	object?: JsonNode;
	children: SyntheticProperty[];
}

class TerraformReader {
	readonly synthetic: SyntheticDocument;
	private readonly variables = new Map<
		string,
		{ node: SyntaxNode | undefined; converted?: JsonNode }
	>();
	private readonly locals = new Map<string, { node: SyntaxNode; converted?: JsonNode }>();
	/** Values a module call passes for this module's variables (read in the calling file). */
	readonly bound = new Map<string, Value>();
	readonly resources = new Map<string, Resource>();
	private readonly active = new Set<object>();
	private depth = 0;
	/**
	 * Loop variables of the `for` expressions being read, innermost last: each names the collection
	 * it ranges over (`v` in `[for k, v in data.x.c : v.secret_id]` stands for an element of
	 * `data.x.c`), so `v.secret_id` is read as that collection's attribute.
	 */
	private readonly loops: Array<Map<string, SyntaxNode>> = [];
	/** Interpolations of the string being read as JSON, by raw start offset. */
	private embedded: Map<number, SyntaxNode> | undefined;

	constructor(source: SourceText, root: SyntaxNode, budget: EvaluationSession | undefined) {
		this.synthetic = createSyntheticDocument(source, budget);
		const body = topBody(root);
		for (const block of blocksOf(body)) {
			const first = block.labels[0] ? labelText(block.labels[0]) : '';
			if (block.type === 'variable' && first)
				this.variables.set(first, { node: attributesOf(block.body).get('default')?.value });
			else if (block.type === 'locals')
				for (const [name, { value }] of attributesOf(block.body))
					this.locals.set(name, { node: value });
			else if ((block.type === 'resource' || block.type === 'data') && block.labels.length >= 2) {
				const type = labelText(block.labels[0]!);
				const name = labelText(block.labels[1]!);
				const key = `${block.type === 'data' ? 'data.' : ''}${type}.${name}`;
				this.resources.set(key, { block, kind: block.type, type, name, children: [] });
			}
		}
	}

	/** Converts an expression to a JSON-shaped node. */
	convert(node: SyntaxNode): JsonNode {
		if (this.depth > maxDepth)
			return valueNode(
				this.synthetic,
				spanOf(node),
				unknown(`deep@${node.startIndex}`, '{…}'),
				node.text
			);
		this.depth++;
		try {
			return this.convertInner(node);
		} finally {
			this.depth--;
		}
	}

	private convertInner(node: SyntaxNode): JsonNode {
		const span = spanOf(node);
		const parts = named(node);
		if (
			(node.type === 'expression' ||
				node.type === 'literal_value' ||
				node.type === 'collection_value' ||
				node.type === 'template_expr') &&
			parts.length === 1
		)
			return this.convert(parts[0]!);
		switch (node.type) {
			case 'numeric_lit': {
				const value = Number(node.text);
				return Number.isFinite(value)
					? scalarNode(span, value)
					: valueNode(this.synthetic, span, unknown(node.text, node.text), node.text);
			}
			case 'bool_lit':
				return scalarNode(span, node.text === 'true');
			case 'null_lit':
				return scalarNode(span, null);
			case 'string_lit':
			case 'quoted_template':
			case 'heredoc_template': {
				// "${x}" alone is x itself, not a string made of it (HCL keeps the value's type).
				const pieces = parts.filter(
					(p) => p.type === 'template_literal' || p.type === 'template_interpolation'
				);
				const only =
					pieces.length === 1 && pieces[0]!.type === 'template_interpolation'
						? pieces[0]!
						: undefined;
				const inner = only ? named(only).find((p) => p.type === 'expression') : undefined;
				if (inner && node.type === 'quoted_template') return this.convert(inner);
				const value = this.templateValue(node);
				return valueNode(this.synthetic, span, value, knownText(value) ?? node.text);
			}
			case 'object': {
				const properties: SyntheticProperty[] = [];
				for (const element of parts) {
					if (element.type !== 'object_elem') continue;
					const [key, value] = named(element);
					if (!key || !value) continue;
					properties.push({
						key: this.keyText(key),
						keySpan: spanOf(key),
						value: this.convert(value),
					});
				}
				return objectNode(span, properties);
			}
			case 'tuple':
				return arrayNode(
					span,
					parts.filter((p) => p.type === 'expression').map((p) => this.convert(p))
				);
			case 'for_expr': {
				// `[for k, v in collection : body]`: a list of bodies, read as one with its loop
				// variable standing for an element of the collection.
				const tuple = parts.find((p) => p.type === 'for_tuple_expr');
				const intro = tuple ? named(tuple).find((p) => p.type === 'for_intro') : undefined;
				const body = tuple
					? named(tuple)
							.filter((p) => p.type === 'expression')
							.pop()
					: undefined;
				if (!tuple || !intro || !body)
					return valueNode(
						this.synthetic,
						span,
						unknown(normalized(node.text), label(node.text)),
						node.text
					);
				const introParts = named(intro);
				const names = introParts.filter((p) => p.type === 'identifier');
				const collection = introParts.find((p) => p.type === 'expression');
				const bindings = new Map<string, SyntaxNode>();
				const element = names[names.length - 1];
				if (element && collection) bindings.set(element.text, collection);
				this.loops.push(bindings);
				try {
					return arrayNode(span, [this.convert(body)]);
				} finally {
					this.loops.pop();
				}
			}
			case 'conditional': {
				const [condition, whenTrue, whenFalse] = parts;
				const holds =
					condition && whenTrue && whenFalse ? this.conditionHolds(condition) : undefined;
				if (holds !== undefined) return this.convert(holds ? whenTrue! : whenFalse!);
				return valueNode(this.synthetic, span, this.evaluate(node), node.text);
			}
			case 'function_call': {
				const name = parts[0]?.text;
				const args = named(parts.find((p) => p.type === 'function_arguments') ?? node).filter(
					(p) => p.type === 'expression'
				);
				// jsonencode({...}): the settings object as written in HCL.
				if (name === 'jsonencode' && args.length === 1) return this.convert(args[0]!);
				if (name === 'tostring' && args.length === 1) return this.convert(args[0]!);
				if ((name === 'lower' || name === 'upper') && args.length === 1) {
					const text = knownText(this.plain(this.evaluateExpression(args[0]!)));
					if (text !== undefined) {
						const cased = name === 'lower' ? text.toLowerCase() : text.toUpperCase();
						return valueNode(this.synthetic, span, knownString(cased), node.text);
					}
				}
				// try(a, b) and coalesce(a, b): the first value known here. With a module input or
				// variable unknown, that is the fallback: what deploys unless the caller overrides it.
				if ((name === 'try' || name === 'coalesce') && args.length > 1)
					for (const arg of args) {
						const converted = this.convert(arg);
						const value = resolve({
							doc: this.synthetic.doc,
							node: converted,
							scope: this.synthetic.scope,
						}).value;
						// An empty fallback ("", null, [], {}) means "no value given": still unknown.
						const empty =
							value.kind === 'null' ||
							knownText(value) === '' ||
							((converted.type === 'array' || converted.type === 'object') &&
								(converted.children?.length ?? 0) === 0);
						if (value.kind !== 'unknown' && !empty) return converted;
					}
				return valueNode(
					this.synthetic,
					span,
					unknown(normalized(node.text), label(node.text)),
					node.text
				);
			}
			default:
				return valueNode(this.synthetic, span, this.evaluate(node), node.text);
		}
	}

	/**
	 * Whether the condition of `c ? a : b` holds: when it is known, or when this reading pass
	 * assumes it (branches.ts; `x == "text"` and `x != "text"` are keyed by `x`); else undefined.
	 */
	private conditionHolds(node: SyntaxNode): boolean | undefined {
		let condition = node;
		for (
			let inner = named(condition);
			inner.length === 1 && ['expression', 'operation', 'literal_value'].includes(condition.type);
			inner = named(condition)
		)
			condition = inner[0]!;
		const value = this.evaluateExpression(condition);
		if (value.kind === 'boolean') return value.value;
		const at = {
			source: this.synthetic.doc.source,
			start: condition.startIndex,
			end: condition.endIndex,
		};
		const { branches } = this.synthetic.session;
		// tree-sitter-hcl lays `var.os == "x"` out flat (variable_expr, get_attr, literal_value),
		// so the comparison is read from the text: one `==` or `!=` with a plain string on one side.
		const comparison = /^([^=!<>&|]+)(==|!=)([^=!<>&|]+)$/.exec(condition.text);
		if (condition.type === 'binary_operation' && comparison) {
			const [, left, operator, right] = comparison as unknown as [string, string, string, string];
			const [a, b] = [
				this.sideText(condition, 0, left.length),
				this.sideText(condition, condition.text.length - right.length, condition.text.length),
			];
			if (a !== undefined && b !== undefined) return (a === b) !== (operator === '!=');
			const subject = a === undefined ? left : right;
			const literal = a ?? b;
			if (literal !== undefined)
				return decideCondition(branches, {
					subject: normalized(subject),
					label: subject.trim(),
					literal,
					negated: operator === '!=',
					at,
				});
		}
		return decideCondition(branches, {
			subject: normalized(condition.text),
			label: condition.text,
			at,
		});
	}

	/** The known text of one side of a flat comparison (offsets within `condition`'s text). */
	private sideText(condition: SyntaxNode, from: number, to: number): string | undefined {
		const [start, end] = [condition.startIndex + from, condition.startIndex + to];
		const pieces = named(condition).filter((c) => c.startIndex >= start && c.endIndex <= end);
		if (pieces.length === 0) return undefined;
		let side = pieces[0]!;
		if (pieces.length > 1) {
			// `var.os` laid out flat: read as the traversal it is.
			const built = new BuiltNode('expression', start, end, this.synthetic.doc.source.raw);
			built.children.push(...pieces);
			side = built;
		}
		return knownText(
			this.plain(
				side.type === 'expression' && pieces.length > 1
					? this.evaluate(side)
					: this.evaluateExpression(side)
			)
		);
	}

	private keyText(key: SyntaxNode): string {
		const value = resolve({
			doc: this.synthetic.doc,
			node: this.convert(key),
			scope: this.synthetic.scope,
		}).value;
		return knownText(value) ?? key.text;
	}

	/** The value of a quoted or heredoc template: literal pieces and interpolations. */
	private templateValue(node: SyntaxNode): Value {
		const parts: StringPart[] = [];
		const source = this.synthetic.doc.source;
		let heredoc = node.type === 'heredoc_template';
		for (const piece of named(node)) {
			if (piece.type === 'template_literal') {
				if (heredoc) {
					parts.push({ text: piece.text, origin: { source, map: shiftMap(piece.startIndex) } });
					continue;
				}
				const { text, offsets } = decodeLiteral(piece.text, piece.startIndex);
				const map: OffsetMap =
					text.length === piece.text.length
						? shiftMap(piece.startIndex)
						: (o) => offsets[Math.max(0, Math.min(o, offsets.length - 1))]!;
				parts.push({ text, origin: { source, map } });
			} else if (piece.type === 'template_interpolation') {
				const inner = named(piece).find((p) => p.type === 'expression');
				const value = inner ? this.plain(this.evaluateExpression(inner)) : unknown('', '{}');
				for (const part of toParts(value, `interpolation@${piece.startIndex}`)) parts.push(part);
			} else if (piece.type === 'template_directive') {
				parts.push({ hole: { key: `directive@${piece.startIndex}`, label: label(piece.text) } });
			}
		}
		heredoc = false;
		return parts.length === 0
			? knownString('')
			: joinWithinBudget(this.synthetic.session, parts, {
					source,
					start: node.startIndex,
					end: node.endIndex,
				});
	}

	/** The static value of an expression, references followed. */
	plainOf(node: SyntaxNode): Value {
		return this.evaluateExpression(node);
	}

	private plain(value: Value): Value {
		return value.kind === 'node' ? resolve(value.at).value : value;
	}

	private evaluateExpression(node: SyntaxNode): Value {
		const converted = this.convert(node);
		return resolve({ doc: this.synthetic.doc, node: converted, scope: this.synthetic.scope }).value;
	}

	private located(node: JsonNode): Value {
		return { kind: 'node', at: { doc: this.synthetic.doc, node, scope: this.synthetic.scope } };
	}

	private loopCollection(name: string): SyntaxNode | undefined {
		for (let i = this.loops.length - 1; i >= 0; i--) {
			const collection = this.loops[i]!.get(name);
			if (collection) return collection;
		}
		return undefined;
	}

	/** The value a traversal (`var.x`, `local.y`, `azurerm_x.name.attr`…) stands for. */
	evaluate(node: SyntaxNode): Value {
		// A bare name (`id` in `[for id in local.ids : …]`) is a traversal of one step.
		const parts = node.type === 'variable_expr' ? [node] : named(node);
		const text = node.text;
		const key = normalized(text);
		if (
			(node.type !== 'expression' && node.type !== 'variable_expr') ||
			parts[0]?.type !== 'variable_expr'
		)
			return unknown(key, label(text));
		const steps = parts.slice(1);
		let names = steps.map((s) => (s.type === 'get_attr' ? (named(s)[0]?.text ?? '') : '[]'));
		let root = parts[0].text;
		// A loop variable: an element of the collection it ranges over (read as the collection).
		const collection = this.loopCollection(root);
		if (collection) {
			const inner = named(collection);
			if (inner[0]?.type !== 'variable_expr') return unknown(key, label(text));
			root = inner[0].text;
			names = [
				...inner.slice(1).map((s) => (s.type === 'get_attr' ? (named(s)[0]?.text ?? '') : '[]')),
				'[]',
				...names,
			];
		}
		const follow = (value: Value, from: number): Value => {
			for (const name of names.slice(from)) {
				if (value.kind !== 'node') return unknown(key, label(text));
				const object = resolve(value.at).at;
				// An element of a list built by a `for` expression: the one body it is read as.
				const child =
					name === '[]'
						? object.node.type === 'array' && object.node.children?.length === 1
							? object.node.children[0]
							: undefined
						: object.node.type === 'object'
							? object.node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1]
							: undefined;
				if (!child) return unknown(key, label(text));
				value = { kind: 'node', at: { ...object, node: child } };
			}
			return value;
		};
		if (root === 'var' && names[0]) {
			const bound = this.bound.get(names[0]);
			if (bound) return follow(bound, 1);
			const variable = this.variables.get(names[0]);
			if (!variable?.node)
				return unknown(`var.${names[0].toLowerCase()}`, `{var.${names[0]}}`, 'parameter');
			if (!variable.converted) {
				if (this.active.has(variable)) return unknown(`cycle:${key}`, '{?}');
				this.active.add(variable);
				try {
					variable.converted = this.convert(variable.node);
				} finally {
					this.active.delete(variable);
				}
			}
			return follow(this.located(variable.converted), 1);
		}
		if (root === 'local' && names[0]) {
			const local = this.locals.get(names[0]);
			if (!local) return unknown(key, label(text));
			if (!local.converted) {
				if (this.active.has(local)) return unknown(`cycle:${key}`, '{?}');
				this.active.add(local);
				try {
					local.converted = this.convert(local.node);
				} finally {
					this.active.delete(local);
				}
			}
			return follow(this.located(local.converted), 1);
		}
		// A resource or data source attribute: type.name[index].attribute
		const isData = root === 'data';
		const type = isData ? names[0] : root;
		const offset = isData ? 1 : 0;
		const resourceName = names[offset];
		const attribute = [...names.slice(offset + 1)].filter((n) => n !== '[]');
		if (!type || !resourceName || resourceName === '[]') return unknown(key, label(text));
		const resourceKey = `${isData ? 'data.' : ''}${type}.${resourceName}`;
		const last = attribute[attribute.length - 1]?.toLowerCase() ?? '';
		if (type === 'azurerm_key_vault_certificate' || type === 'azurerm_key_vault_secret') {
			const vault = this.vaultOf(resourceKey);
			return unknown(
				`tf:${type}.${last}:${vault}/${resourceName}${last === 'versionless_secret_id' ? '.secreturi' : ''}`,
				label(text),
				attributeTags[last]
			);
		}
		if (type === 'azurerm_key_vault' && last === 'vault_uri') {
			const vault = this.resources.get(resourceKey);
			return unknown(
				`resource:microsoft.keyvault/vaults/${vault ? this.canonicalName(vault) : resourceKey}.vaulturi`,
				label(text),
				'vaultUri'
			);
		}
		if (attribute.length === 1 && attribute[0] === 'name') {
			const resource = this.resources.get(resourceKey);
			const nameNode = resource ? attributesOf(resource.block.body).get('name')?.value : undefined;
			if (resource && nameNode && !this.active.has(resource)) {
				this.active.add(resource);
				try {
					return this.evaluateExpression(nameNode);
				} finally {
					this.active.delete(resource);
				}
			}
		}
		return unknown(
			`tf:${resourceKey}.${attribute.join('.').toLowerCase()}`,
			label(text),
			// `.id` of an identity is its resource ID, which KV032 tells from a client ID.
			type === 'azurerm_user_assigned_identity' && last === 'id'
				? 'resourceId'
				: attributeTags[last]
		);
	}

	private canonicalName(resource: Resource): string {
		const nameNode = attributesOf(resource.block.body).get('name')?.value;
		if (!nameNode || this.active.has(resource)) return `${resource.type}.${resource.name}`;
		this.active.add(resource);
		try {
			return (
				canonicalText(this.evaluateExpression(nameNode))?.toLowerCase() ??
				`${resource.type}.${resource.name}`
			);
		} finally {
			this.active.delete(resource);
		}
	}

	/** `microsoft.keyvault/vaults/<name>` of a certificate's or secret's key_vault_id, when in the file. */
	private vaultOf(resourceKey: string): string {
		const resource = this.resources.get(resourceKey);
		const id = resource ? attributesOf(resource.block.body).get('key_vault_id')?.value : undefined;
		const match = id ? /^(data\.)?azurerm_key_vault\.([\w-]+)\.id$/.exec(reference(id)) : null;
		const vault = match
			? this.resources.get(`${match[1] ?? ''}azurerm_key_vault.${match[2]}`)
			: undefined;
		return vault ? `microsoft.keyvault/vaults/${this.canonicalName(vault)}` : resourceKey;
	}

	/** A property whose value is an attribute's expression. */
	attribute(body: AttributeSource, name: string, key = name): SyntheticProperty | undefined {
		const found = attributesFrom(body).get(name);
		return found
			? { key, keySpan: spanOf(found.key), value: this.convert(found.value) }
			: undefined;
	}

	/** A string property whose value is given (e.g. a type, an OS implied by the resource type). */
	fixed(key: string, at: SyntaxNode, text: string): SyntheticProperty {
		return {
			key,
			keySpan: spanOf(at),
			value: valueNode(this.synthetic, spanOf(at), knownString(text), text),
		};
	}

	/** `settings` read as JSON: `jsonencode({...})` in HCL, or a quoted or heredoc JSON string. */
	settings(body: AttributeSource, name: string, key: string): SyntheticProperty | undefined {
		const found = attributesFrom(body).get(name);
		if (!found) return undefined;
		const keySpan = spanOf(found.key);
		let expression = found.value;
		while (
			named(expression).length === 1 &&
			['expression', 'literal_value', 'template_expr'].includes(expression.type)
		)
			expression = named(expression)[0]!;
		if (
			expression.type === 'string_lit' ||
			expression.type === 'quoted_template' ||
			expression.type === 'heredoc_template'
		) {
			const json = this.embeddedJson(expression);
			if (json) return { key, keySpan, value: json };
		}
		return { key, keySpan, value: this.convert(found.value) };
	}

	/** Parses the JSON text of a string literal or heredoc, positions mapped into the file. */
	private embeddedJson(node: SyntaxNode): JsonNode | undefined {
		const source = this.synthetic.doc.source;
		const pieces = named(node);
		const interpolations = new Map<number, SyntaxNode>();
		let text = '';
		const offsets: number[] = [];
		const literalPieces = pieces.filter(
			(p) => p.type === 'template_literal' || p.type === 'template_interpolation'
		);
		if (literalPieces.length === 0) return undefined;
		let previousEnd = literalPieces[0]!.startIndex;
		for (const piece of literalPieces) {
			// Heredocs: keep the raw text between pieces (indentation, line breaks).
			for (let i = previousEnd; i < piece.startIndex; i++) {
				text += source.raw[i];
				offsets.push(i);
			}
			if (piece.type === 'template_interpolation') {
				interpolations.set(piece.startIndex, piece);
				for (let i = piece.startIndex; i < piece.endIndex; i++) {
					text += source.raw[i];
					offsets.push(i);
				}
			} else if (node.type === 'heredoc_template') {
				text += piece.text;
				for (let i = 0; i < piece.text.length; i++) offsets.push(piece.startIndex + i);
			} else {
				const decoded = decodeLiteral(piece.text, piece.startIndex);
				text += decoded.text;
				for (let k = 0; k < decoded.text.length; k++) offsets.push(decoded.offsets[k]!);
			}
			previousEnd = piece.endIndex;
		}
		offsets.push(previousEnd);
		if (!/^\s*[[{]/.test(text)) return undefined;
		const map: OffsetMap = (o) => offsets[Math.max(0, Math.min(o, offsets.length - 1))]!;
		const doc = parseJsonDocument(source, text, map);
		if (!doc.root || doc.errors.length > 0) return undefined;
		this.embedded = interpolations;
		try {
			return this.adoptJson(doc, doc.root, 0);
		} finally {
			this.embedded = undefined;
		}
	}

	/** Re-creates a parsed JSON node as a synthetic node with raw offsets (strings evaluated). */
	private adoptJson(doc: JsonDocument, node: JsonNode, depth: number): JsonNode {
		const span = { start: doc.toRaw(node.offset), end: doc.toRaw(node.offset + node.length) };
		if (depth > maxDepth)
			return valueNode(this.synthetic, span, unknown(`deep@${span.start}`, '{…}'), '');
		if (node.type === 'object') {
			const properties: SyntheticProperty[] = [];
			for (const property of node.children ?? []) {
				const [key, value] = property.children ?? [];
				if (!key || !value || typeof key.value !== 'string') continue;
				properties.push({
					key: key.value,
					keySpan: { start: doc.toRaw(key.offset), end: doc.toRaw(key.offset + key.length) },
					value: this.adoptJson(doc, value, depth + 1),
				});
			}
			return objectNode(span, properties);
		}
		if (node.type === 'array')
			return arrayNode(
				span,
				(node.children ?? []).map((c) => this.adoptJson(doc, c, depth + 1))
			);
		if (node.type === 'string') {
			const { text, map } = stringContent(doc, node);
			const parts: StringPart[] = [];
			let last = 0;
			for (let i = text.indexOf('${'); i !== -1; i = text.indexOf('${', i + 1)) {
				const interpolation = this.embedded?.get(map(i));
				if (!interpolation) continue;
				const length = interpolation.endIndex - interpolation.startIndex;
				const from = last;
				if (i > from)
					parts.push({
						text: text.slice(from, i),
						origin: { source: doc.source, map: (o) => map(o + from) },
					});
				const inner = named(interpolation).find((p) => p.type === 'expression');
				for (const part of toParts(
					inner ? this.plain(this.evaluateExpression(inner)) : unknown('', '{}'),
					`interpolation@${interpolation.startIndex}`
				))
					parts.push(part);
				last = i + length;
				i = last - 1;
			}
			if (last < text.length) {
				const from = last;
				parts.push({
					text: text.slice(from),
					origin: { source: doc.source, map: (o) => map(o + from) },
				});
			}
			const value =
				parts.length === 0
					? knownString('', { source: doc.source, map })
					: joinWithinBudget(this.synthetic.session, parts, { source: doc.source, ...span });
			return valueNode(
				this.synthetic,
				span,
				value,
				knownText(value) ?? doc.text.slice(node.offset, node.offset + node.length)
			);
		}
		return scalarNode(span, (node.value ?? null) as number | boolean | null);
	}
}

function hostObject(reader: TerraformReader, resource: Resource): JsonNode {
	const { block } = resource;
	const host = hostTypes[resource.type]!;
	const body = block.body;
	const typeLabel = block.labels[0]!;
	const properties: SyntheticProperty[] = [reader.fixed('type', typeLabel, host.type)];
	const name = reader.attribute(body, 'name');
	if (name) properties.push(name);
	const location = reader.attribute(body, 'location');
	if (location) properties.push(location);
	const identity = blocksOf(body).find((b) => b.type === 'identity');
	if (identity) {
		const identityProperties: SyntheticProperty[] = [];
		const type = reader.attribute(identity.body, 'type');
		if (type) identityProperties.push(type);
		const ids = attributesOf(identity.body).get('identity_ids');
		if (ids) {
			const list = reader.convert(ids.value);
			const keys: SyntheticProperty[] =
				list.type === 'array'
					? (list.children ?? []).map((item) => ({
							key: normalized(
								reader.synthetic.doc.text.slice(item.offset, item.offset + item.length)
							),
							keySpan: { start: item.offset, end: item.offset + item.length },
							value: objectNode({ start: item.offset, end: item.offset + item.length }, []),
						}))
					: [];
			identityProperties.push({
				key: 'userAssignedIdentities',
				keySpan: spanOf(ids.key),
				value: objectNode(spanOf(ids.value), keys),
			});
		}
		properties.push({
			key: 'identity',
			keySpan: spanOf(identity.node),
			value: objectNode(spanOf(identity.node), identityProperties),
		});
	} else {
		// `dynamic "identity"`: whether the machine has one depends on for_each, so it is unknown.
		const dynamic = dynamicBlocks(body).find((d) => d.name === 'identity');
		if (dynamic)
			properties.push({
				key: 'identity',
				keySpan: spanOf(dynamic.block.node),
				value: valueNode(
					reader.synthetic,
					spanOf(dynamic.block.node),
					unknown(`dynamic:${resource.type}.${resource.name}.identity`, '{identity}'),
					''
				),
			});
	}
	// What the machine runs: the resource type, else the OS configuration blocks, and the image.
	const machine: SyntheticProperty[] = [];
	const storage: SyntheticProperty[] = [];
	let os = host.os;
	const blocks = blocksOf(body);
	const osProfile = blocks.find((b) => b.type === 'os_profile');
	const nested = blocksOf(osProfile?.body);
	if (
		!os &&
		(blocks.some((b) => b.type === 'os_profile_windows_config') ||
			nested.some((b) => b.type === 'windows_configuration'))
	)
		os = 'Windows';
	if (
		!os &&
		(blocks.some((b) => b.type === 'os_profile_linux_config') ||
			nested.some((b) => b.type === 'linux_configuration'))
	)
		os = 'Linux';
	if (os)
		storage.push({
			key: 'osDisk',
			keySpan: spanOf(typeLabel),
			value: objectNode(spanOf(typeLabel), [reader.fixed('osType', typeLabel, os)]),
		});
	const image = blocks.find(
		(b) => b.type === 'source_image_reference' || b.type === 'storage_image_reference'
	);
	if (image) {
		const imageProperties = ['publisher', 'offer', 'sku']
			.map((key) => reader.attribute(image.body, key))
			.filter((p): p is SyntheticProperty => p !== undefined);
		storage.push({
			key: 'imageReference',
			keySpan: spanOf(image.node),
			value: objectNode(spanOf(image.node), imageProperties),
		});
	}
	if (storage.length > 0)
		machine.push({
			key: 'storageProfile',
			keySpan: spanOf(typeLabel),
			value: objectNode(spanOf(block.node), storage),
		});
	if (host.scaleSet) {
		const entries = blocks
			.filter((b) => b.type === 'extension')
			.map((b) => extensionEntry(reader, b.node, b.body));
		if (entries.length > 0)
			machine.push({
				key: 'extensionProfile',
				keySpan: spanOf(typeLabel),
				value: objectNode(spanOf(block.node), [
					{
						key: 'extensions',
						keySpan: spanOf(typeLabel),
						value: arrayNode(spanOf(block.node), entries),
					},
				]),
			});
	}
	const propertiesNode = objectNode(spanOf(block.node), machine);
	properties.push({
		key: 'properties',
		keySpan: spanOf(typeLabel),
		value: host.scaleSet
			? objectNode(spanOf(block.node), [
					{ key: 'virtualMachineProfile', keySpan: spanOf(typeLabel), value: propertiesNode },
				])
			: propertiesNode,
	});
	return objectNode(spanOf(block.node), properties);
}

/** `{ name, properties: { publisher, type, typeHandlerVersion, settings… } }` of an extension. */
function extensionEntry(
	reader: TerraformReader,
	node: SyntaxNode,
	body: AttributeSource,
	extra: SyntheticProperty[] = []
): JsonNode {
	const properties: SyntheticProperty[] = [];
	for (const [attribute, key] of extensionProperties) {
		const property = reader.attribute(body, attribute, key);
		if (property) properties.push(property);
	}
	const settings = reader.settings(body, 'settings', 'settings');
	if (settings) properties.push(settings);
	const protectedSettings = reader.settings(body, 'protected_settings', 'protectedSettings');
	if (protectedSettings) properties.push(protectedSettings);
	const entry: SyntheticProperty[] = [...extra];
	const name = reader.attribute(body, 'name');
	if (name) entry.push(name);
	entry.push({
		key: 'properties',
		keySpan: { start: node.startIndex, end: node.startIndex + 1 },
		value: objectNode(spanOf(node), properties),
	});
	return objectNode(spanOf(node), entry);
}

function vaultObject(reader: TerraformReader, resource: Resource): JsonNode {
	const { block } = resource;
	const typeLabel = block.labels[0]!;
	const properties: SyntheticProperty[] = [];
	const rbac =
		reader.attribute(block.body, 'enable_rbac_authorization', 'enableRbacAuthorization') ??
		reader.attribute(block.body, 'rbac_authorization_enabled', 'enableRbacAuthorization');
	if (rbac) properties.push(rbac);
	const policies = blocksOf(block.body).filter((b) => b.type === 'access_policy');
	const inline = attributesOf(block.body).get('access_policy');
	if (policies.length > 0)
		properties.push({
			key: 'accessPolicies',
			keySpan: spanOf(policies[0]!.node),
			value: arrayNode(
				spanOf(block.node),
				policies.map((p) => policyObject(reader, p.node, p.body))
			),
		});
	else if (inline)
		properties.push({
			key: 'accessPolicies',
			keySpan: spanOf(inline.key),
			value: reader.convert(inline.value),
		});
	const result: SyntheticProperty[] = [
		reader.fixed('type', typeLabel, 'Microsoft.KeyVault/vaults'),
	];
	const name = reader.attribute(block.body, 'name');
	if (name) result.push(name);
	result.push({
		key: 'properties',
		keySpan: spanOf(typeLabel),
		value: objectNode(spanOf(block.node), properties),
	});
	return objectNode(spanOf(block.node), result);
}

function policyObject(
	reader: TerraformReader,
	node: SyntaxNode,
	body: SyntaxNode | undefined
): JsonNode {
	const secrets = reader.attribute(body, 'secret_permissions', 'secrets');
	// The principal, so that KV036 can tell whether the grant is the extension's identity's.
	const objectId = reader.attribute(body, 'object_id', 'objectId');
	return objectNode(spanOf(node), [
		...(objectId ? [objectId] : []),
		{
			key: 'permissions',
			keySpan: spanOf(node),
			value: objectNode(spanOf(node), secrets ? [secrets] : []),
		},
	]);
}

/**
 * Reads a Terraform file into the model the ARM input feeds: azurerm machines, scale sets (with
 * their extension blocks), Arc machines, extension resources, vaults, access policies and role
 * assignments; variables (defaults) and locals. Module inputs and data sources stay unknown.
 */
export function readTerraform(
	source: SourceText,
	root: SyntaxNode,
	budget?: EvaluationSession,
	modules?: ModuleFollower
): CheckedDocument {
	const saved = bodies;
	bodies = new Map();
	try {
		return readTerraformFile(source, root, budget, modules);
	} finally {
		bodies = saved;
	}
}

function readTerraformFile(
	source: SourceText,
	root: SyntaxNode,
	budget: EvaluationSession | undefined,
	modules: ModuleFollower | undefined,
	bound?: ReadonlyMap<string, Value>
): CheckedDocument {
	const reader = new TerraformReader(source, root, budget);
	for (const [name, value] of bound ?? []) reader.bound.set(name, value);
	const { synthetic } = reader;
	const top: SyntheticProperty[] = [];
	const hosts = new Map<string, Resource>();
	for (const [key, resource] of reader.resources) {
		if (resource.kind !== 'resource') continue;
		const { block } = resource;
		const typeLabel = block.labels[0]!;
		const symbol = { key: key, keySpan: spanOf(block.labels[1]!) };
		if (hostTypes[resource.type]) {
			resource.object = hostObject(reader, resource);
			hosts.set(key, resource);
			top.push({ ...symbol, value: resource.object });
		} else if (resource.type === 'azurerm_key_vault') {
			top.push({ ...symbol, value: vaultObject(reader, resource) });
		} else if (resource.type === 'azurerm_key_vault_access_policy') {
			const vaultId = attributesOf(block.body).get('key_vault_id')?.value;
			const match = vaultId ? /^azurerm_key_vault\.([\w-]+)\.id$/.exec(reference(vaultId)) : null;
			const vaultName = match
				? attributesOf(reader.resources.get(`azurerm_key_vault.${match[1]}`)?.block.body).get(
						'name'
					)?.value
				: undefined;
			const nameValue = vaultName
				? concatParts([...toParts(reader.plainOf(vaultName), 'vault'), { text: '/add' }])
				: unknown(`policy:${key}`, '{?}');
			top.push({
				...symbol,
				value: objectNode(spanOf(block.node), [
					reader.fixed('type', typeLabel, 'Microsoft.KeyVault/vaults/accessPolicies'),
					{
						key: 'name',
						keySpan: spanOf(typeLabel),
						value: valueNode(synthetic, spanOf(typeLabel), nameValue, ''),
					},
					{
						key: 'properties',
						keySpan: spanOf(typeLabel),
						value: objectNode(spanOf(block.node), [
							{
								key: 'accessPolicies',
								keySpan: spanOf(typeLabel),
								value: arrayNode(spanOf(block.node), [
									policyObject(reader, block.node, block.body),
								]),
							},
						]),
					},
				]),
			});
		} else if (resource.type === 'azurerm_role_assignment') {
			const attributes = attributesOf(block.body);
			const byId = reader.attribute(block.body, 'role_definition_id', 'roleDefinitionId');
			const byName = attributes.get('role_definition_name');
			let role = byId;
			if (!role && byName) {
				const value = reader.plainOf(byName.value);
				const text = knownText(value);
				const id = text === undefined ? undefined : (roleIds[text.toLowerCase()] ?? text);
				role = {
					key: 'roleDefinitionId',
					keySpan: spanOf(byName.key),
					value: valueNode(
						synthetic,
						spanOf(byName.value),
						id === undefined ? value : knownString(id),
						byName.value.text
					),
				};
			}
			top.push({
				...symbol,
				value: objectNode(spanOf(block.node), [
					reader.fixed('type', typeLabel, 'Microsoft.Authorization/roleAssignments'),
					{
						key: 'properties',
						keySpan: spanOf(typeLabel),
						value: objectNode(spanOf(block.node), role ? [role] : []),
					},
				]),
			});
		}
	}
	for (const [key, resource] of reader.resources) {
		const extension = resource.kind === 'resource' ? extensionTypes[resource.type] : undefined;
		if (!extension) continue;
		const { block } = resource;
		const typeLabel = block.labels[0]!;
		const hostId = attributesOf(block.body).get(extension.hostAttribute)?.value;
		const match = hostId ? /^([\w-]+\.[\w-]+)\.id$/.exec(reference(hostId)) : null;
		const host = match ? hosts.get(match[1]!) : undefined;
		const typeProperty = reader.fixed('type', typeLabel, extension.type);
		if (host?.object) {
			host.children.push({
				key,
				keySpan: spanOf(block.labels[1]!),
				value: extensionEntry(reader, block.node, block.body, [typeProperty]),
			});
			continue;
		}
		// The machine is not declared here (a data source, a variable, a module output): its name is unknown.
		const nameAttribute = attributesOf(block.body).get('name');
		const extra: SyntheticProperty[] = [typeProperty];
		const entry = extensionEntry(reader, block.node, block.body, extra);
		if (nameAttribute) {
			const own = reader.plainOf(nameAttribute.value);
			const value = concatParts([
				{
					hole: {
						key: `host:${hostId ? normalized(hostId.text) : key}`,
						label: hostId ? label(hostId.text) : '{?}',
					},
				},
				{ text: '/' },
				...toParts(own, `name:${key}`),
			]);
			const property = entry.children?.find((p) => p.children?.[0]?.value === 'name');
			if (property?.children?.[1]) synthetic.session.values.set(property.children[1], value);
		}
		top.push({ key, keySpan: spanOf(block.labels[1]!), value: entry });
	}
	// Extensions passed to the Azure Verified Modules for machines and scale sets.
	const rootBody = topBody(root);
	for (const block of blocksOf(rootBody)) {
		if (block.type !== 'module' || !block.labels[0]) continue;
		const moduleName = labelText(block.labels[0]);
		moduleExtensions(block).forEach(({ attributes, node, scaleSet }, index) => {
			const key = `module.${moduleName}.extension${index}`;
			const typeProperty = reader.fixed(
				'type',
				block.labels[0]!,
				scaleSet
					? 'Microsoft.Compute/virtualMachineScaleSets/extensions'
					: 'Microsoft.Compute/virtualMachines/extensions'
			);
			const entry = extensionEntry(reader, node, attributes, [typeProperty]);
			const nameAttribute = attributes.get('name');
			if (nameAttribute) {
				const value = concatParts([
					{ hole: { key: `host:module.${moduleName}`, label: `{module.${moduleName}}` } },
					{ text: '/' },
					...toParts(reader.plainOf(nameAttribute.value), `name:${key}`),
				]);
				const property = entry.children?.find((p) => p.children?.[0]?.value === 'name');
				if (property?.children?.[1]) synthetic.session.values.set(property.children[1], value);
			}
			top.push({ key, keySpan: spanOf(block.labels[0]!), value: entry });
		});
	}
	for (const host of hosts.values())
		if (host.children.length > 0 && host.object)
			addProperty(host.object, {
				key: 'resources',
				keySpan: spanOf(host.block.labels[1]!),
				value: objectNode(spanOf(host.block.node), host.children),
			});
	const called = modules
		? blocksOf(rootBody).flatMap((block) => followModule(reader, block, source, modules) ?? [])
		: [];
	const resources = objectNode({ start: 0, end: source.raw.length }, top);
	return withModuleDocuments(
		findKeyVaultExtensions(synthetic.doc, synthetic.scope, resources),
		called
	);
}

/** The local folder a module block's `source` names, if it is one. */
function localModuleSource(block: Block): string | undefined {
	if (block.type !== 'module') return undefined;
	const value = attributesOf(block.body).get('source')?.value;
	const text = value ? unwrapped(value) : undefined;
	const path =
		text?.type === 'template_expr' || text?.type === 'string_lit'
			? text.text.slice(1, -1)
			: undefined;
	return path !== undefined && isLocalTerraformModule(path) ? path : undefined;
}

/** The `variable "name"` block declaring a module input, in any of the module's files. */
function variableDeclaration(
	files: ReadonlyArray<{ source: SourceText; root: SyntaxNode }>,
	name: string
): Place | undefined {
	for (const { source, root } of files)
		for (const block of blocksOf(topBody(root)))
			if (block.type === 'variable' && block.labels[0] && labelText(block.labels[0]) === name)
				return { source, start: block.labels[0].startIndex, end: block.labels[0].endIndex };
	return undefined;
}

/**
 * Reads the local module folder a `module` block names, its variables bound to the values the call
 * passes (read in the calling file, so a finding about a passed value is placed at the call). A
 * module not read is said at the call, with its path and why.
 */
function followModule(
	reader: TerraformReader,
	block: Block,
	source: SourceText,
	modules: ModuleFollower
): CheckedDocument | undefined {
	const path = localModuleSource(block);
	if (path === undefined) return undefined;
	const call = {
		source,
		start: block.node.startIndex,
		end: (block.labels[0] ?? block.node).endIndex,
	};
	const opened = modules.open(path, source, 'terraform');
	if (typeof opened === 'string') {
		modules.skipped(call, path, opened);
		return undefined;
	}
	const { synthetic } = reader;
	const bound = new Map<string, Value>();
	const values: ModuleBinding['values'] = [];
	const saved = bodies;
	bodies = new Map();
	try {
		for (const [name, { value }] of attributesOf(block.body)) {
			if (metaArguments.has(name)) continue;
			const node = reader.convert(value);
			bound.set(name, { kind: 'node', at: { doc: synthetic.doc, node, scope: synthetic.scope } });
			const declared = variableDeclaration(opened.files, name);
			if (declared)
				values.push({
					name,
					value: { source, start: value.startIndex, end: value.endIndex },
					declared,
				});
		}
		const documents = opened.files.map((file) => {
			bodies = new Map();
			return readTerraformFile(file.source, file.root, synthetic.session, opened.follower, bound);
		});
		modules.bind({ call, path, files: opened.files.map((f) => f.source.path), values });
		return withModuleDocuments(documents[0]!, documents.slice(1));
	} finally {
		bodies = saved;
	}
}

/** Arguments of a module block that are not the module's inputs. */
const metaArguments = new Set([
	'source',
	'version',
	'providers',
	'count',
	'for_each',
	'depends_on',
]);
