import { decideCondition } from '../branches.ts';
import { propertyValue, stringContent } from '../json.ts';
import { limits } from '../limits.ts';
import { composeMap, shiftMap, type OffsetMap } from '../source.ts';
import {
	concatParts,
	isHole,
	knownString,
	knownText,
	toParts,
	unknown,
	type HoleTag,
	type Located,
	type LimitEvent,
	type StringPart,
	type TemplateScope,
	type Value,
} from '../values.ts';
import type { Call, Expr, StringLiteral } from './ast.ts';
import { isEscapedBracket, isExpression, literalOffset, parseExpression } from './parse.ts';

/** Where an expression is written: its decoded text and the map back to the raw file. */
interface ExpressionSite {
	at: Located;
	scope: TemplateScope;
	text: string;
	map: OffsetMap;
}

/**
 * The static value of a JSON node: literals as they are, expression strings evaluated as far as
 * parameters, variables and pure functions allow. Unknown parts stay holes.
 */
export function valueOf(at: Located): Value {
	const { node } = at;
	switch (node.type) {
		case 'number':
			return { kind: 'number', value: node.value as number, at };
		case 'boolean':
			return { kind: 'boolean', value: node.value as boolean, at };
		case 'null':
			return { kind: 'null', at };
		case 'object':
		case 'array':
			return { kind: 'node', at };
		case 'string':
			break;
		default:
			return unknown(`invalid@${node.offset}`, '{?}');
	}
	const { scope } = at;
	const cached = scope?.session.values.get(node);
	if (cached) return cached;
	const { text, map } = stringContent(at.doc, node);
	if (!scope) return knownString(text, { source: at.doc.source, map });
	let value: Value;
	if (isExpression(text)) {
		if (scope.active.has(node)) return unknown(`cycle@${node.offset}`, '{?}');
		const { session } = scope;
		// Over a limit the value is unknown (and reported once); depth-limited values are not cached,
		// since the same node read from a shallower place may be evaluated in full.
		if (session.work <= 0) return limited(at, 'work');
		if (session.depth >= limits.evaluationDepth) return limited(at, 'depth', false);
		session.work--;
		session.depth++;
		scope.active.add(node);
		try {
			value = evaluateExpressionString({ at, scope, text, map });
		} finally {
			scope.active.delete(node);
			session.depth--;
		}
		if (sizeOf(value) > limits.valueSize) value = limited(at, 'size');
	} else if (isEscapedBracket(text)) {
		value = knownString(text.slice(1), {
			source: at.doc.source,
			map: composeMap(map, shiftMap(1)),
		});
	} else value = knownString(text, { source: at.doc.source, map });
	scope.session.values.set(node, value);
	return value;
}

/** Characters of a string value plus its unknown parts (other values count one); too many pieces count as too long. */
function sizeOf(value: Value): number {
	if (value.kind !== 'string') return 1;
	if (value.parts.length > limits.valueParts) return Infinity;
	let size = 0;
	for (const part of value.parts) size += isHole(part) ? 1 : part.text.length;
	return size;
}

/** Records that a limit was reached at a node and returns the unknown value that stands for it. */
function limited(at: Located, limit: LimitEvent['limit'], cache = true): Value {
	const session = at.scope!.session;
	if (!session.limited.some((e) => e.limit === limit)) session.limited.push({ at, limit });
	const value = unknown(`limit@${at.node.offset}`, '{?}');
	if (cache) session.values.set(at.node, value);
	return value;
}

function evaluateExpressionString(site: ExpressionSite): Value {
	const { parsed: cache } = site.scope.session;
	let parsed = cache.get(site.text);
	if (!parsed) {
		parsed = parseExpression(site.text);
		cache.set(site.text, parsed);
	}
	if (!parsed.ok) {
		site.scope.session.problems.set(site.at.node, {
			doc: site.at.doc,
			node: site.at.node,
			offset: site.map(parsed.error.offset),
			message: parsed.error.message,
		});
		return unknown(`error@${site.at.node.offset}`, '{?}');
	}
	return evaluate(parsed.expr, site);
}

function sourceOf(expr: Expr, site: ExpressionSite): string {
	return site.text.slice(expr.start, expr.end).replace(/\s+/g, '').toLowerCase();
}

const tagsByProperty: Record<string, HoleTag> = {
	secreturi: 'secretUri',
	secreturiwithversion: 'secretUriWithVersion',
	vaulturi: 'vaultUri',
	keyvaultdns: 'keyvaultDns',
	clientid: 'clientId',
	principalid: 'principalId',
	tenantid: 'tenantId',
};

