import type { BranchState } from './branches.ts';
import type { ParseResult } from './expression/parse.ts';
import type { JsonDocument, JsonNode } from './json.ts';
import type { OffsetMap, SourceText } from './source.ts';

// The value model and the scopes values are evaluated in refer to each other, so both live here;
// scope.ts creates scopes and re-exports these types.

/** What an unknown value is known to be, when its origin tells (e.g. `reference(...).secretUri`). */
export type HoleTag =
	| 'secretUri'
	| 'secretUriWithVersion'
	| 'vaultUri'
	| 'keyvaultDns'
	| 'clientId'
	| 'principalId'
	| 'tenantId'
	| 'resourceId'
	| 'parameter';

/** A broken expression found while evaluating, kept so that it is reported once. */
export interface ExpressionProblem {
	doc: JsonDocument;
	node: JsonNode;
	/** Offset of the problem in the raw file. */
	offset: number;
	message: string;
}

/** State shared by all scopes of one check run. */
export interface EvaluationSession {
	problems: Map<JsonNode, ExpressionProblem>;
	/** Values of string nodes already evaluated. */
	values: Map<JsonNode, Value>;
	/** Parsed expressions by text: templates repeat the same expressions many times. */
	parsed: Map<string, ParseResult>;
	/** How deep the evaluation is now (variables, parameters and calls inside each other). */
	depth: number;
	/** Evaluation steps left before everything further is unknown (see limits.ts). */
	work: number;
	/** Places where a limit turned a value into unknown, reported once each. */
	limited: LimitEvent[];
	/** Conditionals met, and the branch this reading pass assumes (branches.ts). */
	branches: BranchState;
}

/** A value made unknown because a limit of limits.ts was reached. */
export interface LimitEvent {
	/** A JSON node (ARM), or a span of a script, Bicep or HCL file (the other readers). */
	at: Located | { source: SourceText; start: number; end: number };
	limit: 'depth' | 'size' | 'work';
}

/** Where a template parameter's value comes from. */
export interface ParameterBinding {
	declaration: JsonNode | undefined;
	/** The value given from outside (parameters file, nested deployment), else the defaultValue. */
	value: Located | undefined;
	source: 'file' | 'deployment' | 'default' | 'none';
}

/** A parameter value given from outside; `value` is undefined when it is a Key Vault reference. */
export interface GivenParameter {
	value: Located | undefined;
	source: 'file' | 'deployment';
}

/** What the expressions of one template can see: its parameters and variables. */
export interface TemplateScope {
	doc: JsonDocument;
	template: JsonNode;
	parameters: Map<string, ParameterBinding>;
	variables: Map<string, JsonNode>;
	session: EvaluationSession;
	/** Variables being evaluated, to stop cycles. */
	active: Set<JsonNode>;
	/** A resource checked on its own: undeclared parameters are unknown, not errors. */
	standalone?: boolean;
}

/** A statically unknown piece of a value. `key` identifies it (two holes with one key are equal). */
export interface Hole {
	key: string;
	/** Readable placeholder, e.g. `{vmName}`. */
	label: string;
	tag?: HoleTag;
}

/** Literal text, with where each character was written when that is known. */
export interface TextPart {
	text: string;
	origin?: { source: SourceText; map: OffsetMap };
}

/** A piece of a string value: known text or a hole. */
export type StringPart = TextPart | { hole: Hole };

/** A JSON node together with the document it is in and the template scope its expressions use. */
export interface Located {
	doc: JsonDocument;
	node: JsonNode;
	scope: TemplateScope | undefined;
}

/** The static value of an expression or JSON node. Unknown stays unknown; nothing is guessed. */
export type Value =
	| { kind: 'string'; parts: StringPart[] }
	| { kind: 'number'; value: number; at?: Located }
	| { kind: 'boolean'; value: boolean; at?: Located }
	| { kind: 'null'; at?: Located }
	| { kind: 'node'; at: Located }
	| { kind: 'unknown'; hole: Hole };

/** A string value made of one known text. */
export function knownString(text: string, origin?: TextPart['origin']): Value {
	return { kind: 'string', parts: [origin ? { text, origin } : { text }] };
}

/** An unknown value. */
export function unknown(key: string, label: string, tag?: HoleTag): Value {
	return { kind: 'unknown', hole: tag ? { key, label, tag } : { key, label } };
}

/** Whether a string part is a hole. */
export function isHole(part: StringPart): part is { hole: Hole } {
	return 'hole' in part;
}

/** The text of a string value when it has no holes. */
export function knownText(value: Value): string | undefined {
	if (value.kind !== 'string') return undefined;
	let text = '';
	for (const part of value.parts) {
		if (isHole(part)) return undefined;
		text += part.text;
	}
	return text;
}

/** A canonical text for comparing values: holes become `\uE001key\uE001`. */
export function canonicalText(value: Value): string | undefined {
	if (value.kind === 'unknown') return `\uE001${value.hole.key}\uE001`;
	if (value.kind === 'number') return String(value.value);
	if (value.kind !== 'string') return undefined;
	return value.parts.map((p) => (isHole(p) ? `\uE001${p.hole.key}\uE001` : p.text)).join('');
}

/** A readable form of a value for messages: holes become their labels. */
export function displayText(value: Value): string {
	if (value.kind === 'unknown') return value.hole.label;
	if (value.kind === 'string')
		return value.parts.map((p) => (isHole(p) ? p.hole.label : p.text)).join('');
	if (value.kind === 'number' || value.kind === 'boolean') return String(value.value);
	if (value.kind === 'null') return 'null';
	return '…';
}

/** Turns any value into string parts (numbers become text; other kinds become a hole). */
export function toParts(value: Value, fallbackKey: string): StringPart[] {
	if (value.kind === 'string') return value.parts;
	if (value.kind === 'unknown') return [{ hole: value.hole }];
	if (value.kind === 'number' || value.kind === 'boolean') return [{ text: String(value.value) }];
	return [{ hole: { key: fallbackKey, label: '{…}' } }];
}

/** Joins adjacent parts into one string value. */
export function concatParts(parts: StringPart[]): Value {
	return { kind: 'string', parts: parts.filter((p) => isHole(p) || p.text.length > 0) };
}
