import { printParseErrorCode } from 'jsonc-parser';
import { parseErrorSentence } from '../json-parse-errors.ts';
import { parseJsonDocument } from '../json.ts';
import { jsonSyntaxRule } from '../rules/kv050-json-syntax.ts';
import { unreadInputRule } from '../rules/kv051-unread-input.ts';
import { createSource, type SourceText } from '../source.ts';
import type { InputKind } from '../types.ts';
import { iacKindOfPath, iacKindOfText, type IacKind } from './iac-detect.ts';
import { isBinaryText } from './recognise.ts';
import {
	emptyDocument,
	type InputReader,
	type Probe,
	type ReadEnv,
	type ReadResult,
} from './reader.ts';
import { GrammarLimitReached, type SyntaxNode } from './tree-sitter.ts';
import { limits } from '../limits.ts';
import {
	createModuleFollower,
	maxModuleDepth,
	maxModuleFiles,
	type ModuleFollower,
	type ModuleReading,
} from './local-modules.ts';

/** At most this many syntax errors are reported per file. */
const maxSyntaxErrors = 20;

/** Text that shows a Key Vault VM extension is declared in a part that was not read. */
const extensionMarker = /KeyVaultFor(?:Windows|Linux)|Microsoft\.Azure\.KeyVault\b/;

/**
 * Bicep `extension` declarations (`extension microsoftGraphV1`, `extension 'br:…' with { … } as k8s`):
 * valid Bicep that tree-sitter-bicep 1.1.0 does not know. They declare no VM extension.
 */
const bicepExtensionDeclaration =
	/extension[ \t]+(?:'[^'\n]*'|[A-Za-z_]\w*)(?:\s+with\s+\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\})?(?:\s+as\s+[A-Za-z_]\w*)?/g;

/** The first Bicep `extension` declaration, when a part not read holds such declarations alone. */
function onlyBicepExtensions(text: string): string | undefined {
	if (text.replace(bicepExtensionDeclaration, '').trim() !== '') return undefined;
	return /^extension[^\n]*/.exec(text.trim())?.[0].trim();
}

/**
 * Reports the parts of a tree tree-sitter could not parse, each at its place, as not read: a
 * construct the grammar does not know (tree-sitter-bicep 1.1.0 has no `extension` statement) must
 * never fail a run, and cannot be told from a syntax error. A part that holds a Key Vault
 * extension is a warning, so that the extension is never silently skipped.
 */
function reportSyntaxErrors(
	root: SyntaxNode,
	source: SourceText,
	kind: IacKind,
	env: ReadEnv
): void {
	let found = 0;
	const stack: SyntaxNode[] = root.hasError ? [root] : [];
	while (stack.length > 0 && found < maxSyntaxErrors) {
		const node = stack.pop()!;
		let start = node.startIndex;
		if (node === root && node.isError && kind === 'terraform') {
			// An ERROR root of tree-sitter-hcl holds the complete blocks before the part that does not
			// parse, and terraform.ts reads them: only what follows them is not read.
			const children = node.children;
			for (let i = children.length - 1; i >= 0; i--)
				if (children[i]!.hasError && children[i]!.type === 'block') stack.push(children[i]!);
			const stray = children.find((c) => c.type !== 'block' && c.type !== 'comment');
			if (!stray) continue;
			start = stray.startIndex;
		}
		if (node.isError || node.isMissing) {
			const end = Math.max(node.endIndex, start + 1);
			const lineEnd = source.raw.indexOf('\n', start);
			const holdsExtension = extensionMarker.test(source.raw.slice(start, end));
			const declaration =
				kind === 'terraform' || holdsExtension
					? undefined
					: onlyBicepExtensions(source.raw.slice(start, end));
			const at = { source, start, end: lineEnd > start ? Math.min(end, lineEnd) : end };
			if (declaration !== undefined) {
				env.report(unreadInputRule, {
					messageId: 'bicepExtension',
					severity: 'info',
					data: { declaration },
					at,
				});
				found++;
				continue;
			}
			env.report(unreadInputRule, {
				messageId: holdsExtension ? 'extensionNotRead' : 'grammarGap',
				data: { language: kind === 'terraform' ? 'Terraform' : 'Bicep' },
				at,
			});
			found++;
			continue;
		}
		// `children` makes a new array at each access: read it once (a node with 20,000 comment
		// children took 34 s when asked per child).
		const children = node.children;
		for (let i = children.length - 1; i >= 0; i--)
			if (children[i]!.hasError) stack.push(children[i]!);
	}
}

