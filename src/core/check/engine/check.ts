import type { RuleLevel } from '../config.ts';
import { withCheckPolicy } from '../config-policy.ts';
import type { ReadFile } from '../input/command.ts';
import type { ReadModule } from '../input/local-modules.ts';
import type {
	GrammarAccess,
	InputReader,
	ReadEnv,
	ReadResult,
	UnreadableReference,
} from '../input/reader.ts';
import { parseOnce } from '../input/parse-once.ts';
import { createProbe, readerFor } from '../input/registry.ts';
import { grammarParser, type GrammarLoader } from '../input/tree-sitter.ts';
import type { ExtensionSite } from '../model.ts';
import type { Located } from '../values.ts';
import { scanPlaceholders, type PlaceholderScan } from '../placeholders/scan.ts';
import { settlePlaceholders } from '../placeholders/settle.ts';
import { createDiagnostic } from '../report.ts';
import type { Rule } from '../rule.ts';
import { rules as defaultRules } from '../rules/index.ts';
import { unreadInputRule } from '../rules/kv051-unread-input.ts';
import { createSession } from '../scope.ts';
import {
	assumptionsFor,
	branchWords,
	maxBranchSubjects,
	onBranch,
	type BranchAssumption,
	type BranchPoint,
} from '../branches.ts';
import { createSource, type SourceText } from '../source.ts';
import type { SuppressedDiagnostic } from '../suppressions.ts';
import type { Diagnostic, InputKind, Lang } from '../types.ts';
import { relateModuleFindings } from './module-related.ts';
import { compareDiagnostics, runRules } from './run-rules.ts';

export type { UnreadableReference } from '../input/reader.ts';

/** Options of a check. */
export interface CheckOptions {
	/** Path shown in diagnostics (and used to tell `.bicep`, `.tf`…). @default '<input>' */
	path?: string;
	/** Overrides the detected input kind. */
	kind?: InputKind;
	/** Language of messages. @default 'en' */
	lang?: Lang;
	/** A parameters file whose values replace the template's defaults (ARM JSON or `.bicepparam`). */
	parameters?: { path: string; text: string };
	/** Reads files the input names (`--settings @file`). Without it such settings stay unknown. */
	readFile?: ReadFile;
	/**
	 * Reads the files of the local modules a Bicep or Terraform input calls, which are then checked
	 * with the values each call passes. Without it local modules are not followed.
	 */
	readModule?: ReadModule;
	/** The rules to run. @default every rule of the registry */
	rules?: Rule[];
	/** Rule levels from kvcert.config.json (config-policy.ts applies them after the rules). */
	ruleLevels?: ReadonlyMap<string, RuleLevel>;
	/**
	 * Supplies the tree-sitter WebAssembly files, loaded on the first Bicep or Terraform input only.
	 * Without it such inputs are reported as not read (a KV050 finding), never as "no problems".
	 */
	grammars?: GrammarLoader;
}

/** The outcome of checking one input. */
export interface CheckResult {
	file: string;
	kind: InputKind | undefined;
	/** How many Key Vault VM extensions were found. */
	extensionCount: number;
	/**
	 * Findings, positioned in the user's text (a finding may sit in another file the input names:
	 * a settings file, a module). Sorted: the input's own file first, then by place and rule.
	 */
	diagnostics: Diagnostic[];
	unreadable: UnreadableReference[];
	/** How many of the extensions found had settings that could not be read (KV051 says where). */
	unreadSettings: number;
	/** Set when the text is none of the kinds kvcert reads (KV051 says what it looks like). */
	unrecognised?: boolean;
	/** Findings set aside by `kvcert-disable…` comments (config-policy.ts). */
	suppressed?: SuppressedDiagnostic[];
}

/** Grammars already prepared for a check that must stay synchronous (`checkSync`). */
export type PreparedGrammars = Partial<Record<'bicep' | 'terraform', GrammarAccess>>;

interface Prepared {
	source: SourceText;
	reader: InputReader;
	probe: ReturnType<typeof createProbe>;
	/** Placeholders of documentation samples; for JSON the reader reads the masked text. */
	placeholders: PlaceholderScan;
}

function prepare(text: string, options: CheckOptions): Prepared {
	const path = options.path ?? '<input>';
	let source = createSource(path, text);
	let probe = createProbe(source, options.kind);
	let reader = readerFor(probe);
	// Bytes that are not text hold no sample placeholders (and random ones made the scan slow).
	const placeholders =
		reader.name === 'binary'
			? { placeholders: [], masked: undefined }
			: scanPlaceholders(text, reader.grammar !== undefined);
	if (placeholders.masked !== undefined) {
		source = createSource(path, placeholders.masked);
		probe = createProbe(source, options.kind);
		reader = readerFor(probe);
	}
	return { source, reader, probe, placeholders };
}

