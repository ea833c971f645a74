import { createRuleContext } from './context.ts';
import { findKeyVaultExtensions } from './find.ts';
import { parseCommands, type ReadFile } from './input/command.ts';
import { isCommandText, jsonInputKind } from './input/detect.ts';
import { printParseErrorCode } from 'jsonc-parser';
import { parseJsonDocument, propertyValue, type JsonDocument, type JsonNode } from './json.ts';
import type { CheckedDocument, ExtensionSite } from './model.ts';
import { anchorOf } from './navigate.ts';
import { relatedMessages } from './related.ts';
import { createDiagnostic } from './report.ts';
import type { ReportDescriptor, Rule } from './rule.ts';
import { expressionSyntaxRule } from './rules/kv049-expression-syntax.ts';
import { jsonSyntaxRule } from './rules/kv050-json-syntax.ts';
import { rules as defaultRules } from './rules/index.ts';
import { createSession, createTemplateScope, parameterFileValues } from './scope.ts';
import { createSource, rangeAt, type SourceText } from './source.ts';
import type { Diagnostic, InputKind, Lang, Range } from './types.ts';

/** Options of a check. */
export interface CheckOptions {
	/** Path shown in diagnostics. @default '<input>' */
	path?: string;
	/** Overrides the detected input kind. */
	kind?: InputKind;
	/** Language of messages. @default 'en' */
	lang?: Lang;
	/** An ARM parameters file whose values replace the template's defaults. */
	parameters?: { path: string; text: string };
	/** Reads files named by commands (`--settings @file`). Without it such settings stay unknown. */
	readFile?: ReadFile;
	/** The rules to run. @default every rule of the registry */
	rules?: Rule[];
}

/** A file a command refers to that could not be read. */
export interface UnreadableReference {
	path: string;
	file: string;
	range: Range;
}

/** The outcome of checking one input. */
export interface CheckResult {
	file: string;
	kind: InputKind | undefined;
	/** How many Key Vault VM extensions were found. */
	extensionCount: number;
	diagnostics: Diagnostic[];
	unreadable: UnreadableReference[];
}

function syntaxDiagnostics(doc: JsonDocument, lang: Lang): Diagnostic[] {
	return doc.errors.map((error) =>
		createDiagnostic(
			jsonSyntaxRule,
			{
				messageId: 'syntax',
				data: { code: printParseErrorCode(error.error) },
				at: {
					source: doc.source,
					start: doc.toRaw(error.offset),
					end: doc.toRaw(error.offset + error.length),
				},
			},
			lang
		)
	);
}

function wrapResource(root: JsonNode): JsonNode {
	return root.type === 'array'
		? root
		: { type: 'array', offset: root.offset, length: root.length, children: [root] };
}

function analyse(
	source: SourceText,
	options: CheckOptions
): {
	kind: InputKind | undefined;
	document: CheckedDocument | undefined;
	docs: JsonDocument[];
	session: ReturnType<typeof createSession>;
	unreadable: UnreadableReference[];
} {
	const session = createSession();
	if (options.kind === 'command' || (options.kind === undefined && isCommandText(source.raw))) {
		const parsed = parseCommands(source, options.readFile);
		return {
			kind: 'command',
			document: parsed.document,
			docs: parsed.settingsDocuments,
			session,
			unreadable: parsed.unreadable.map((u) => ({
				path: u.path,
				file: u.anchor.source.path,
				range: rangeAt(u.anchor.source, u.anchor.start, u.anchor.end),
			})),
		};
	}
	const doc = parseJsonDocument(source);
	const kind = options.kind ?? jsonInputKind(doc.root);
	const result = {
		kind,
		document: undefined as CheckedDocument | undefined,
		docs: [doc],
		session,
		unreadable: [],
	};
	const root = doc.root;
	if (!root || root.type !== (kind === 'resource' ? root.type : 'object')) return result;
	if (kind === 'template') {
		const parametersDoc = options.parameters
			? parseJsonDocument(createSource(options.parameters.path, options.parameters.text))
			: undefined;
		if (parametersDoc) result.docs.push(parametersDoc);
		const scope = createTemplateScope(
			doc,
			root,
			session,
			parametersDoc ? parameterFileValues(parametersDoc) : undefined
		);
		const resources = propertyValue(root, 'resources', true);
		result.document = resources
			? findKeyVaultExtensions(doc, scope, resources)
			: { doc, resources: [], byType: new Map(), hosts: [], extensions: [] };
	} else if (kind === 'resource') {
		const scope = createTemplateScope(
			doc,
			{ type: 'object', offset: 0, length: 0, children: [] },
			session
		);
		scope.standalone = true;
		result.document = findKeyVaultExtensions(doc, scope, wrapResource(root));
	} else if (kind === 'settings') {
		const document: CheckedDocument = {
			doc,
			resources: [],
			byType: new Map(),
			hosts: [],
			extensions: [],
		};
		const settings = { doc, node: root, scope: undefined };
		const site: ExtensionSite = {
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
				...settings,
				node: propertyValue(root, 'secretsManagementSettings') ?? root,
			}),
			document,
		};
		document.extensions.push(site);
		result.document = document;
	}
	return result;
}

