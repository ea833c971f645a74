import { createRuleContext } from './context.ts';
import { findKeyVaultExtensions, propertiesSite } from './find.ts';
import { parseCommands, type ReadFile } from './input/command.ts';
import { isCommandText, jsonInputKind } from './input/detect.ts';
import { pastedFormNames, readPasted, type PastedForm } from './input/pasted.ts';
import { foreignKindNames, recogniseForeign, type ForeignKind } from './input/recognise.ts';
import { limits } from './limits.ts';
import { printParseErrorCode } from 'jsonc-parser';
import { parseJsonDocument, propertyValue, type JsonDocument, type JsonNode } from './json.ts';
import type { CheckedDocument, ExtensionSite } from './model.ts';
import { anchorOf } from './navigate.ts';
import { relatedMessages } from './related.ts';
import { createDiagnostic } from './report.ts';
import type { ReportDescriptor, Rule } from './rule.ts';
import { expressionSyntaxRule } from './rules/kv049-expression-syntax.ts';
import { jsonSyntaxRule } from './rules/kv050-json-syntax.ts';
import { unreadInputRule } from './rules/kv051-unread-input.ts';
import { rules as defaultRules } from './rules/index.ts';
import { createSession, createTemplateScope, parameterFileValues } from './scope.ts';
import { createSource, positionAt, rangeAt, type SourceText } from './source.ts';
import type { Diagnostic, InputKind, Lang, Range } from './types.ts';
import type { RuleLevel } from './config.ts';
import { withCheckPolicy } from './config-policy.ts';
import type { SuppressedDiagnostic } from './suppressions.ts';

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
	/** Rule levels from kvcert.config.json (config-policy.ts applies them after the rules). */
	ruleLevels?: ReadonlyMap<string, RuleLevel>;
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
	/** How many of the extensions found had settings that could not be read (KV051 says where). */
	unreadSettings: number;
	/** Set when the text is none of the kinds kvcert reads (KV051 says what it looks like). */
	unrecognised?: boolean;
	/** Findings set aside by `kvcert-disable…` comments or a baseline (config-policy.ts). */
	suppressed?: SuppressedDiagnostic[];
}

/** Parse errors of a bracket left open at the end of the text. */
const closingCodes = new Set(['CloseBraceExpected', 'CloseBracketExpected', 'EndOfFileExpected']);

/** Syntax errors further apart than this many lines are told as independent mistakes. */
const independentLines = 3;

/**
 * Syntax findings of one document: the first error, plus one per later error that is not a
 * consequence of the one before (errors on nearby lines are one mistake), plus one info finding
 * per string broken over several lines.
 */
function syntaxDiagnostics(doc: JsonDocument, lang: Lang): Diagnostic[] {
	const result: Diagnostic[] = [];
	const anchor = (start: number, end: number) => ({
		source: doc.source,
		start: doc.toRaw(start),
		end: doc.toRaw(end),
	});
	if (doc.tooDeep !== undefined) {
		result.push(
			createDiagnostic(
				unreadInputRule,
				{
					messageId: 'tooDeep',
					severity: 'warning',
					data: { limit: limits.jsonDepth.toLocaleString('en') },
					at: anchor(doc.tooDeep, doc.tooDeep + 1),
				},
				lang
			)
		);
		return result;
	}
	const groups: Array<{ first: (typeof doc.errors)[number]; count: number; line: number }> = [];
	const end = doc.text.trimEnd().length;
	for (const error of doc.errors) {
		// A bracket left open at the end of the text follows from an earlier mistake (an unclosed
		// string swallowed its closing bracket).
		if (
			groups[0] &&
			error.offset >= end - 1 &&
			closingCodes.has(printParseErrorCode(error.error))
		) {
			groups[0].count++;
			continue;
		}
		const line = positionAt(doc.source, doc.toRaw(error.offset)).line;
		const last = groups[groups.length - 1];
		if (last && line - last.line <= independentLines) {
			last.count++;
			last.line = line;
		} else groups.push({ first: error, count: 1, line });
	}
	for (const { first, count } of groups)
		result.push(
			createDiagnostic(
				jsonSyntaxRule,
				{
					messageId: count > 1 ? 'more' : 'syntax',
					data: { code: printParseErrorCode(first.error), count: count - 1 },
					at: anchor(first.offset, first.offset + first.length),
				},
				lang
			)
		);
	for (const offset of doc.multilineStrings) {
		const start = doc.toRaw(offset);
		let end = offset + 1;
		while (end < doc.text.length && doc.text[end] !== '"') end += doc.text[end] === '\\' ? 2 : 1;
		result.push(
			createDiagnostic(
				jsonSyntaxRule,
				{
					messageId: 'multilineString',
					severity: 'info',
					at: { source: doc.source, start, end: doc.toRaw(Math.min(end + 1, doc.text.length)) },
				},
				lang
			)
		);
	}
	return result;
}

function wrapResource(root: JsonNode): JsonNode {
	return root.type === 'array'
		? root
		: { type: 'array', offset: root.offset, length: root.length, children: [root] };
}

interface Analysis {
	kind: InputKind | undefined;
	document: CheckedDocument | undefined;
	docs: JsonDocument[];
	session: ReturnType<typeof createSession>;
	unreadable: UnreadableReference[];
	/** The pasted form the input was read as, if it is one. */
	pasted?: { form: PastedForm; at: { source: SourceText; start: number; end: number } };
	/** What the text looks like when it is none of the kinds kvcert reads. */
	foreign?: ForeignKind;
}