function readInput(
	{ source, reader, probe }: Prepared,
	options: CheckOptions,
	grammar: GrammarAccess | undefined,
	lang: Lang,
	assume?: BranchAssumption
): { read: ReadResult; env: ReadEnv; findings: Diagnostic[] } {
	const findings: Diagnostic[] = [];
	const env: ReadEnv = {
		lang,
		budget: createSession(source.raw.length, assume),
		report: (rule, descriptor) => findings.push(createDiagnostic(rule, descriptor, lang)),
		...(options.parameters ? { parameters: options.parameters } : {}),
		...(options.readFile ? { readFile: options.readFile } : {}),
		...(options.readModule ? { readModule: options.readModule } : {}),
		...(grammar ? { grammar } : {}),
	};
	return { read: reader.read(source, env, probe), env, findings };
}

/**
 * The result of a check that failed inside kvcert: one finding at the start of the file, so that
 * the run goes on with the other files and their reports are still written.
 */
function failed(prepared: Prepared, lang: Lang, error: unknown): CheckResult {
	const { source } = prepared;
	const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(
		0,
		200
	);
	return {
		file: source.path,
		kind: prepared.reader.kind,
		extensionCount: 0,
		diagnostics: [
			createDiagnostic(
				unreadInputRule,
				{
					messageId: 'internalError',
					severity: 'error',
					data: { detail },
					at: { source, start: 0, end: Math.min(1, source.raw.length) },
				},
				lang
			),
		],
		unreadable: [],
		unreadSettings: 0,
	};
}

function finish(
	prepared: Prepared,
	options: CheckOptions,
	grammar: GrammarAccess | undefined
): CheckResult {
	try {
		return readAndRun(prepared, options, grammar);
	} catch (error) {
		return failed(prepared, options.lang ?? 'en', error);
	}
}

/** One reading pass and the rules over it, under an assumed branch of conditionals (or none). */
function readPass(
	prepared: Prepared,
	options: CheckOptions,
	grammar: GrammarAccess | undefined,
	assume?: BranchAssumption
): { read: ReadResult; env: ReadEnv; diagnostics: Diagnostic[] } {
	const lang = options.lang ?? 'en';
	const { read, env, findings } = readInput(prepared, options, grammar, lang, assume);
	const diagnostics = relateModuleFindings(
		runRules({
			source: prepared.source,
			read,
			fixPolicy: prepared.reader.fixPolicy,
			budget: env.budget,
			readerFindings: findings,
			rules: options.rules ?? defaultRules,
			lang,
		}),
		read.modules,
		lang
	);
	return { read, env, diagnostics };
}

function readAndRun(
	prepared: Prepared,
	options: CheckOptions,
	given: GrammarAccess | undefined
): CheckResult {
	const lang = options.lang ?? 'en';
	// The passes of per-branch checking read the same texts: each is parsed once per check.
	const grammar = given && { ...given, parser: parseOnce(given.parser) };
	const { read, env, diagnostics: found } = readPass(prepared, options, grammar);
	const { source } = prepared;
	const extensions = read.document?.extensions ?? [];
	const branched =
		extensions.length > 0
			? onBranches(
					found,
					branchSubjects(env.budget.branches.points, extensions),
					(assume) => readPass(prepared, options, grammar, assume),
					lang
				)
			: [];
	const diagnostics = settlePlaceholders(
		[...found, ...branched],
		// A text kvcert does not read (an e-mail, HTML) has no sample placeholders to name, nor has a
		// Bicep or Terraform file without a Key Vault extension: its `<…>` are not the extension's.
		read.foreign || (prepared.reader.grammar !== undefined && extensions.length === 0)
			? { placeholders: [], masked: undefined }
			: prepared.placeholders,
		source,
		source.raw,
		lang
	).sort(compareDiagnostics(source.path));
	return {
		file: prepared.source.path,
		kind: read.kind,
		extensionCount: extensions.length,
		diagnostics,
		unreadable: read.unreadable,
		unreadSettings: extensions.filter((e) => e.unread || e.settingsUnknown).length,
		...(read.foreign ? { unrecognised: true } : {}),
	};
}

/**
 * The conditions whose branches are tried: those written inside an extension or its machine
 * first (they decide what the extension gets), then the others, at most `maxBranchSubjects`.
 */
function branchSubjects(
	points: ReadonlyMap<string, BranchPoint>,
	extensions: readonly ExtensionSite[]
): BranchPoint[] {
	const spanOf = (at: Located | undefined) =>
		at
			? [{ source: at.doc.source, start: at.node.offset, end: at.node.offset + at.node.length }]
			: [];
	const within = (spans: ReturnType<typeof spanOf>) => (p: BranchPoint) =>
		p.places.some((at) =>
			spans.some((s) => s.source === at.source && s.start <= at.start && at.end <= s.end)
		);
	const inExtension = within(extensions.flatMap((e) => spanOf(e.resource?.at ?? e.properties)));
	const onHost = within(extensions.flatMap((e) => spanOf(e.host?.resource.at)));
	const all = [...points.values()];
	const ranked = [
		...all.filter(inExtension),
		...all.filter((p) => !inExtension(p) && onHost(p)),
		...all.filter((p) => !inExtension(p) && !onHost(p)),
	];
	return ranked.slice(0, maxBranchSubjects);
}

