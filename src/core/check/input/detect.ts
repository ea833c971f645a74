import { propertyValue, type JsonNode } from '../json.ts';
import type { InputKind } from '../types.ts';
import { looksLikeCommands } from './command.ts';

/** Tells whether a text is commands; JSON texts are told apart after parsing (see `jsonInputKind`). */
export function isCommandText(text: string): boolean {
	return looksLikeCommands(text);
}

/**
 * The kind of a parsed JSON input: a template (`resources`, or a deploymentTemplate `$schema`), a
 * parameters file, a single resource (or an array of them), or bare extension settings.
 */
export function jsonInputKind(root: JsonNode | undefined): InputKind | undefined {
	if (!root) return undefined;
	if (root.type === 'array') return 'resource';
	if (root.type !== 'object') return undefined;
	const schema = propertyValue(root, '$schema', true)?.value;
	const schemaText = typeof schema === 'string' ? schema.toLowerCase() : '';
	if (propertyValue(root, 'resources', true) || schemaText.includes('deploymenttemplate'))
		return 'template';
	if (schemaText.includes('deploymentparameters')) return 'parameters';
	if (
		propertyValue(root, 'secretsManagementSettings') ||
		propertyValue(root, 'authenticationSettings')
	)
		return 'settings';
	if (
		propertyValue(root, 'type', true) &&
		(propertyValue(root, 'properties', true) || propertyValue(root, 'name', true))
	)
		return 'resource';
	const parameters = propertyValue(root, 'parameters', true);
	if (
		parameters?.children?.every((p) => propertyValue(p.children?.[1], 'value', true) !== undefined)
	)
		return 'parameters';
	return undefined;
}