/** Maps offsets in a string literal's value to raw offsets. */
function literalMap(site: ExpressionSite, literal: StringLiteral): OffsetMap {
	return (offset) => site.map(literalOffset(site.text, literal, offset));
}

function evaluate(expr: Expr, site: ExpressionSite): Value {
	const { session } = site.scope;
	if (session.work <= 0) return limited(site.at, 'work');
	if (session.depth >= limits.evaluationDepth) return limited(site.at, 'depth', false);
	session.work--;
	session.depth++;
	try {
		return evaluateNode(expr, site);
	} finally {
		session.depth--;
	}
}

function evaluateNode(expr: Expr, site: ExpressionSite): Value {
	switch (expr.kind) {
		case 'string':
			return knownString(expr.value, { source: site.at.doc.source, map: literalMap(site, expr) });
		case 'number':
			return { kind: 'number', value: expr.value };
		case 'call':
			return evaluateCall(expr, site);
		case 'property': {
			const object = evaluate(expr.object, site);
			if (object.kind === 'node') {
				const child = propertyValue(object.at.node, expr.name, true);
				return child
					? valueOf({ ...object.at, node: child })
					: unknown(sourceOf(expr, site), '{?}');
			}
			if (object.kind === 'unknown') {
				const tag = tagsByProperty[expr.name.toLowerCase()];
				const key = `${object.hole.key}.${expr.name.toLowerCase()}`;
				const label =
					tag === 'keyvaultDns' ? '{keyvaultDns}' : `{${site.text.slice(expr.start, expr.end)}}`;
				return unknown(key, label, tag);
			}
			return unknown(sourceOf(expr, site), `{${site.text.slice(expr.start, expr.end)}}`);
		}
		case 'index': {
			const object = evaluate(expr.object, site);
			const index = evaluate(expr.index, site);
			if (object.kind === 'node') {
				const { node } = object.at;
				if (node.type === 'array' && index.kind === 'number') {
					const child = node.children?.[index.value];
					if (child) return valueOf({ ...object.at, node: child });
				}
				const name = knownText(index);
				if (node.type === 'object' && name !== undefined) {
					const child = propertyValue(node, name, true);
					if (child) return valueOf({ ...object.at, node: child });
				}
			}
			return unknown(sourceOf(expr, site), `{${site.text.slice(expr.start, expr.end)}}`);
		}
	}
}

function lookup(
	call: Call,
	site: ExpressionSite,
	kind: 'parameters' | 'variables'
): Value | undefined {
	const arg = call.args[0];
	const name = arg ? knownText(evaluate(arg, site)) : undefined;
	if (name === undefined) return undefined;
	const key = name.toLowerCase();
	if (kind === 'variables') {
		const node = site.scope.variables.get(key);
		if (!node) {
			if (!site.scope.standalone) problem(site, call, `variable '${name}' is not defined`);
			return unknown(`variables('${key}')`, `{${name}}`);
		}
		return valueOf({ doc: site.scope.doc, node, scope: site.scope });
	}
	const binding = site.scope.parameters.get(key);
	if (!binding) {
		if (!site.scope.standalone) problem(site, call, `parameter '${name}' is not declared`);
		return unknown(`parameters('${key}')`, `{${name}}`, 'parameter');
	}
	if (!binding.value) return unknown(`parameters('${key}')`, `{${name}}`, 'parameter');
	return valueOf(binding.value);
}

function problem(site: ExpressionSite, expr: Expr, message: string): void {
	if (site.scope.session.problems.has(site.at.node)) return;
	site.scope.session.problems.set(site.at.node, {
		doc: site.at.doc,
		node: site.at.node,
		offset: site.map(expr.start),
		message,
	});
}

const stringFunctions: Record<string, (s: string, args: Value[]) => string | undefined> = {
	tolower: (s) => s.toLowerCase(),
	toupper: (s) => s.toUpperCase(),
	trim: (s) => s.trim(),
	replace: (s, [from, to]) => {
		const a = from && knownText(from);
		const b = to && knownText(to);
		if (a === undefined || b === undefined || a === '') return undefined;
		const pieces = s.split(a);
		// A replacement longer than the value limit is not built (it would be unknown anyway).
		if (s.length + (pieces.length - 1) * b.length > limits.valueSize) return undefined;
		return pieces.join(b);
	},
	substring: (s, [start, length]) => {
		const from = start?.kind === 'number' ? start.value : undefined;
		const count =
			length === undefined ? s.length : length.kind === 'number' ? length.value : undefined;
		if (from === undefined || count === undefined || from < 0 || from + count > s.length)
			return undefined;
		return s.substr(from, count);
	},
};