/**
 * The findings that hold on some branches of unknown conditions only, each saying on which
 * ("… when OS is 'Linux'"); a finding on every branch of a condition is said without one.
 */
function onBranches(
	found: readonly Diagnostic[],
	subjects: readonly BranchPoint[],
	pass: (assume: BranchAssumption) => { diagnostics: Diagnostic[] },
	lang: Lang
): Diagnostic[] {
	const key = (d: Diagnostic) =>
		`${d.ruleId}|${d.file}|${d.range.start.offset}|${d.range.end.offset}|${d.message}`;
	const known = new Set(found.map(key));
	const added: Diagnostic[] = [];
	for (const point of subjects) {
		const assumptions = assumptionsFor(point);
		const seen = new Map<string, { diagnostic: Diagnostic; on: BranchAssumption[] }>();
		for (const assume of assumptions)
			for (const diagnostic of pass(assume).diagnostics) {
				const k = key(diagnostic);
				if (known.has(k)) continue;
				const entry = seen.get(k) ?? { diagnostic, on: [] };
				entry.on.push(assume);
				seen.set(k, entry);
			}
		for (const [k, { diagnostic, on }] of seen) {
			known.add(k);
			added.push(
				on.length === assumptions.length
					? diagnostic
					: {
							...diagnostic,
							message: onBranch(
								diagnostic.message,
								on.map((a) => branchWords(a, lang)),
								lang
							),
						}
			);
		}
	}
	return added;
}

/** The grammar and the Bicep/Terraform reader code a reader needs, loaded once per loader. */
async function loadGrammar(
	reader: InputReader,
	loader: GrammarLoader | undefined
): Promise<GrammarAccess | undefined> {
	if (!reader.grammar || !loader) return undefined;
	const [parser, readers] = await Promise.all([
		grammarParser(loader, reader.grammar),
		import('../input/iac-readers.ts'),
	]);
	return { parser, readers };
}

/**
 * Checks one input and returns positioned findings. Reads ARM templates (with a parameters file),
 * single resources, bare or pasted settings, az CLI and Azure PowerShell commands, Bicep (with a
 * `.bicepparam` file) and Terraform (HCL or JSON); the kind is detected from the path and the text
 * unless `options.kind` says it. Never throws on bad input: what cannot be read is reported at its
 * place. Rejects only when `options.grammars` does (a grammar that cannot be fetched), so that the
 * host can say so. Bicep and Terraform grammars are loaded on the first such input only.
 */
export async function check(text: string, options: CheckOptions = {}): Promise<CheckResult> {
	const prepared = prepare(text, options);
	const grammar = await loadGrammar(prepared.reader, options.grammars);
	// The one place the user's decisions (rule levels, inline suppressions) apply, after the rules.
	return withCheckPolicy(text, options, (checked) => finish(prepared, checked, grammar));
}

/**
 * `check` without waiting: for callers that cannot await (build-time rendering, tests). Bicep and
 * Terraform are read only with grammars already prepared (`prepareGrammars`); otherwise they are
 * reported as not read.
 */
export function checkSync(
	text: string,
	options: Omit<CheckOptions, 'grammars'> & { prepared?: PreparedGrammars } = {}
): CheckResult {
	const prepared = prepare(text, options);
	const grammar = prepared.reader.grammar ? options.prepared?.[prepared.reader.grammar] : undefined;
	return withCheckPolicy(text, options, (checked) => finish(prepared, checked, grammar));
}

/** Loads both grammars for `checkSync` (tests and scripts that check many files synchronously). */
export async function prepareGrammars(loader: GrammarLoader): Promise<PreparedGrammars> {
	const readers = await import('../input/iac-readers.ts');
	const [bicep, terraform] = await Promise.all([
		grammarParser(loader, 'bicep'),
		grammarParser(loader, 'terraform'),
	]);
	return { bicep: { parser: bicep, readers }, terraform: { parser: terraform, readers } };
}

/**
 * The Key Vault VM extensions found in an input, without running any rule (the simulator reads
 * them through `readExtensionConfigs`). JSON and commands only: no grammar is loaded here.
 */
export function findExtensionsInText(text: string, options: CheckOptions = {}): ExtensionSite[] {
	const prepared = prepare(text, options);
	const lang = options.lang ?? 'en';
	return readInput(prepared, options, undefined, lang).read.document?.extensions ?? [];
}