/** The IaC kind of a probe: the one asked for, else the one the path or the text tells. */
function iacKind(probe: Probe): IacKind | undefined {
	const { kind } = probe;
	if (kind === 'bicep' || kind === 'bicepparam' || kind === 'terraform') return kind;
	if (kind !== undefined) return undefined;
	return (
		iacKindOfPath(probe.path) ?? (isBinaryText(probe.text) ? undefined : iacKindOfText(probe.text))
	);
}

/** A result with no model, for a file whose grammar is not loaded: said so, never "clean". */
function notLoaded(kind: InputKind, source: SourceText, env: ReadEnv): ReadResult {
	env.report(jsonSyntaxRule, {
		messageId: 'unread',
		data: { language: kind === 'terraform' ? 'Terraform' : 'Bicep' },
		at: { source, start: 0, end: Math.min(1, source.raw.length) },
	});
	return { kind, document: emptyDocument(undefined), jsonDocuments: [], unreadable: [] };
}

function result(kind: InputKind): ReadResult {
	return { kind, document: emptyDocument(undefined), jsonDocuments: [], unreadable: [] };
}

/**
 * Reads with the grammar; a file over the grammar's size or work budget (tree-sitter.ts) is
 * reported as not read from where the parser stopped, and nothing of it is checked: an error, so
 * that `--fail-on error` never passes a file that was not checked at all.
 */
function withinGrammarBudget(
	kind: IacKind,
	source: SourceText,
	env: ReadEnv,
	read: () => ReadResult
): ReadResult {
	try {
		return read();
	} catch (error) {
		if (!(error instanceof GrammarLimitReached)) throw error;
		reportParseLimit(kind, source, env, error, 'error');
		return result(kind);
	}
}

/** Says that `source` was not read from where the grammar's budget stopped it, at that place. */
function reportParseLimit(
	kind: IacKind,
	source: SourceText,
	env: ReadEnv,
	error: GrammarLimitReached,
	severity: 'error' | 'warning'
): void {
	const start = Math.min(error.offset, Math.max(0, source.raw.length - 1));
	env.report(unreadInputRule, {
		messageId: 'parseLimit',
		severity,
		data: {
			language: kind === 'terraform' ? 'Terraform' : 'Bicep',
			limit: limits.grammarInputSize.toLocaleString('en'),
		},
		at: { source, start, end: Math.min(source.raw.length, start + 1) },
	});
}

/** Following local modules during one read, when the host can read them (the CLI). */
function followingModules(
	env: ReadEnv,
	parse: (text: string) => SyntaxNode | undefined
): { follower: ModuleFollower; modules: ModuleReading } | undefined {
	if (!env.readModule) return undefined;
	const modules: ModuleReading = { bindings: [], opened: [], skipped: [] };
	return { follower: createModuleFollower(env.readModule, parse, modules), modules };
}

/** The calls in a file whose local module was followed or said not read (by start offset). */
function callsFollowed(modules: ModuleReading | undefined, source: SourceText): Set<number> {
	const calls = new Set<number>();
	for (const { call } of [...(modules?.bindings ?? []), ...(modules?.skipped ?? [])])
		if (call.source === source) calls.add(call.start);
	return calls;
}

/**
 * A local module call where modules cannot be read (the browser checker reads one text): an info,
 * or a warning when the call passes a Key Vault extension that is then not checked.
 */
function moduleNotReadHere(
	messageId: string,
	holdsExtension: boolean | undefined
): { severity?: 'info' } {
	return messageId === 'moduleNotReadHere' && !holdsExtension ? { severity: 'info' } : {};
}

const moduleMessages = {
	unread: 'moduleNotRead',
	cycle: 'moduleCycle',
	depth: 'moduleLimit',
	count: 'moduleLimit',
	parseLimit: 'moduleParseLimit',
} as const;

