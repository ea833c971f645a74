import { findKeyVaultExtensions } from '../find.ts';
import { entries, parseJsonDocument, propertyValue, type JsonNode } from '../json.ts';
import type { CheckedDocument } from '../model.ts';
import { resolve } from '../navigate.ts';
import type { EvaluationSession } from '../scope.ts';
import { shiftMap, type SourceText } from '../source.ts';
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
	mutable,
	objectNode,
	scalarNode,
	valueNode,
	type Span,
	type SyntheticDocument,
	type SyntheticProperty,
} from './synthetic.ts';
import type { SyntaxNode } from './tree-sitter.ts';
import {
	isLocalBicepModule,
	withModuleDocuments,
	type ModuleBinding,
	type ModuleFollower,
} from './local-modules.ts';
import { joinWithinBudget } from './value-budget.ts';
import { decideCondition } from '../branches.ts';

/** Deepest expression nesting read; deeper parts stay unknown. */
const maxDepth = 200;

/** A `for` over a known array of at most this many items is read item by item. */
const maxLoopItems = 64;

const tagsByProperty: Record<string, HoleTag> = {
	secreturi: 'secretUri',
	secreturiwithversion: 'secretUriWithVersion',
	vaulturi: 'vaultUri',
	clientid: 'clientId',
	principalid: 'principalId',
	tenantid: 'tenantId',
	id: 'resourceId',
};

interface Declaration {
	kind: 'param' | 'var' | 'resource' | 'module';
	name: string;
	node: SyntaxNode;
	/** The value expression (param default, var value, resource body). */
	value: SyntaxNode | undefined;
	/** A value given by a .bicepparam file. */
	given?: { synthetic: SyntheticDocument; node: SyntaxNode };
	/** The value a module call passes for this parameter (read in the calling file). */
	bound?: Value;
	converted?: JsonNode;
	/** Lower-case resource type without API version. */
	type?: string;
	existing?: boolean;
	resource?: ResourceBuild;
}

interface ResourceBuild {
	declaration: Declaration;
	object: JsonNode;
	parentName: string | undefined;
	children: Array<[string, JsonNode]>;
	/** Symbolic names this resource refers to (implicit dependencies). */
	references: Set<string>;
}

/**
 * Parameter values given to a Bicep file: read from a .bicepparam file, or values of a JSON
 * parameters file (`parameters.<name>.value`, see `jsonBicepParameters`).
 */
export type BicepParameters = Map<
	string,
	{ synthetic: SyntheticDocument; node: SyntaxNode } | Value
>;

