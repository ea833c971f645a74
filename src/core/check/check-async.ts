import { checkAnalysed, checkText, type CheckOptions, type CheckResult } from './check.ts';
import { withCheckPolicy } from './config-policy.ts';
import type { BicepParameters } from './input/bicep.ts';
import { iacKindOfPath, iacKindOfText, type IacKind } from './input/iac-detect.ts';
import { printParseErrorCode } from 'jsonc-parser';
import { parseJsonDocument } from './json.ts';
import {
	grammarParser,
	type GrammarLoader,
	type LanguageParser,
	type SyntaxNode,
} from './input/tree-sitter.ts';
import type { CheckedDocument } from './model.ts';
import { createDiagnostic } from './report.ts';
import { jsonSyntaxRule } from './rules/kv050-json-syntax.ts';
import { unreadInputRule } from './rules/kv051-unread-input.ts';
import { createSession } from './scope.ts';
import { createSource, type SourceText } from './source.ts';
import type { Diagnostic, InputKind, Lang } from './types.ts';

/** Options of a check that may read Bicep or Terraform. */
export interface AsyncCheckOptions extends CheckOptions {
	/**
	 * Supplies the tree-sitter WebAssembly files. Without it Bicep and Terraform inputs are reported
	 * as not readable (a KV050 finding), never as "no problems".
	 */
	grammars?: GrammarLoader;
}

/** At most this many syntax errors are reported per file. */
const maxSyntaxErrors = 20;

function syntaxErrors(
	root: SyntaxNode,
	source: SourceText,
	kind: IacKind,
	lang: Lang
): Diagnostic[] {
	const found: Diagnostic[] = [];
	const stack: SyntaxNode[] = root.hasError ? [root] : [];
	while (stack.length > 0 && found.length < maxSyntaxErrors) {
		const node = stack.pop()!;
		if (node.isError || node.isMissing) {
			const start = node.startIndex;
			const end = Math.max(node.endIndex, start + 1);
			const lineEnd = source.raw.indexOf('\n', start);
			found.push(
				createDiagnostic(
					jsonSyntaxRule,
					{
						messageId: kind === 'terraform' ? 'hcl' : 'bicep',
						at: { source, start, end: lineEnd > start ? Math.min(end, lineEnd) : end },
					},
					lang
				)
			);
			continue;
		}
		for (let i = node.children.length - 1; i >= 0; i--)
			if (node.children[i]!.hasError) stack.push(node.children[i]!);
	}
	return found;
}

/** Parsers already loaded, by grammar (see `loadGrammars`). */
export interface LoadedGrammars {
	bicep?: LanguageParser;
	terraform?: LanguageParser;
	/** The readers, imported with the first grammar. */
	readers?: typeof import('./input/iac-readers.ts');
}

function grammarOf(kind: IacKind): 'bicep' | 'terraform' {
	return kind === 'terraform' ? 'terraform' : 'bicep';
}

/** Loads the grammars that some of the given inputs need (none when all are JSON or commands). */
export async function loadGrammars(
	inputs: Array<{ text: string; path?: string; kind?: InputKind }>,
	loader: GrammarLoader
): Promise<LoadedGrammars> {
	const loaded: LoadedGrammars = {};
	for (const input of inputs) {
		const kind = iacKindOf(input.text, input.path, input.kind);
		if (!kind) continue;
		const grammar = grammarOf(kind);
		loaded[grammar] ??= await grammarParser(loader, grammar);
		loaded.readers ??= await import('./input/iac-readers.ts');
	}
	return loaded;
}

function iacKindOf(
	text: string,
	path: string | undefined,
	explicit: InputKind | undefined
): IacKind | undefined {
	if (explicit === 'bicep' || explicit === 'bicepparam' || explicit === 'terraform')
		return explicit;
	return explicit === undefined ? detectIacKind(text, path) : undefined;
}

/** Whether a text (and its path) is Bicep or Terraform, so that `checkTextAsync` is needed. */
export function detectIacKind(text: string, path?: string): IacKind | undefined {
	return iacKindOfPath(path) ?? iacKindOfText(text);
}

/**
 * Checks one input like `checkText`, and also Bicep (`.bicep`, with `.bicepparam` values given as
 * `parameters`) and Terraform (`.tf`). The grammars are loaded through `options.grammars` on the
 * first such input only; other inputs are checked synchronously by `checkText`. Rejects only
 * when the loader does (a grammar that cannot be fetched), so that the host can say so.
 */