/** Says at each call whose local module was not followed which path it names, and why. */
function finishModules(read: ReadResult, modules: ModuleReading, env: ReadEnv): void {
	read.modules = modules;
	for (const { call, path, reason } of modules.skipped)
		env.report(unreadInputRule, {
			messageId: moduleMessages[reason],
			severity: 'info',
			data: {
				path,
				depth: String(maxModuleDepth),
				files: String(maxModuleFiles),
				limit: limits.grammarInputSize.toLocaleString('en'),
			},
			at: call,
		});
}

/**
 * Says in the Bicep file that the `.bicepparam` given with it was not read (over the grammar's
 * budget), or not all of it (syntax errors): its own defaults are assumed, so that findings about
 * them are never taken for the deployed values. At the first parameter, else at the start.
 */
function parametersNotRead(
	root: SyntaxNode,
	source: SourceText,
	env: ReadEnv,
	messageId: 'parametersNotRead' | 'parametersPartlyRead' | 'parametersJsonNotRead'
): void {
	const first = root.namedChildren.find((n) => n?.type === 'parameter_declaration');
	const start = first?.startIndex ?? 0;
	const lineEnd = source.raw.indexOf('\n', start);
	env.report(unreadInputRule, {
		messageId,
		data: { path: env.parameters?.path ?? '' },
		at: {
			source,
			start,
			end: first ? first.endIndex : lineEnd > start ? lineEnd : Math.min(1, source.raw.length),
		},
	});
}

/** Bicep files, with the values of a `.bicepparam` file given beside them (input/bicep.ts). */
export const bicepReader: InputReader = {
	name: 'bicep',
	kind: 'bicep',
	grammar: 'bicep',
	fixPolicy: 'plain-text',
	claims: (probe) => iacKind(probe) === 'bicep',
	read(source, env) {
		return withinGrammarBudget('bicep', source, env, () => {
			const tree = env.grammar?.parser.parse(source.raw);
			if (!env.grammar || !tree) return notLoaded('bicep', source, env);
			const { parser, readers } = env.grammar;
			const read = result('bicep');
			let parameters;
			// A JSON parameters file (`parameters.<name>.value`); one that is not JSON is said not
			// read, so that defaults are never taken for the deployed values.
			if (env.parameters && iacKindOfPath(env.parameters.path) !== 'bicepparam') {
				const parametersSource = createSource(env.parameters.path, env.parameters.text);
				const json = parseJsonDocument(parametersSource);
				if (json.root?.type === 'object' && json.errors.length === 0)
					parameters = readers.jsonBicepParameters(parametersSource);
				else parametersNotRead(tree, source, env, 'parametersJsonNotRead');
			}
			if (env.parameters && iacKindOfPath(env.parameters.path) === 'bicepparam') {
				const given = env.parameters.text;
				const parametersSource = createSource(env.parameters.path, given);
				try {
					const parametersTree = parser.parse(readers.bicepparamAsBicep(given), {
						source: given,
						offset: 0,
					});
					if (parametersTree) {
						parameters = readers.readBicepParameters(parametersSource, parametersTree, env.budget);
						reportSyntaxErrors(parametersTree, parametersSource, 'bicepparam', env);
						if (parametersTree.hasError)
							parametersNotRead(tree, source, env, 'parametersPartlyRead');
					} else parametersNotRead(tree, source, env, 'parametersNotRead');
				} catch (error) {
					// A .bicepparam over the budget is reported in that file, where its text is; the
					// Bicep file is still read, with its own defaults, and says so.
					if (!(error instanceof GrammarLimitReached)) throw error;
					reportParseLimit('bicepparam', parametersSource, env, error, 'warning');
					parametersNotRead(tree, source, env, 'parametersNotRead');
				}
			}
			const reading = followingModules(env, (text) => parser.parse(text));
			read.document = readers.readBicep(source, tree, parameters, env.budget, reading?.follower);
			reportSyntaxErrors(tree, source, 'bicep', env);
			for (const file of [{ source, root: tree }, ...(reading?.modules.opened ?? [])]) {
				if (file.source !== source) reportSyntaxErrors(file.root, file.source, 'bicep', env);
				for (const { start, end, messageId, path, holdsExtension } of readers.bicepModulesNotRead(
					file.root,
					callsFollowed(reading?.modules, file.source),
					reading !== undefined
				))
					env.report(unreadInputRule, {
						messageId,
						...moduleNotReadHere(messageId, holdsExtension),
						data: { path },
						at: { source: file.source, start, end },
					});
			}
			if (reading) finishModules(read, reading.modules, env);
			return read;
		});
	},
};