/** The Key Vault VM extensions found in an input, without running any rule (the simulator reads them). */
export function findExtensionsInText(text: string, options: CheckOptions = {}): ExtensionSite[] {
	const source = createSource(options.path ?? '<input>', text);
	return analyse(source, options).document?.extensions ?? [];
}

/**
 * Checks one input (ARM template, parameters file beside it, single resource, bare settings, or
 * az CLI / PowerShell commands) and returns positioned diagnostics. Never throws on bad input.
 */
export function checkText(text: string, options: CheckOptions = {}): CheckResult {
	const lang = options.lang ?? 'en';
	const source = createSource(options.path ?? '<input>', text);
	const { kind, document, docs, session, unreadable } = analyse(source, options);
	const diagnostics: Diagnostic[] = docs.flatMap((doc) => syntaxDiagnostics(doc, lang));
	const byKey = new Map<string, Diagnostic>();
	const rules = options.rules ?? defaultRules;
	const active = rules.filter((rule) => rule.check);
	let current: Rule = active[0] ?? expressionSyntaxRule;
	const report = (descriptor: ReportDescriptor) => {
		const diagnostic = createDiagnostic(current, descriptor, lang);
		// JSON inside a quoted shell argument: an edit that adds quotes or escapes could break the
		// quoting, so such fixes are offered only for JSON files.
		if (
			kind === 'command' &&
			diagnostic.fix?.edits.some((e) => e.file === source.path && /["'\\$`]/.test(e.newText))
		)
			delete diagnostic.fix;
		const key = `${current.id}|${diagnostic.file}|${diagnostic.range.start.offset}|${diagnostic.range.end.offset}|${diagnostic.message}`;
		const existing = byKey.get(key);
		if (existing) {
			for (const related of diagnostic.related)
				if (
					!existing.related.some(
						(r) => r.file === related.file && r.range.start.offset === related.range.start.offset
					)
				)
					existing.related.push(related);
			return;
		}
		byKey.set(key, diagnostic);
		diagnostics.push(diagnostic);
	};
	for (const extension of document?.extensions ?? []) {
		const context = createRuleContext(extension, report);
		for (const rule of active) {
			current = rule;
			rule.check!(context);
		}
	}
	for (const problem of session.problems.values()) {
		const at = anchorOf({ doc: problem.doc, node: problem.node, scope: undefined });
		diagnostics.push(
			createDiagnostic(
				expressionSyntaxRule,
				{
					messageId: 'broken',
					data: { detail: problem.message },
					at: {
						source: at.source,
						start: problem.offset,
						end: Math.max(problem.offset + 1, at.end - 2),
					},
					related: [{ at, message: relatedMessages.wholeExpression }],
				},
				lang
			)
		);
	}
	diagnostics.sort(
		(a, b) =>
			(a.file === source.path ? 0 : 1) - (b.file === source.path ? 0 : 1) ||
			(a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
			a.range.start.offset - b.range.start.offset ||
			(a.ruleId === b.ruleId ? 0 : a.ruleId.localeCompare(b.ruleId))
	);
	return {
		file: source.path,
		kind,
		extensionCount: document?.extensions.length ?? 0,
		diagnostics,
		unreadable,
	};
}