function emptyDocument(doc: JsonDocument | undefined): CheckedDocument {
	return { doc, resources: [], byType: new Map(), hosts: [], extensions: [] };
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

function analyse(source: SourceText, options: CheckOptions): Analysis {
	const session = createSession(source.raw.length);
	if (options.kind === 'command' || (options.kind === undefined && isCommandText(source.raw))) {
		const parsed = parseCommands(source, options.readFile, session);
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
	const foreign = options.kind === undefined ? recogniseForeign(source.raw) : undefined;
	if (foreign)
		return { kind: undefined, document: undefined, docs: [], session, unreadable: [], foreign };
	const doc = parseJsonDocument(source);
	const kind = options.kind ?? jsonInputKind(doc.root);
	const result: Analysis = { kind, document: undefined, docs: [doc], session, unreadable: [] };
	// `{ "settings": { "secretsManagementSettings": … }, "authenticationSettings": … }` is the
	// settings wrapper (with authenticationSettings left outside), not bare settings.
	const wrapped =
		options.kind === undefined &&
		kind === 'settings' &&
		!propertyValue(doc.root, 'secretsManagementSettings') &&
		propertyValue(propertyValue(doc.root, 'settings', true), 'secretsManagementSettings');
	if ((kind === undefined || wrapped) && doc.tooDeep === undefined) {
		const pasted = readPasted(source, doc);
		if (pasted) {
			const document = emptyDocument(pasted.docs[0]);
			for (const { properties, settings } of pasted.extensions)
				document.extensions.push(bareSite(document, properties, settings));
			const start = source.raw.search(/\S/);
			return {
				kind: 'settings',
				document,
				docs: pasted.form === 'fragment' ? pasted.docs : [doc, ...pasted.docs.slice(1)],
				session,
				unreadable: [],
				pasted: { form: pasted.form, at: { source, start, end: start + 1 } },
			};
		}
	}
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
			: emptyDocument(doc);
	} else if (kind === 'resource') {
		const scope = createTemplateScope(
			doc,
			{ type: 'object', offset: 0, length: 0, children: [] },
			session
		);
		scope.standalone = true;
		result.document = findKeyVaultExtensions(doc, scope, wrapResource(root));
	} else if (kind === 'settings') {
		const document = emptyDocument(doc);
		document.extensions.push(bareSite(document, undefined, { doc, node: root, scope: undefined }));
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
	return withCheckPolicy(text, options, (checked) => {
		const source = createSource(checked.path ?? '<input>', text);
		return checkAnalysed(source, analyse(source, checked), checked);
	});
}

/** An input read into the model, ready for the rules (see `checkAnalysed`). */
export type AnalysedInput = ReturnType<typeof analyse>;

/** Runs the rules over an input already read into the model (ARM here; Bicep and Terraform in check-async.ts). */
export function checkAnalysed(
	source: SourceText,
	analysed: AnalysedInput,
	options: CheckOptions
): CheckResult {
	const lang = options.lang ?? 'en';
	const { kind, document, docs, session, unreadable } = analysed;
	const diagnostics: Diagnostic[] = docs.flatMap((doc) => syntaxDiagnostics(doc, lang));
	const engine = (descriptor: ReportDescriptor) =>
		diagnostics.push(createDiagnostic(unreadInputRule, descriptor, lang));
	if (analysed.foreign) {
		const start = Math.max(0, source.raw.search(/\S/));
		const lineEnd = source.raw.slice(start).search(/[\r\n]/);
		engine({
			messageId: 'notRecognised',
			severity: 'error',
			data: { recognised: foreignKindNames[analysed.foreign][lang] },
			at: { source, start, end: lineEnd <= 0 ? source.raw.length : start + lineEnd },
		});
	}
	if (analysed.pasted)
		engine({
			messageId: 'readAs',
			data: { form: pastedFormNames[analysed.pasted.form][lang] },
			at: analysed.pasted.at,
		});
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
		// Fixes are written for ARM JSON: in Bicep and HCL only plain-text edits stay right.
		if (
			(kind === 'bicep' || kind === 'terraform') &&
			diagnostic.fix?.edits.some((e) => /["'\\$`[\]{}]/.test(e.newText))
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
	for (const extension of document?.extensions ?? []) {
		const unread = extension.unread;
		if (!unread) continue;
		engine({
			messageId: unread.messageId,
			severity:
				unread.messageId === 'settingStringPath' || unread.messageId === 'settingAsString'
					? 'error'
					: 'info',
			data: unread.data,
			at: unread.anchor,
		});
	}
	for (const event of session.limited)
		engine({
			messageId:
				event.limit === 'depth' ? 'limitDepth' : event.limit === 'size' ? 'limitSize' : 'limitWork',
			data: {
				limit: (event.limit === 'depth' ? limits.evaluationDepth : limits.valueSize).toLocaleString(
					'en'
				),
			},
			at: anchorOf(event.at),
		});
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
		unreadSettings: (document?.extensions ?? []).filter((e) => e.unread || e.settingsUnknown)
			.length,
		...(analysed.foreign ? { unrecognised: true } : {}),
	};
}
