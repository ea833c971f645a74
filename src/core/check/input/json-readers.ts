import { findKeyVaultExtensions, propertiesSite } from '../find.ts';
import { parseJsonDocument, propertyValue, type JsonDocument, type JsonNode } from '../json.ts';
import type { CheckedDocument, ExtensionSite } from '../model.ts';
import { anchorOf } from '../navigate.ts';
import { jsonSyntaxRule, trailingCommaReports } from '../rules/kv050-json-syntax.ts';
import { createTemplateScope, parameterFileValues } from '../scope.ts';
import { createSource, type SourceText } from '../source.ts';
import type { InputKind } from '../types.ts';
import { jsonInputKind } from './detect.ts';
import { readPasted } from './pasted.ts';
import { emptyDocument, type InputReader, type Probe, type ReadResult } from './reader.ts';

/** The JSON kind of a probe: the one asked for, else the one its shape tells. */
function jsonKind(probe: Probe): InputKind | undefined {
	return probe.kind ?? jsonInputKind(probe.json().root);
}

/**
 * `{ "settings": { "secretsManagementSettings": … }, "authenticationSettings": … }` is the settings
 * wrapper (with authenticationSettings left outside), not bare settings.
 */
function isWrappedSettings(probe: Probe): boolean {
	const root = probe.json().root;
	return (
		probe.kind === undefined &&
		jsonKind(probe) === 'settings' &&
		!propertyValue(root, 'secretsManagementSettings') &&
		propertyValue(propertyValue(root, 'settings', true), 'secretsManagementSettings') !== undefined
	);
}

function wrapResource(root: JsonNode): JsonNode {
	return root.type === 'array'
		? root
		: { type: 'array', offset: root.offset, length: root.length, children: [root] };
}

/** An extension site for settings (and properties) read without a template around them. */
function bareSite(
	document: CheckedDocument,
	properties: ExtensionSite['properties'],
	settings: ExtensionSite['settings']
): ExtensionSite {
	const root = properties ?? settings!;
	if (properties) {
		// A wrapper around settings (no publisher, type or version) is read as settings: what is
		// missing from it was not pasted, not left out.
		const wrapper =
			settings !== undefined &&
			settings.node.parent?.parent === properties.node &&
			!propertyValue(properties.node, 'publisher', true) &&
			!propertyValue(properties.node, 'type', true);
		const site = propertiesSite(
			wrapper ? 'settings' : 'resource',
			undefined,
			properties,
			properties,
			undefined,
			document
		);
		site.settings = settings;
		return site;
	}
	return {
		form: 'settings',
		hostKind: undefined,
		resource: undefined,
		properties: undefined,
		settings,
		host: undefined,
		name: undefined,
		publisher: undefined,
		type: undefined,
		version: undefined,
		anchor: anchorOf({
			...root,
			node: propertyValue(root.node, 'secretsManagementSettings') ?? root.node,
		}),
		document,
	};
}

/** The result of a JSON text with no model (yet): syntax is still reported. */
function plain(kind: InputKind | undefined, doc: JsonDocument): ReadResult {
	return { kind, document: undefined, jsonDocuments: [doc], unreadable: [] };
}

/** The object root a JSON reader needs, unless the text is too deep to read. */
function objectRoot(doc: JsonDocument): JsonNode | undefined {
	return doc.root?.type === 'object' ? doc.root : undefined;
}

/** ARM templates (`resources` or a deploymentTemplate `$schema`), with a parameters file beside them. */
export const templateReader: InputReader = {
	name: 'arm-template',
	kind: 'template',
	fixPolicy: 'json',
	claims: (probe) => jsonKind(probe) === 'template',
	read(_source, env, probe) {
		const doc = probe.json();
		const result = plain('template', doc);
		const root = objectRoot(doc);
		if (!root) return result;
		const parametersDoc = env.parameters
			? parseJsonDocument(createSource(env.parameters.path, env.parameters.text))
			: undefined;
		if (parametersDoc) result.jsonDocuments.push(parametersDoc);
		const scope = createTemplateScope(
			doc,
			root,
			env.budget,
			parametersDoc ? parameterFileValues(parametersDoc) : undefined
		);
		const resources = propertyValue(root, 'resources', true);
		result.document = resources
			? findKeyVaultExtensions(doc, scope, resources)
			: emptyDocument(doc);
		return result;
	},
};