/** A `.bicepparam` file on its own: its syntax (its Bicep file gives it meaning). */
export const bicepparamReader: InputReader = {
	name: 'bicepparam',
	kind: 'bicepparam',
	grammar: 'bicep',
	fixPolicy: 'plain-text',
	claims: (probe) => iacKind(probe) === 'bicepparam',
	read(source, env) {
		return withinGrammarBudget('bicepparam', source, env, () => {
			const tree = env.grammar?.parser.parse(env.grammar.readers.bicepparamAsBicep(source.raw), {
				source: source.raw,
				offset: 0,
			});
			if (!tree) return notLoaded('bicepparam', source, env);
			reportSyntaxErrors(tree, source, 'bicepparam', env);
			return result('bicepparam');
		});
	},
};

/** Terraform in HCL or in JSON syntax (input/terraform.ts, input/terraform-json.ts). */
export const terraformReader: InputReader = {
	name: 'terraform',
	kind: 'terraform',
	grammar: 'terraform',
	fixPolicy: 'plain-text',
	claims: (probe) => iacKind(probe) === 'terraform',
	read(source, env) {
		return withinGrammarBudget('terraform', source, env, () => {
			if (!env.grammar) return notLoaded('terraform', source, env);
			const { parser, readers } = env.grammar;
			const text = source.raw;
			const jsonDoc = /^\s*\{/.test(text) ? parseJsonDocument(source) : undefined;
			const tree = jsonDoc
				? readers.terraformJsonTree(jsonDoc, (piece, offset) =>
						parser.parse(piece, { source: text, offset })
					)
				: parser.parse(text);
			if (!tree) return notLoaded('terraform', source, env);
			const read = result('terraform');
			// Module files in JSON syntax (`.tf.json`) are read as the calling file would be.
			const reading = followingModules(env, (piece) =>
				/^\s*\{/.test(piece)
					? readers.terraformJsonTree(parseJsonDocument(createSource('', piece)), (part, offset) =>
							parser.parse(part, { source: piece, offset })
						)
					: parser.parse(piece)
			);
			read.document = readers.readTerraform(source, tree, env.budget, reading?.follower);
			if (jsonDoc)
				for (const e of jsonDoc.errors)
					env.report(jsonSyntaxRule, {
						messageId: 'syntax',
						data: { code: printParseErrorCode(e.error) },
						phrases: { problem: parseErrorSentence(printParseErrorCode(e.error)) },
						at: { source, start: e.offset, end: e.offset + Math.max(1, e.length) },
					});
			else reportSyntaxErrors(tree, source, 'terraform', env);
			for (const file of [{ source, root: tree }, ...(reading?.modules.opened ?? [])]) {
				if (file.source !== source) reportSyntaxErrors(file.root, file.source, 'terraform', env);
				// Parts read as unknown (dynamic blocks, count and for_each), at their place.
				const unread = readers.terraformUnread(
					file.root,
					callsFollowed(reading?.modules, file.source),
					reading !== undefined
				);
				// Dynamic blocks no rule reads (plan, secret…): one info for the file, at the first.
				const harmless = unread.filter((u) => u.messageId === 'dynamicBlock' && !u.mattersToRules);
				const names = harmless.map((u) => `"${u.data['name']}"`);
				for (const item of unread) {
					const { messageId, data, start, end, holdsExtension } = item;
					if (harmless.includes(item)) {
						if (item === harmless[0])
							env.report(unreadInputRule, {
								messageId: 'dynamicBlocksNotNeeded',
								severity: 'info',
								data: { names: names.join(', ') },
								// A Japanese list is joined with 「、」: "plan"、"secret".
								phrases: { names: { ja: names.join('、'), en: names.join(', ') } },
								at: { source: file.source, start, end },
							});
						continue;
					}
					env.report(unreadInputRule, {
						messageId,
						// Repeated resources are read (as one); dynamic blocks are not.
						...(messageId === 'repeated' ? { severity: 'info' as const } : {}),
						...moduleNotReadHere(messageId, holdsExtension),
						data,
						at: { source: file.source, start, end },
					});
				}
			}
			if (reading) finishModules(read, reading.modules, env);
			return read;
		});
	},
};