/** The values of a JSON parameters file (`{ "parameters": { "x": { "value": … } } }`) for Bicep. */
export function jsonBicepParameters(source: SourceText): BicepParameters {
	const doc = parseJsonDocument(source);
	const result: BicepParameters = new Map();
	const parameters = doc.root ? propertyValue(doc.root, 'parameters') : undefined;
	for (const [name, entry] of parameters ? entries(parameters) : []) {
		const value = entry.type === 'object' ? propertyValue(entry, 'value') : undefined;
		// A Key Vault reference (`reference`) has no value here: the default stays unknown too.
		if (value) result.set(name, { kind: 'node', at: { doc, node: value, scope: undefined } });
		else result.set(name, unknown(`param:${name.toLowerCase()}`, `{${name}}`, 'parameter'));
	}
	return result;
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

function label(text: string): string {
	const flat = text.replace(/\s+/g, ' ');
	return `{${flat.length > 60 ? `${flat.slice(0, 57)}…` : flat}}`;
}

const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', $: '$', "'": "'", '\\': '\\' };

function decodeEscape(text: string): string {
	const code = /^\\u\{([0-9a-fA-F]{1,6})\}$/.exec(text);
	if (code) {
		const value = parseInt(code[1]!, 16);
		return value <= 0x10ffff ? String.fromCodePoint(value) : '';
	}
	return escapes[text.slice(1)] ?? text.slice(1);
}

/** Reads the declarations of a Bicep file (or of a .bicepparam file). */
function declarationsOf(root: SyntaxNode): Map<string, Declaration> {
	const declarations = new Map<string, Declaration>();
	for (const node of named(root)) {
		const parts = named(node);
		const id = parts[0];
		if (!id || id.type !== 'identifier') continue;
		const name = id.text;
		if (node.type === 'parameter_declaration') {
			const value = parts.slice(1).find((p) => p.type !== 'type');
			declarations.set(name, { kind: 'param', name, node, value });
		} else if (node.type === 'variable_declaration') {
			declarations.set(name, { kind: 'var', name, node, value: parts[parts.length - 1] });
		} else if (node.type === 'resource_declaration') {
			const typeNode = parts[1];
			declarations.set(name, {
				kind: 'resource',
				name,
				node,
				value: parts[2],
				type:
					typeNode?.type === 'string'
						? typeNode.text.slice(1, -1).split('@')[0]!.toLowerCase()
						: '',
				existing: node.children.some((c) => c?.type === 'existing'),
			});
		} else if (node.type === 'module_declaration') {
			declarations.set(name, { kind: 'module', name, node, value: parts[2] });
		}
	}
	return declarations;
}

/**
 * A .bicepparam text the Bicep grammar parses whole: tree-sitter-bicep 1.1.0 has no .bicepparam
 * syntax and reads `param x = value` as a type, so each `param x =` is read as `var   x =` (same
 * length: every offset stays where it is written). Node texts are read from the original text.
 */
export function bicepparamAsBicep(text: string): string {
	return text.replace(
		/^([ \t]*)param(\s+[A-Za-z_]\w*\s*=)/gm,
		(_, indent: string, rest: string) => `${indent}var  ${rest}`
	);
}

/** Parameter assignments of a .bicepparam file (`param name = value`, parsed as `bicepparamAsBicep`). */
export function readBicepParameters(
	source: SourceText,
	root: SyntaxNode,
	budget?: EvaluationSession
): BicepParameters {
	const result: BicepParameters = new Map();
	const synthetic = createSyntheticDocument(source, budget);
	for (const node of named(root)) {
		if (
			node.type !== 'parameter_declaration' &&
			node.type !== 'parameter_assignment' &&
			// `var` written as such stays a variable; only a rewritten `param` is a value.
			!(node.type === 'variable_declaration' && source.raw.startsWith('param', node.startIndex))
		)
			continue;
		const parts = named(node);
		const id = parts[0];
		// tree-sitter-bicep 1.1.0 has no .bicepparam syntax: `param x = value` parses as an ERROR
		// for `=` and the value as a type; the value is the last piece either way.
		let value = parts
			.slice(1)
			.filter((p) => p.type !== 'ERROR')
			.pop();
		if (value?.type === 'type') value = named(value)[0];
		if (id?.type === 'identifier' && value && value.type !== 'primitive_type')
			result.set(id.text, { synthetic, node: value });
	}
	return result;
}

class BicepReader {
	readonly synthetic: SyntheticDocument;
	readonly declarations: Map<string, Declaration>;
	/** Loop variables in scope, innermost last: the offset that names an unknown one, or its value. */
	private readonly loopVariables: Array<Map<string, number | Value>> = [];
	private readonly active = new Set<Declaration>();
	/** Symbolic names referenced while converting the current resource. */
	private references: Set<string> | undefined;
	private depth = 0;
	/** Every resource built, nested ones included. */
	readonly builds: ResourceBuild[] = [];

	constructor(
		source: SourceText,
		root: SyntaxNode,
		given: BicepParameters | undefined,
		budget: EvaluationSession | undefined
	) {
		this.synthetic = createSyntheticDocument(source, budget);
		this.declarations = declarationsOf(root);
		for (const [name, value] of given ?? []) {
			const declaration = this.declarations.get(name);
			if (declaration?.kind !== 'param') continue;
			if ('kind' in value) declaration.bound = value;
			else declaration.given = value;
		}
	}

	/** Converts an expression to a JSON-shaped node. */
	convert(node: SyntaxNode, synthetic = this.synthetic): JsonNode {
		if (this.depth > maxDepth)
			return valueNode(
				synthetic,
				spanOf(node),
				unknown(`deep@${node.startIndex}`, '{…}'),
				node.text
			);
		this.depth++;
		try {
			return this.convertInner(node, synthetic);
		} finally {
			this.depth--;
		}
	}

	private convertInner(node: SyntaxNode, synthetic: SyntheticDocument): JsonNode {
		const span = spanOf(node);
		switch (node.type) {
			case 'object': {
				const properties: SyntheticProperty[] = [];
				for (const property of named(node)) {
					if (property.type !== 'object_property') continue;
					const parts = named(property);
					const key = parts[0];
					const value = parts[parts.length - 1];
					if (!key || !value || parts.length < 2 || value.type === 'resource_declaration') continue;
					const keyText =
						key.type === 'string' ? key.text.slice(1, -1).replace(/\\'/g, "'") : key.text;
					properties.push({
						key: keyText,
						keySpan: spanOf(key),
						value: this.convert(value, synthetic),
					});
				}
				return objectNode(span, properties);
			}
			case 'array':
				return arrayNode(
					span,
					named(node).map((item) => this.convert(item, synthetic))
				);
			case 'for_statement': {
				const parts = named(node);
				const body = parts[parts.length - 1];
				const head = parts[0];
				const names =
					head?.type === 'identifier'
						? [head]
						: head?.type === 'for_loop_parameters'
							? named(head)
							: [];
				if (!body) return arrayNode(span, []);
				const items = parts.length === 3 ? this.knownItems(parts[1]!, synthetic) : undefined;
				// Over a known array (a default, a parameters file): one body per item, each seeing
				// its item; otherwise one body with the loop variables unknown.
				const rounds: Array<Map<string, number | Value>> = items
					? items.map((item, index) => {
							const bound = new Map<string, number | Value>();
							if (names[0]) bound.set(names[0].text, item);
							if (names[1]) bound.set(names[1].text, { kind: 'number', value: index });
							return bound;
						})
					: [new Map(names.map((v) => [v.text, v.startIndex]))];
				const converted: JsonNode[] = [];
				for (const variables of rounds) {
					this.loopVariables.push(variables);
					try {
						converted.push(this.convert(body, synthetic));
					} finally {
						this.loopVariables.pop();
					}
				}
				return arrayNode(span, converted);
			}
			case 'if_statement': {
				const body = named(node).find((p) => p.type === 'object');
				return body ? this.convert(body, synthetic) : objectNode(span, []);
			}
			case 'parenthesized_expression': {
				const inner = named(node)[0];
				return inner ? this.convert(inner, synthetic) : objectNode(span, []);
			}
			case 'ternary_expression': {
				const branch = this.branchTaken(node, synthetic);
				return branch
					? this.convert(branch, synthetic)
					: valueNode(synthetic, span, this.evaluate(node, synthetic), node.text);
			}
			case 'number': {
				const value = Number(node.text);
				return Number.isFinite(value)
					? scalarNode(span, value)
					: valueNode(synthetic, span, unknown(node.text, node.text), node.text);
			}
			case 'boolean':
				return scalarNode(span, node.text === 'true');
			case 'null':
				return scalarNode(span, null);
			case 'string': {
				const pieces = node.namedChildren;
				const value = this.stringValue(node, synthetic, pieces);
				const known = pieces.some((p) => p.type === 'interpolation') ? undefined : knownText(value);
				return valueNode(synthetic, span, value, known ?? node.text);
			}
			default:
				return valueNode(synthetic, span, this.evaluate(node, synthetic), node.text);
		}
	}

	private stringValue(
		node: SyntaxNode,
		synthetic: SyntheticDocument,
		pieces: readonly SyntaxNode[] = node.namedChildren
	): Value {
		const origin = (start: number) => ({ source: synthetic.doc.source, map: shiftMap(start) });
		// The common case, plain text: one part, no joining.
		const [first] = pieces;
		if (
			pieces.length === 1 &&
			first!.type === 'string_content' &&
			first!.endIndex > first!.startIndex
		)
			return knownString(first!.text, origin(first!.startIndex));
		const parts: StringPart[] = [];
		for (const piece of pieces) {
			if (piece.type === 'string_content')
				parts.push({ text: piece.text, origin: origin(piece.startIndex) });
			else if (piece.type === 'escape_sequence')
				parts.push({ text: decodeEscape(piece.text), origin: origin(piece.startIndex) });
			else if (piece.type === 'interpolation') {
				const inner = named(piece)[0];
				const value = inner
					? this.plain(this.evaluateOrConvert(inner, synthetic))
					: unknown('', '{}');
				for (const part of toParts(value, `interpolation@${piece.startIndex}`)) parts.push(part);
			}
		}
		return parts.length === 0
			? knownString('', origin(node.startIndex + 1))
			: joinWithinBudget(this.synthetic.session, parts, {
					source: synthetic.doc.source,
					start: node.startIndex,
					end: node.endIndex,
				});
	}

	/** A value that may stand for a node (a reference), for places that need text. */
	private plain(value: Value): Value {
		return value.kind === 'node' ? resolve(value.at).value : value;
	}

	private evaluateOrConvert(node: SyntaxNode, synthetic: SyntheticDocument): Value {
		if (node.type === 'string') return this.stringValue(node, synthetic);
		if (node.type === 'number' || node.type === 'boolean' || node.type === 'null') {
			const converted = this.convert(node, synthetic);
			return resolve({ doc: synthetic.doc, node: converted, scope: synthetic.scope }).value;
		}
		return this.evaluate(node, synthetic);
	}

	/** The items of a loop's collection when it is an array known here (at most `maxLoopItems`). */
	private knownItems(node: SyntaxNode, synthetic: SyntheticDocument): Value[] | undefined {
		const value = this.evaluateOrConvert(node, synthetic);
		if (value.kind !== 'node') return undefined;
		const at = resolve(value.at).at;
		const items = at.node.type === 'array' ? (at.node.children ?? []) : undefined;
		if (!items || items.length === 0 || items.length > maxLoopItems) return undefined;
		return items.map((item) => ({ kind: 'node', at: { ...at, node: item } }) as Value);
	}

	private loopVariable(name: string): number | Value | undefined {
		for (let i = this.loopVariables.length - 1; i >= 0; i--) {
			const offset = this.loopVariables[i]!.get(name);
			if (offset !== undefined) return offset;
		}
		return undefined;
	}

	/** The located node a param or var stands for, converted on first use. */
	private declarationValue(declaration: Declaration): Value {
		const { name } = declaration;
		if (declaration.bound) return declaration.bound;
		const source =
			declaration.given ??
			(declaration.value ? { synthetic: this.synthetic, node: declaration.value } : undefined);
		if (!source) return unknown(`param:${name.toLowerCase()}`, `{${name}}`, 'parameter');
		if (!declaration.converted) {
			if (this.active.has(declaration)) return unknown(`cycle:${name}`, '{?}');
			this.active.add(declaration);
			const saved = this.loopVariables.splice(0);
			try {
				declaration.converted = this.convert(source.node, source.synthetic);
			} finally {
				this.loopVariables.push(...saved);
				this.active.delete(declaration);
			}
		}
		const { synthetic } = source;
		return {
			kind: 'node',
			at: { doc: synthetic.doc, node: declaration.converted, scope: synthetic.scope },
		};
	}

	/** The canonical name of a resource declaration (lower case, holes as markers). */
	private resourceKey(declaration: Declaration): string {
		const body = this.resourceBody(declaration);
		const nameNode = body ? this.bodyProperty(body, 'name') : undefined;
		let name = `{${declaration.name}}`;
		if (nameNode) {
			const value = this.plain(this.evaluateOrConvert(nameNode, this.synthetic));
			name = canonicalText(value)?.toLowerCase() ?? name;
		}
		return `${declaration.type ?? ''}/${name}`;
	}

	resourceBody(declaration: Declaration): SyntaxNode | undefined {
		let body = declaration.value;
		for (let i = 0; body && i < 4 && body.type !== 'object'; i++) {
			const parts = named(body);
			body =
				body.type === 'for_statement'
					? parts[parts.length - 1]
					: parts.find(
							(p) => p.type === 'object' || p.type === 'if_statement' || p.type === 'for_statement'
						);
		}
		return body?.type === 'object' ? body : undefined;
	}

	bodyProperty(body: SyntaxNode, key: string): SyntaxNode | undefined {
		for (const property of named(body)) {
			if (property.type !== 'object_property') continue;
			const parts = named(property);
			if (parts.length >= 2 && parts[0]!.text === key) return parts[parts.length - 1];
		}
		return undefined;
	}

	/** The value of `symbol.path` where symbol is a resource or module. */
	private resourceMember(
		declaration: Declaration,
		path: string[],
		text: string,
		synthetic: SyntheticDocument
	): Value {
		this.references?.add(declaration.name);
		if (declaration.kind === 'module')
			return unknown(`module:${declaration.name}.${normalized(path.join('.'))}`, label(text));
		if (this.active.has(declaration)) return unknown(`cycle:${declaration.name}`, '{?}');
		const inLoop = declaration.value?.type === 'for_statement';
		const [first] = path;
		if (path.length === 1 && first === 'name' && !inLoop) {
			const body = this.resourceBody(declaration);
			const nameNode = body ? this.bodyProperty(body, 'name') : undefined;
			if (nameNode) {
				this.active.add(declaration);
				try {
					return this.plain(this.evaluateOrConvert(nameNode, synthetic));
				} finally {
					this.active.delete(declaration);
				}
			}
		}
		this.active.add(declaration);
		let key: string;
		try {
			key = this.resourceKey(declaration);
		} finally {
			this.active.delete(declaration);
		}
		const last = path[path.length - 1]?.toLowerCase() ?? '';
		const tag = tagsByProperty[last];
		return unknown(`resource:${key}.${path.join('.').toLowerCase()}`, label(text), tag);
	}

	/** The static value of an expression. */
	evaluate(node: SyntaxNode, synthetic: SyntheticDocument): Value {
		const text = node.text;
		switch (node.type) {
			case 'identifier': {
				const loop = this.loopVariable(text);
				if (typeof loop === 'number') return unknown(`loop:${text}@${loop}`, `{${text}}`);
				if (loop !== undefined) return loop;
				const declaration = this.declarations.get(text);
				if (!declaration) return unknown(`id:${text}`, `{${text}}`);
				if (declaration.kind === 'param' || declaration.kind === 'var')
					return this.declarationValue(declaration);
				this.references?.add(declaration.name);
				return unknown(`symbol:${text}`, `{${text}}`);
			}
			case 'parenthesized_expression': {
				const inner = named(node)[0];
				return inner
					? this.evaluateOrConvert(inner, synthetic)
					: unknown(normalized(text), label(text));
			}
			case 'member_expression': {
				if (/^environment\(\)\.suffixes\.keyvaultdns$/.test(normalized(text)))
					return unknown('environment().suffixes.keyvaultdns', '{keyvaultDns}', 'keyvaultDns');
				const path: string[] = [];
				let base: SyntaxNode | null = node;
				while (base?.type === 'member_expression') {
					const parts = named(base);
					path.unshift(parts[parts.length - 1]?.text ?? '');
					base = parts[0] ?? null;
				}
				if (base?.type === 'identifier' && this.loopVariable(base.text) === undefined) {
					const declaration = this.declarations.get(base.text);
					if (declaration?.kind === 'resource' || declaration?.kind === 'module')
						return this.resourceMember(declaration, path, text, synthetic);
				}
				if (!base) return unknown(normalized(text), label(text));
				let value = this.evaluateOrConvert(base, synthetic);
				for (const name of path) {
					if (value.kind === 'node') {
						const object = resolve(value.at).at;
						const child =
							object.node.type === 'object'
								? object.node.children?.find((p) => p.children?.[0]?.value === name)?.children?.[1]
								: undefined;
						value = child
							? { kind: 'node', at: { ...object, node: child } }
							: unknown(normalized(text), label(text));
						continue;
					}
					if (value.kind === 'unknown') {
						const tag = tagsByProperty[name.toLowerCase()];
						value = unknown(
							`${value.hole.key}.${name.toLowerCase()}`,
							label(text),
							tag === 'resourceId' ? undefined : tag
						);
						continue;
					}
					return unknown(normalized(text), label(text));
				}
				return value;
			}
			case 'string':
			case 'number':
			case 'boolean':
			case 'null':
				return this.evaluateOrConvert(node, synthetic);
			case 'ternary_expression': {
				const branch = this.branchTaken(node, synthetic);
				if (!branch) break;
				if (branch.type === 'object' || branch.type === 'array' || branch.type === 'for_statement')
					return {
						kind: 'node',
						at: {
							doc: synthetic.doc,
							node: this.convert(branch, synthetic),
							scope: synthetic.scope,
						},
					};
				return this.evaluateOrConvert(branch, synthetic);
			}
		}
		// Calls, operators, indexes: unknown, but resource references inside still count.
		this.noteReferences(node);
		return unknown(normalized(text), label(text));
	}

	/**
	 * The branch of `c ? a : b` that is taken: when `c` is known, or when this reading pass assumes
	 * it (branches.ts); otherwise undefined, and the condition is noted for the engine to try.
	 */
	private branchTaken(node: SyntaxNode, synthetic: SyntheticDocument): SyntaxNode | undefined {
		const [condition, whenTrue, whenFalse] = named(node);
		if (!condition || !whenTrue || !whenFalse) return undefined;
		const holds = this.conditionHolds(condition, synthetic);
		return holds === undefined ? undefined : holds ? whenTrue : whenFalse;
	}

	private conditionHolds(node: SyntaxNode, synthetic: SyntheticDocument): boolean | undefined {
		let condition = node;
		while (condition.type === 'parenthesized_expression' && named(condition).length === 1)
			condition = named(condition)[0]!;
		if (condition.type === 'boolean') return condition.text === 'true';
		const at = {
			source: synthetic.doc.source,
			start: condition.startIndex,
			end: condition.endIndex,
		};
		const parts = named(condition);
		if (condition.type === 'binary_expression' && parts.length === 2) {
			const [left, right] = parts as [SyntaxNode, SyntaxNode];
			const operator = condition.text
				.slice(left.endIndex - condition.startIndex, right.startIndex - condition.startIndex)
				.trim();
			if (['==', '!=', '=~', '!~'].includes(operator)) {
				const negated = operator.startsWith('!');
				const text = (side: SyntaxNode) =>
					knownText(this.plain(this.evaluateOrConvert(side, synthetic)));
				const [a, b] = [text(left), text(right)];
				if (a !== undefined && b !== undefined)
					return (
						(operator.endsWith('~') ? a.toLowerCase() === b.toLowerCase() : a === b) !== negated
					);
				const subject = a === undefined ? left : right;
				const literal = a === undefined ? b : a;
				if (literal !== undefined)
					return decideCondition(synthetic.session.branches, {
						subject: normalized(subject.text),
						label: subject.text,
						literal,
						negated,
						at,
					});
			}
		}
		const value = this.plain(this.evaluateOrConvert(condition, synthetic));
		if (value.kind === 'boolean') return value.value;
		return decideCondition(synthetic.session.branches, {
			subject: normalized(condition.text),
			label: condition.text,
			at,
		});
	}

	private noteReferences(node: SyntaxNode): void {
		if (!this.references) return;
		const stack = [node];
		for (let seen = 0; stack.length > 0 && seen < 10_000; seen++) {
			const current = stack.pop()!;
			if (current.type === 'identifier') {
				const declaration = this.declarations.get(current.text);
				if (declaration?.kind === 'resource' || declaration?.kind === 'module')
					this.references.add(declaration.name);
			}
			for (const c of current.namedChildren) if (c) stack.push(c);
		}
	}

	/**
	 * Converts a part of a declaration's body; in a loop (`= [for x in xs: { … }]`) the loop's
	 * variables are unknown there, never a parameter or variable of the same name.
	 */
	convertInLoop(declaration: Declaration, node: SyntaxNode): JsonNode {
		const loopValue = declaration.value;
		if (loopValue?.type !== 'for_statement') return this.convert(node);
		const head = named(loopValue)[0];
		const variables = new Map<string, number>();
		if (head?.type === 'identifier') variables.set(head.text, head.startIndex);
		else if (head?.type === 'for_loop_parameters')
			for (const v of named(head)) variables.set(v.text, v.startIndex);
		this.loopVariables.push(variables);
		try {
			return this.convert(node);
		} finally {
			this.loopVariables.pop();
		}
	}

	/** Builds the ARM-shaped object of one resource declaration (nested ones included). */
	buildResource(
		declaration: Declaration,
		typeNode: SyntaxNode | undefined
	): ResourceBuild | undefined {
		const body = this.resourceBody(declaration);
		if (!body) return undefined;
		const references = new Set<string>();
		const saved = this.references;
		this.references = references;
		let object: JsonNode;
		try {
			object = this.convertInLoop(declaration, body);
		} finally {
			this.references = saved;
		}
		const typeText = typeNode ? typeNode.text.slice(1, -1).split('@')[0]! : '';
		addProperty(object, {
			key: 'type',
			keySpan: typeNode ? spanOf(typeNode) : spanOf(declaration.node),
			value: valueNode(
				this.synthetic,
				typeNode ? spanOf(typeNode) : spanOf(declaration.node),
				knownString(
					typeText,
					typeNode
						? { source: this.synthetic.doc.source, map: shiftMap(typeNode.startIndex + 1) }
						: undefined
				),
				typeText
			),
		});
		// An existing machine's identity and OS are not in the file: unknown, never assumed absent.
		if (declaration.existing) {
			const id = named(declaration.node)[0]!;
			for (const key of ['identity', 'properties'])
				if (!object.children?.some((p) => p.children?.[0]?.value === key))
					addProperty(object, {
						key,
						keySpan: spanOf(id),
						value: valueNode(
							this.synthetic,
							spanOf(id),
							unknown(`existing:${declaration.name}.${key}`, `{${declaration.name}.${key}}`),
							id.text
						),
					});
		}
		const parentNode = this.bodyProperty(body, 'parent');
		const parentName = parentNode?.type === 'identifier' ? parentNode.text : undefined;
		const build: ResourceBuild = { declaration, object, parentName, children: [], references };
		declaration.resource = build;
		this.builds.push(build);
		// Nested child resources.
		for (const property of named(body)) {
			if (property.type !== 'object_property') continue;
			const child = named(property)[0];
			if (child?.type !== 'resource_declaration') continue;
			const parts = named(child);
			const id = parts[0];
			if (id?.type !== 'identifier') continue;
			const childDeclaration: Declaration = {
				kind: 'resource',
				name: id.text,
				node: child,
				value: parts[2],
				type: '',
				existing: child.children.some((c) => c?.type === 'existing'),
			};
			if (!this.declarations.has(id.text)) this.declarations.set(id.text, childDeclaration);
			const childBuild = this.buildResource(childDeclaration, parts[1]);
			if (childBuild) build.children.push([id.text, childBuild.object]);
		}
		this.addDependsOn(build, body);
		return build;
	}

	private addDependsOn(build: ResourceBuild, body: SyntaxNode): void {
		const names = [...build.references].filter((n) => n !== build.declaration.name);
		if (names.length === 0) return;
		const existing = build.object.children?.find((p) => p.children?.[0]?.value === 'dependsOn')
			?.children?.[1];
		const id = named(build.declaration.node)[0]!;
		const items = names.map((name) =>
			valueNode(this.synthetic, spanOf(id), knownString(name), name)
		);
		if (existing?.type === 'array') {
			for (const item of items) mutable(item).parent = existing;
			mutable(existing).children = [...(existing.children ?? []), ...items];
			return;
		}
		if (existing) return;
		addProperty(build.object, {
			key: 'dependsOn',
			keySpan: spanOf(id),
			value: arrayNode(spanOf(body), items),
		});
	}
}

/**
 * Reads a Bicep file into the model the ARM input feeds: resources by symbolic name, nested and
 * `parent:` children, params (defaults, or values from a .bicepparam file) and variables. With a
 * follower, local modules are read too, their parameters bound to the values each call passes.
 */
export function readBicep(
	source: SourceText,
	root: SyntaxNode,
	parameters?: BicepParameters,
	budget?: EvaluationSession,
	modules?: ModuleFollower
): CheckedDocument {
	return documentOf(new BicepReader(source, root, parameters, budget), source, modules);
}

function documentOf(
	reader: BicepReader,
	source: SourceText,
	modules: ModuleFollower | undefined
): CheckedDocument {
	const topLevel: ResourceBuild[] = [];
	for (const declaration of [...reader.declarations.values()]) {
		if (declaration.kind !== 'resource') continue;
		const typeNode = named(declaration.node)[1];
		const build = reader.buildResource(
			declaration,
			typeNode?.type === 'string' ? typeNode : undefined
		);
		if (build) topLevel.push(build);
	}
	const { synthetic } = reader;
	const top: SyntheticProperty[] = [];
	const attach = (build: ResourceBuild) => {
		if (build.children.length === 0) return;
		const id = named(build.declaration.node)[0]!;
		addProperty(build.object, {
			key: 'resources',
			keySpan: spanOf(id),
			value: objectNode(
				spanOf(build.declaration.node),
				build.children.map(([key, value]) => ({
					key,
					keySpan: { start: value.offset, end: value.offset },
					value,
				}))
			),
		});
	};
	for (const build of topLevel) {
		const parent = build.parentName
			? reader.declarations.get(build.parentName)?.resource
			: undefined;
		if (parent && parent !== build) parent.children.push([build.declaration.name, build.object]);
		else
			top.push({
				key: build.declaration.name,
				keySpan: spanOf(named(build.declaration.node)[0]!),
				value: build.object,
			});
	}
	for (const build of reader.builds) attach(build);
	const called: CheckedDocument[] = [];
	for (const declaration of reader.declarations.values()) {
		const extension = verifiedModuleExtension(reader, declaration);
		if (extension) top.push(extension);
		const module = modules ? followModule(reader, declaration, source, modules) : undefined;
		if (module) called.push(module);
	}
	const resources = objectNode({ start: 0, end: source.raw.length }, top);
	return withModuleDocuments(
		findKeyVaultExtensions(synthetic.doc, synthetic.scope, resources),
		called
	);
}

/**
 * Reads the local module a call names, its parameters bound to the values the call passes (read in
 * the calling file, so that a finding about a passed value is placed at the call). A module not
 * read is said at the call, with its path and why.
 */
function followModule(
	reader: BicepReader,
	declaration: Declaration,
	source: SourceText,
	modules: ModuleFollower
): CheckedDocument | undefined {
	if (declaration.kind !== 'module') return undefined;
	const path = modulePath(declaration);
	if (path === undefined || !isLocalBicepModule(path)) return undefined;
	const id = named(declaration.node)[0]!;
	const call = { source, start: declaration.node.startIndex, end: id.endIndex };
	const opened = modules.open(path, source, 'bicep');
	if (typeof opened === 'string') {
		modules.skipped(call, path, opened);
		return undefined;
	}
	const body = reader.resourceBody(declaration);
	const paramsNode = body ? reader.bodyProperty(body, 'params') : undefined;
	// A call in a loop is followed as one call, its loop variable unknown.
	const params =
		paramsNode?.type === 'object' ? reader.convertInLoop(declaration, paramsNode) : undefined;
	const { synthetic } = reader;
	const documents: CheckedDocument[] = [];
	const values: ModuleBinding['values'] = [];
	for (const file of opened.files) {
		const module = new BicepReader(file.source, file.root, undefined, synthetic.session);
		for (const entry of params?.children ?? []) {
			const [key, value] = entry.children ?? [];
			const parameter =
				typeof key?.value === 'string' ? module.declarations.get(key.value) : undefined;
			if (!value || parameter?.kind !== 'param') continue;
			parameter.bound = {
				kind: 'node',
				at: { doc: synthetic.doc, node: value, scope: synthetic.scope },
			};
			const declared = named(parameter.node)[0]!;
			values.push({
				name: parameter.name,
				value: { source, start: value.offset, end: value.offset + value.length },
				declared: { source: file.source, start: declared.startIndex, end: declared.endIndex },
			});
		}
		documents.push(documentOf(module, file.source, opened.follower));
	}
	modules.bind({ call, path, files: opened.files.map((f) => f.source.path), values });
	return withModuleDocuments(documents[0]!, documents.slice(1));
}

/** The Azure Verified Modules that deploy one extension, and the machine parameter of each. */
const verifiedExtensionModules: Array<{ path: RegExp; type: string; machine: string }> = [
	{
		path: /avm\/res\/compute\/virtual-machine\/extension(?::|$)/i,
		type: 'Microsoft.Compute/virtualMachines/extensions',
		machine: 'virtualMachineName',
	},
	{
		path: /avm\/res\/compute\/virtual-machine-scale-set\/extension(?::|$)/i,
		type: 'Microsoft.Compute/virtualMachineScaleSets/extensions',
		machine: 'virtualMachineScaleSetName',
	},
];

/** Parameters of those modules that are properties of the extension resource. */
const extensionParameters = [
	'publisher',
	'type',
	'typeHandlerVersion',
	'autoUpgradeMinorVersion',
	'enableAutomaticUpgrade',
	'settings',
	'protectedSettings',
	'provisionAfterExtensions',
];

/** Module paths of a Bicep file that point at a Verified Module deploying one extension. */
function modulePath(declaration: Declaration): string | undefined {
	const path = named(declaration.node)[1];
	return path?.type === 'string' ? path.text.slice(1, -1) : undefined;
}

/**
 * A call of the Verified Module `avm/res/compute/virtual-machine/extension` (or the scale-set
 * one) read as the extension resource it deploys: its parameters are the resource's properties,
 * named `<machine>/<name>` as a top-level child.
 */
function verifiedModuleExtension(
	reader: BicepReader,
	declaration: Declaration
): SyntheticProperty | undefined {
	if (declaration.kind !== 'module') return undefined;
	const path = modulePath(declaration);
	const module = path ? verifiedExtensionModules.find((m) => m.path.test(path)) : undefined;
	const body = module ? reader.resourceBody(declaration) : undefined;
	const paramsNode = body ? reader.bodyProperty(body, 'params') : undefined;
	if (!module || !paramsNode || paramsNode.type !== 'object') return undefined;
	const params = reader.convertInLoop(declaration, paramsNode);
	const { synthetic } = reader;
	const id = named(declaration.node)[0]!;
	const keySpan = spanOf(id);
	const take = (key: string): SyntheticProperty[] => {
		const value = property(params, key);
		return value ? [{ key, keySpan: { start: value.offset, end: value.offset }, value }] : [];
	};
	const nameValue = concatParts([
		...toParts(
			property(params, module.machine)
				? resolve({
						doc: synthetic.doc,
						node: property(params, module.machine)!,
						scope: synthetic.scope,
					}).value
				: unknown(`module:${declaration.name}.machine`, '{?}'),
			`machine:${declaration.name}`
		),
		{ text: '/' },
		...toParts(
			property(params, 'name')
				? resolve({ doc: synthetic.doc, node: property(params, 'name')!, scope: synthetic.scope })
						.value
				: unknown(`module:${declaration.name}.name`, '{?}'),
			`name:${declaration.name}`
		),
	]);
	const object = objectNode(spanOf(declaration.node), [
		{
			key: 'type',
			keySpan,
			value: valueNode(synthetic, keySpan, knownString(module.type), module.type),
		},
		{ key: 'name', keySpan, value: valueNode(synthetic, keySpan, nameValue, '') },
		{
			key: 'properties',
			keySpan,
			value: objectNode(spanOf(paramsNode), extensionParameters.flatMap(take)),
		},
	]);
	return { key: `module:${declaration.name}`, keySpan, value: object };
}

/**
 * Module calls whose inside kvcert does not check, each said at the call, never silently skipped:
 * a call that passes a Key Vault extension to a module it does not read (any module but the
 * Verified extension modules above), and, where local modules cannot be read (`readsModules`
 * false: the browser checker reads one text), every call of a local module.
 */
export function bicepModulesNotRead(
	root: SyntaxNode,
	followed: ReadonlySet<number> = new Set(),
	readsModules = true
): Array<{
	start: number;
	end: number;
	messageId: 'moduleNotChecked' | 'moduleNotReadHere';
	path: string;
	holdsExtension: boolean;
}> {
	const found: ReturnType<typeof bicepModulesNotRead> = [];
	for (const declaration of declarationsOf(root).values()) {
		if (declaration.kind !== 'module' || followed.has(declaration.node.startIndex)) continue;
		const path = modulePath(declaration) ?? '';
		if (verifiedExtensionModules.some((m) => m.path.test(path))) continue;
		const holdsExtension = /KeyVaultFor(?:Windows|Linux)|Microsoft\.Azure\.KeyVault\b/.test(
			declaration.node.text
		);
		const local = !readsModules && isLocalBicepModule(path);
		if (!holdsExtension && !local) continue;
		const id = named(declaration.node)[0]!;
		found.push({
			start: declaration.node.startIndex,
			end: id.endIndex,
			messageId: local ? 'moduleNotReadHere' : 'moduleNotChecked',
			path,
			holdsExtension,
		});
	}
	return found;
}

function property(object: JsonNode | undefined, key: string): JsonNode | undefined {
	if (object?.type !== 'object') return undefined;
	return object.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1];
}
