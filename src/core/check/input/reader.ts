import type { JsonDocument } from '../json.ts';
import type { CheckedDocument } from '../model.ts';
import type { ReportDescriptor, Rule } from '../rule.ts';
import type { EvaluationSession } from '../scope.ts';
import type { SourceText } from '../source.ts';
import type { InputKind, Lang, Range } from '../types.ts';
import type { ReadFile } from './command.ts';
import type { ModuleReading, ReadModule } from './local-modules.ts';
import type { PastedForm } from './pasted.ts';
import type { ForeignKind } from './recognise.ts';
import type { LanguageParser } from './tree-sitter.ts';

/**
 * Which edits of a rule's fix stay right in this kind of input. Fixes are written for ARM JSON:
 * `json` keeps them all; `quoted-shell` (JSON inside a quoted shell argument) drops an edit of the
 * script that adds quotes, escapes or `$`; `plain-text` (Bicep, HCL) keeps only edits without
 * quotes, escapes or brackets.
 */
export type FixPolicy = 'json' | 'plain-text' | 'quoted-shell';

/** What a reader may look at to decide whether it reads a text; the JSON parse is done once. */
export interface Probe {
	readonly text: string;
	readonly path: string | undefined;
	/** The kind the caller asked for, if any (then only the reader of that kind claims). */
	readonly kind: InputKind | undefined;
	/** The text parsed as JSON (comments and trailing commas allowed), on first use. */
	json(): JsonDocument;
}

/** The Bicep and Terraform reader code and the loaded grammar, for a reader that declares one. */
export interface GrammarAccess {
	parser: LanguageParser;
	readers: typeof import('./iac-readers.ts');
}

/**
 * What a reader gets besides the text. The budget and `notRead` are the seams later limits plug
 * into: every reader spends the same budget and says where it stopped reading.
 */
export interface ReadEnv {
	/** Language of messages (for data that is itself a text in both languages). */
	lang: Lang;
	/** A parameters file given with the input (ARM `.parameters.json`, or `.bicepparam`). */
	parameters?: { path: string; text: string };
	/** Reads a file the input names (`--settings @file`, a local module); undefined if it cannot. */
	readFile?: ReadFile;
	/** Reads the files of a local Bicep or Terraform module; without it local modules are not followed. */
	readModule?: ReadModule;
	/** Evaluation budget of this check (values, depth, work); limits reached are reported. */
	budget: EvaluationSession;
	/** The grammar, when the reader declares one and it could be loaded. */
	grammar?: GrammarAccess;
	/** Reports, at its place, something the reader found (a syntax error, a part it did not read). */
	report(rule: Rule, descriptor: ReportDescriptor): void;
}

/** A file a command refers to that could not be read. */
export interface UnreadableReference {
	path: string;
	file: string;
	range: Range;
}

/** What a reader makes of a text: the model the rules run on, and what the engine reports itself. */
export interface ReadResult {
	kind: InputKind | undefined;
	document: CheckedDocument | undefined;
	/** JSON documents read, whose syntax errors are reported (KV050). */
	jsonDocuments: JsonDocument[];
	unreadable: UnreadableReference[];
	/** The pasted form the input was read as, if it is one. */
	pasted?: { form: PastedForm; at: { source: SourceText; start: number; end: number } };
	/** What the text looks like when it is none of the kinds kvcert reads. */
	foreign?: ForeignKind;
	/** The local modules followed (their calls name the module in findings, and the reverse). */
	modules?: ModuleReading;
}

/**
 * One kind of input, in the manner of ESLint's language objects: whether it claims a text, how it
 * reads it into the shared model (positions stay in the user's text), and which fixes stay right
 * in it. Readers are tried in registry order (input/registry.ts).
 */
export interface InputReader {
	/** A name for messages and tests, e.g. `arm-template`. */
	name: string;
	/** The input kind a result of this reader has (some JSON readers decide while reading). */
	kind: InputKind | undefined;
	/** The tree-sitter grammar the reader needs; the engine loads it before `read`. */
	grammar?: 'bicep' | 'terraform';
	fixPolicy: FixPolicy;
	/** Whether this reader reads the text. */
	claims(probe: Probe): boolean;
	/** Reads the text. Never throws on bad input: what cannot be read is reported through `env`. */
	read(source: SourceText, env: ReadEnv, probe: Probe): ReadResult;
}

/** A model with no resources and no extensions. */
export function emptyDocument(doc: JsonDocument | undefined): CheckedDocument {
	return { doc, resources: [], byType: new Map(), hosts: [], extensions: [] };
}