export async function checkTextAsync(
	text: string,
	options: AsyncCheckOptions = {}
): Promise<CheckResult> {
	const kind = iacKindOf(text, options.path, options.kind);
	if (!kind || !options.grammars) return checkIacText(text, options, {});
	const loaded = await loadGrammars(
		[{ text, ...(options.path ? { path: options.path } : {}), kind }],
		options.grammars
	);
	return checkIacText(text, options, loaded);
}

/**
 * Checks one input synchronously with grammars already loaded (`loadGrammars`). A Bicep or
 * Terraform input whose grammar is not loaded is reported as not read (KV050), never as clean.
 */
export function checkIacText(
	text: string,
	options: CheckOptions,
	loaded: LoadedGrammars
): CheckResult {
	if (!iacKindOf(text, options.path, options.kind)) return checkText(text, options);
	return withCheckPolicy(text, options, (checked) => checkWithGrammars(text, checked, loaded));
}

function checkWithGrammars(
	text: string,
	options: CheckOptions,
	loaded: LoadedGrammars
): CheckResult {
	const kind = iacKindOf(text, options.path, options.kind)!;
	const lang = options.lang ?? 'en';
	const source = createSource(options.path ?? '<input>', text);
	const empty: CheckedDocument = {
		doc: undefined,
		resources: [],
		byType: new Map(),
		hosts: [],
		extensions: [],
	};
	const analysed = {
		kind,
		document: empty as CheckedDocument | undefined,
		docs: [],
		session: createSession(),
		unreadable: [],
	};
	const { parameters: _parameters, ...rest } = options;
	const { readers } = loaded;
	const parser = readers ? loaded[grammarOf(kind)] : undefined;
	const json = kind === 'terraform' && /^\s*\{/.test(text);
	const jsonDoc = json ? parseJsonDocument(source) : undefined;
	const tree =
		jsonDoc && parser && readers
			? readers.terraformJsonTree(jsonDoc, (piece, offset) =>
					parser.parse(piece, { source: text, offset })
				)
			: kind === 'bicepparam' && parser && readers
				? parser.parse(readers.bicepparamAsBicep(text), { source: text, offset: 0 })
				: parser?.parse(text);
	if (!tree) {
		const result = checkAnalysed(source, analysed, rest);
		result.diagnostics.unshift(
			createDiagnostic(
				jsonSyntaxRule,
				{
					messageId: 'unread',
					data: { language: kind === 'terraform' ? 'Terraform' : 'Bicep' },
					at: { source, start: 0, end: Math.min(1, text.length) },
				},
				lang
			)
		);
		return result;
	}
	{
		let parameters: BicepParameters | undefined;
		let parametersErrors: Diagnostic[] = [];
		if (
			kind === 'bicep' &&
			options.parameters &&
			iacKindOfPath(options.parameters.path) === 'bicepparam'
		) {
			const given = options.parameters.text;
			const parametersTree = loaded.bicep?.parse(readers!.bicepparamAsBicep(given), {
				source: given,
				offset: 0,
			});
			if (parametersTree) {
				const parametersSource = createSource(options.parameters.path, given);
				parameters = readers!.readBicepParameters(parametersSource, parametersTree);
				parametersErrors = syntaxErrors(parametersTree, parametersSource, 'bicepparam', lang);
			}
		}
		if (kind === 'bicep') analysed.document = readers!.readBicep(source, tree, parameters);
		else if (kind === 'terraform') analysed.document = readers!.readTerraform(source, tree);
		const result = checkAnalysed(source, analysed, rest);
		const found = jsonDoc
			? jsonDoc.errors.map((e) =>
					createDiagnostic(
						jsonSyntaxRule,
						{
							messageId: 'syntax',
							data: { code: printParseErrorCode(e.error) },
							at: { source, start: e.offset, end: e.offset + Math.max(1, e.length) },
						},
						lang
					)
				)
			: syntaxErrors(tree, source, kind, lang);
		// Parts of a Terraform file read as unknown (dynamic blocks, count and for_each), at their place.
		if (kind === 'terraform')
			for (const { messageId, data, start, end } of readers!.terraformUnread(tree))
				found.push(
					createDiagnostic(unreadInputRule, { messageId, data, at: { source, start, end } }, lang)
				);
		if (found.length > 0) {
			result.diagnostics.push(...found);
			result.diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset);
		}
		// Syntax errors of the .bicepparam file given with the Bicep file, in that file.
		result.diagnostics.push(...parametersErrors);
		return result;
	}
}