/** The unknown value of a call whose result cannot be known statically. */
function holeFor(call: Call, site: ExpressionSite): Value {
	return unknown(sourceOf(call, site), `{${site.text.slice(call.start, call.end)}}`);
}

function evaluateArgs(call: Call, site: ExpressionSite): Value[] {
	return call.args.map((arg) => evaluate(arg, site));
}

/** String parts of a call argument; arrays and objects become a hole named after the call. */
function partsOf(value: Value, call: Call, site: ExpressionSite, index: number): StringPart[] {
	if (value.kind === 'node' || value.kind === 'null')
		return [{ hole: { key: `${sourceOf(call, site)}#${index}`, label: '{…}' } }];
	return toParts(value, '');
}

function evaluateCall(call: Call, site: ExpressionSite): Value {
	const name = call.namespace
		? `${call.namespace}.${call.name}`.toLowerCase()
		: call.name.toLowerCase();
	switch (name) {
		case 'parameters':
		case 'variables':
			return lookup(call, site, name) ?? holeFor(call, site);
		case 'concat': {
			const values = evaluateArgs(call, site);
			if (values.some((v) => v.kind === 'node' || v.kind === 'null')) return holeFor(call, site);
			return concatParts(values.flatMap((v, i) => partsOf(v, call, site, i)));
		}
		case 'format':
			return format(evaluateArgs(call, site), call, site);
		case 'string': {
			const [value] = evaluateArgs(call, site);
			if (value?.kind === 'string') return value;
			if (value?.kind === 'number' || value?.kind === 'boolean')
				return knownString(String(value.value));
			return holeFor(call, site);
		}
		case 'uri': {
			const [base, relative] = evaluateArgs(call, site);
			if (base?.kind !== 'string' || !relative) return holeFor(call, site);
			const last = base.parts[base.parts.length - 1];
			const baseText = knownText(base);
			if (baseText !== undefined) {
				const cut = baseText.lastIndexOf('/');
				return concatParts([
					{ text: baseText.slice(0, cut + 1) },
					...partsOf(relative, call, site, 1),
				]);
			}
			if (last && isHole(last) && last.hole.tag === 'vaultUri')
				return concatParts([...base.parts, ...partsOf(relative, call, site, 1)]);
			if (last && !isHole(last) && last.text.endsWith('/'))
				return concatParts([...base.parts, ...partsOf(relative, call, site, 1)]);
			return holeFor(call, site);
		}
		case 'resourceid':
		case 'subscriptionresourceid':
		case 'tenantresourceid':
		case 'extensionresourceid':
			return resourceId(name, evaluateArgs(call, site), call, site);
		case 'true':
			return { kind: 'boolean', value: true };
		case 'false':
			return { kind: 'boolean', value: false };
		case 'null':
			return { kind: 'null' };
		case 'if': {
			const holds = call.args[0] ? conditionHolds(call.args[0], site) : undefined;
			const branch = holds === undefined ? undefined : call.args[holds ? 1 : 2];
			return branch ? evaluate(branch, site) : holeFor(call, site);
		}
		case 'equals': {
			const [a, b] = evaluateArgs(call, site);
			const x = a && primitive(a);
			const y = b && primitive(b);
			return x !== undefined && y !== undefined
				? { kind: 'boolean', value: x === y }
				: holeFor(call, site);
		}
		case 'not': {
			const [a] = evaluateArgs(call, site);
			return a?.kind === 'boolean' ? { kind: 'boolean', value: !a.value } : holeFor(call, site);
		}
		case 'int': {
			const [a] = evaluateArgs(call, site);
			const text = a && knownText(a);
			if (a?.kind === 'number') return a;
			return text !== undefined && /^-?\d+$/.test(text.trim())
				? { kind: 'number', value: Number(text) }
				: holeFor(call, site);
		}
		case 'reference':
		case 'environment':
		case 'resourcegroup':
		case 'subscription':
		case 'tenant':
		case 'deployment': {
			const first = call.args[0];
			const target = first ? canonical(evaluate(first, site)) : '';
			return unknown(`${name}(${target})`, `{${site.text.slice(call.start, call.end)}}`);
		}
		default: {
			const transform = stringFunctions[name];
			if (!transform) return holeFor(call, site);
			const [subject, ...rest] = evaluateArgs(call, site);
			const text = subject && knownText(subject);
			if (text === undefined) return holeFor(call, site);
			const result = transform(text, rest);
			return result === undefined ? holeFor(call, site) : knownString(result);
		}
	}
}

/**
 * Whether an `if` condition holds: when it is known, or when this reading pass assumes it
 * (branches.ts; `equals(x, 'text')` and `not(equals(…))` are keyed by `x`); else undefined.
 */
