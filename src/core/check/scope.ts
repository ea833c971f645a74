import { entries, propertyValue, type JsonDocument, type JsonNode } from './json.ts';
import type { ParseResult } from './expression/parse.ts';
import type { Located, Value } from './values.ts';

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

/** Creates an evaluation session. */
export function createSession(): EvaluationSession {
	return { problems: new Map(), values: new Map(), parsed: new Map() };
}

/**
 * Creates the scope of a template. `given` holds values from a parameters file or a nested
 * deployment's `parameters`, keyed by lower-case name.
 */
export function createTemplateScope(
	doc: JsonDocument,
	template: JsonNode,
	session: EvaluationSession,
	given: Map<string, GivenParameter> = new Map()
): TemplateScope {
	const scope: TemplateScope = {
		doc,
		template,
		parameters: new Map(),
		variables: new Map(),
		session,
		active: new Set(),
	};
	for (const [name, declaration] of entries(propertyValue(template, 'parameters', true))) {
		const key = name.toLowerCase();
		const outside = given.get(key);
		const defaultValue = propertyValue(declaration, 'defaultValue', true);
		scope.parameters.set(
			key,
			outside
				? { declaration, value: outside.value, source: outside.source }
				: defaultValue
					? { declaration, value: { doc, node: defaultValue, scope }, source: 'default' }
					: { declaration, value: undefined, source: 'none' }
		);
	}
	for (const [name, value] of entries(propertyValue(template, 'variables', true)))
		scope.variables.set(name.toLowerCase(), value);
	return scope;
}

/** Reads `parameters.<name>.value` entries of a parameters file (values are literal JSON). */
export function parameterFileValues(doc: JsonDocument): Map<string, GivenParameter> {
	const result = new Map<string, GivenParameter>();
	const parameters = propertyValue(doc.root, 'parameters', true);
	for (const [name, entry] of entries(parameters)) {
		const value = propertyValue(entry, 'value', true);
		if (value)
			result.set(name.toLowerCase(), {
				value: { doc, node: value, scope: undefined },
				source: 'file',
			});
		else if (propertyValue(entry, 'reference', true))
			result.set(name.toLowerCase(), { value: undefined, source: 'file' });
	}
	return result;
}