/** An ARM parameters file checked on its own: only its syntax (its template gives it meaning). */
export const parametersReader: InputReader = {
	name: 'arm-parameters',
	kind: 'parameters',
	fixPolicy: 'json',
	claims: (probe) => jsonKind(probe) === 'parameters',
	read: (_source, _env, probe) => plain('parameters', probe.json()),
};

/** One resource (or an array of them) without a template around it. */
export const resourceReader: InputReader = {
	name: 'arm-resource',
	kind: 'resource',
	fixPolicy: 'json',
	claims: (probe) => jsonKind(probe) === 'resource',
	read(_source, env, probe) {
		const doc = probe.json();
		const result = plain('resource', doc);
		if (!doc.root) return result;
		const scope = createTemplateScope(
			doc,
			{ type: 'object', offset: 0, length: 0, children: [] },
			env.budget
		);
		scope.standalone = true;
		result.document = findKeyVaultExtensions(doc, scope, wrapResource(doc.root));
		return result;
	},
};

/**
 * What people paste when an extension failed (input/pasted.ts): settings in a `"settings"` wrapper,
 * a fragment without outer braces, an extension's `properties`, the handler settings file.
 */
function readPastedInput(source: SourceText, doc: JsonDocument): ReadResult | undefined {
	if (doc.tooDeep !== undefined) return undefined;
	const pasted = readPasted(source, doc);
	if (!pasted) return undefined;
	const document = emptyDocument(pasted.docs[0]);
	for (const { properties, settings } of pasted.extensions)
		document.extensions.push(bareSite(document, properties, settings));
	const start = source.raw.search(/\S/);
	return {
		kind: 'settings',
		document,
		jsonDocuments: pasted.form === 'fragment' ? pasted.docs : [doc, ...pasted.docs.slice(1)],
		unreadable: [],
		pasted: { form: pasted.form, at: { source, start, end: start + 1 } },
	};
}

/** The extension's settings on their own (`secretsManagementSettings`, `authenticationSettings`). */
export const settingsReader: InputReader = {
	name: 'settings',
	kind: 'settings',
	fixPolicy: 'json',
	claims: (probe) => jsonKind(probe) === 'settings',
	read(source, env, probe) {
		const doc = probe.json();
		if (isWrappedSettings(probe)) {
			const pasted = readPastedInput(source, doc);
			if (pasted) return pasted;
		}
		// ARM accepts a trailing comma; az --settings may not (said as an info, at the comma).
		for (const report of trailingCommaReports(doc, 'settings')) env.report(jsonSyntaxRule, report);
		const result = plain('settings', doc);
		const root = objectRoot(doc);
		if (!root) return result;
		const document = emptyDocument(doc);
		document.extensions.push(bareSite(document, undefined, { doc, node: root, scope: undefined }));
		result.document = document;
		return result;
	},
};

/** Any other JSON: a pasted form when one is recognised, else the syntax alone. */
export const pastedReader: InputReader = {
	name: 'pasted-json',
	kind: undefined,
	fixPolicy: 'json',
	claims: () => true,
	read(source, _env, probe) {
		const doc = probe.json();
		if (probe.kind !== undefined) return plain(probe.kind, doc);
		return readPastedInput(source, doc) ?? plain(undefined, doc);
	},
};

/** The JSON readers, most specific first (the last one claims any text). */
export const jsonReaders: InputReader[] = [
	templateReader,
	parametersReader,
	resourceReader,
	settingsReader,
	pastedReader,
];