function conditionHolds(condition: Expr, site: ExpressionSite): boolean | undefined {
	const value = evaluate(condition, site);
	if (value.kind === 'boolean') return value.value;
	const written = (e: Expr) => site.text.slice(e.start, e.end);
	const at = {
		source: site.at.doc.source,
		start: site.map(condition.start),
		end: site.map(condition.end),
	};
	let test = condition;
	let negated = false;
	if (test.kind === 'call' && test.name.toLowerCase() === 'not' && test.args.length === 1) {
		test = test.args[0]!;
		negated = true;
	}
	const { branches } = site.scope.session;
	if (test.kind === 'call' && test.name.toLowerCase() === 'equals' && test.args.length === 2) {
		const [a, b] = test.args as [Expr, Expr];
		const [x, y] = [knownText(evaluate(a, site)), knownText(evaluate(b, site))];
		const subject = x === undefined ? a : b;
		const literal = x === undefined ? y : x;
		if (literal !== undefined && (x === undefined) !== (y === undefined))
			return decideCondition(branches, {
				subject: written(subject).replace(/\s+/g, '').toLowerCase(),
				label: written(subject),
				literal,
				negated,
				at,
			});
	}
	return decideCondition(branches, {
		subject: written(condition).replace(/\s+/g, '').toLowerCase(),
		label: written(condition),
		at,
	});
}

function primitive(value: Value): string | number | boolean | undefined {
	if (value.kind === 'number' || value.kind === 'boolean') return value.value;
	const text = knownText(value);
	return text === undefined ? undefined : text.toLowerCase();
}

function canonical(value: Value): string {
	if (value.kind === 'unknown') return value.hole.key;
	if (value.kind === 'string')
		return value.parts.map((p) => (isHole(p) ? `{${p.hole.key}}` : p.text.toLowerCase())).join('');
	return String(value.kind === 'number' || value.kind === 'boolean' ? value.value : value.kind);
}

function format(values: Value[], call: Call, site: ExpressionSite): Value {
	const [pattern, ...rest] = values;
	const text = pattern && knownText(pattern);
	if (text === undefined) return holeFor(call, site);
	const parts: StringPart[] = [];
	let literal = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if ((ch === '{' && text[i + 1] === '{') || (ch === '}' && text[i + 1] === '}')) {
			literal += ch;
			i++;
			continue;
		}
		if (ch === '{') {
			const close = text.indexOf('}', i);
			const spec = close === -1 ? '' : text.slice(i + 1, close);
			const match = /^(\d+)$/.exec(spec);
			const arg = match ? rest[Number(match[1])] : undefined;
			if (!arg) return holeFor(call, site);
			parts.push({ text: literal }, ...partsOf(arg, call, site, Number(match![1])));
			literal = '';
			i = close;
			continue;
		}
		literal += ch;
	}
	parts.push({ text: literal });
	return concatParts(parts);
}

function resourceId(name: string, values: Value[], call: Call, site: ExpressionSite): Value {
	const typeIndex = values.findIndex((v) => (knownText(v) ?? '').includes('/'));
	if (typeIndex === -1) return holeFor(call, site);
	const type = knownText(values[typeIndex] as Value) ?? '';
	const names = values.slice(typeIndex + 1);
	const [namespace, ...types] = type.split('/');
	if (types.length !== names.length || !namespace) return holeFor(call, site);
	const parts: StringPart[] = [];
	if (name === 'resourceid' || name === 'subscriptionresourceid') {
		const scope = values.slice(0, typeIndex);
		const subscription =
			name === 'subscriptionresourceid' ? scope[0] : scope.length === 2 ? scope[0] : undefined;
		const group = name === 'resourceid' ? scope[scope.length - 1] : undefined;
		parts.push({ text: '/subscriptions/' });
		parts.push(
			...(subscription
				? partsOf(subscription, call, site, 0)
				: [{ hole: { key: 'subscription().subscriptionid', label: '{subscriptionId}' } }])
		);
		if (name === 'resourceid') {
			parts.push({ text: '/resourceGroups/' });
			parts.push(
				...(group
					? partsOf(group, call, site, 1)
					: [{ hole: { key: 'resourcegroup().name', label: '{resourceGroup}' } }])
			);
		}
	} else if (name === 'extensionresourceid') {
		const [scopeValue] = values;
		if (!scopeValue || typeIndex !== 1) return holeFor(call, site);
		parts.push(...partsOf(scopeValue, call, site, 0));
	}
	parts.push({ text: `/providers/${namespace}` });
	types.forEach((segment, i) => {
		parts.push({ text: `/${segment}/` }, ...partsOf(names[i] as Value, call, site, i + 2));
	});
	return concatParts(parts);
}
