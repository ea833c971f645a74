import { createBranchState, type BranchAssumption } from './branches.ts';
import { entries, propertyValue, type JsonDocument, type JsonNode } from './json.ts';
import { limits } from './limits.ts';
import type { EvaluationSession, GivenParameter, TemplateScope } from './values.ts';

export type {
	EvaluationSession,
	ExpressionProblem,
	GivenParameter,
	LimitEvent,
	ParameterBinding,
	TemplateScope,
} from './values.ts';

/** Creates an evaluation session. */
export function createSession(inputLength = 0, assume?: BranchAssumption): EvaluationSession {
	return {
		problems: new Map(),
		values: new Map(),
		parsed: new Map(),
		depth: 0,
		work: limits.workBase + limits.workPerCharacter * inputLength,
		limited: [],
		branches: createBranchState(assume),
	};
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
