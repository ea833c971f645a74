import type { Language, Parser as TreeSitterParser, Tree } from 'web-tree-sitter';
import { limits } from '../limits.ts';
import { openDepthPast } from './grammar-depth.ts';
import { useRuntimeBinding, walkTree } from './tree-walker.ts';

/**
 * Thrown by `LanguageParser.parse` when a text is over the grammar's size, work or nesting budget
 * (limits.ts), or when the WebAssembly runtime ran out of memory while parsing it: the reader
 * reports the file as not read from `offset` on, never as "no problems".
 */
export class GrammarLimitReached extends Error {
	constructor(
		/** Offset in the file where reading stopped. */
		readonly offset: number,
		readonly limit: 'size' | 'work' | 'memory' | 'depth'
	) {
		super(`tree-sitter ${limit} limit reached at ${offset}`);
		this.name = 'GrammarLimitReached';
	}
}

/** Characters handed to tree-sitter at a time (its lexer asks again for what it reads again). */
const parseChunk = 1024;

/**
 * The size of `text` as the grammar's limits count it: its length, except that a comment line
 * (`//` or `#` first on the line) counts `limits.grammarCommentLine` characters whatever its
 * length. A comment, however long, is one token that the lexer crosses once, so a long one must
 * not put a template over the limit (rv24b item 3); but each line is a node of the tree, so short
 * ones must not be free either (rv24c item 1: 10 million `//` lines took 2.2 GB). (A line inside a
 * multi-line string that looks like a comment is one token too.) Stops counting past the limit.
 */
export function grammarMeasure(text: string): number {
	const limit = limits.grammarInputSize;
	let measure = 0;
	for (let start = 0; start < text.length && measure <= limit;) {
		const newline = text.indexOf('\n', start);
		const end = newline === -1 ? text.length : newline + 1;
		let first = start;
		while (first < end && (text.charCodeAt(first) === 32 || text.charCodeAt(first) === 9)) first++;
		const code = text.charCodeAt(first);
		const comment = code === 35 || (code === 47 && text.charCodeAt(first + 1) === 47);
		measure += comment ? limits.grammarCommentLine : end - start;
		start = end;
	}
	return measure;
}

/**
 * Whether `error` is the WebAssembly runtime giving up (Emscripten's `abort()`, for one when its
 * memory cannot grow): the runtime cannot be used again.
 */
function isRuntimeAbort(error: unknown): boolean {
	return typeof WebAssembly !== 'undefined' && error instanceof WebAssembly.RuntimeError;
}

/** The part of web-tree-sitter's parser that the budget drives. */
export type BudgetedParser = Pick<TreeSitterParser, 'parse' | 'reset'>;

/**
 * Parses within the budget: at most `grammarInputSize` characters as `grammarMeasure` counts them;
 * the characters tree-sitter reads (it reads again what its lexer looks ahead over) at most
 * `parseReadsPerCharacter` times that measure, plus a base — so at most
 * `parseReadsBase + parseReadsPerCharacter × grammarInputSize` whatever the file; and at most
 * `parseChecks` progress checks, which bounds the size of the tree; and, given the `language`, at
 * most `grammarOpenDepth` nested brackets (grammar-depth.ts). tree-sitter-bicep
 * 1.1.0 re-reads the rest of the file at each unclosed `/*` or `${`, which made 40 KB take 18 s.
 * Counted, not timed, so that an answer never depends on the machine. A runtime abort (out of
 * memory) is reported where the parser was reading, and `onAbort` drops the dead runtime.
 */
export function parseWithinBudget(
	parser: BudgetedParser,
	text: string,
	offset: number,
	onAbort: () => void = () => {},
	language?: 'bicep' | 'terraform'
): Tree | null {
	const measure = grammarMeasure(text);
	if (measure > limits.grammarInputSize) throw new GrammarLimitReached(offset, 'size');
	const deep = language && openDepthPast(text, language);
	if (deep !== undefined) throw new GrammarLimitReached(offset + deep, 'depth');
	let reads = limits.parseReadsBase + limits.parseReadsPerCharacter * measure;
	let stoppedAt: number | undefined;
	let readingAt = 0;
	let checks = 0;
	let tree: Tree | null;
	try {
		tree = parser.parse(
			(index) => {
				if (stoppedAt !== undefined) return '';
				readingAt = index;
				const chunk = text.slice(index, index + parseChunk);
				if ((reads -= chunk.length) >= 0) return chunk;
				stoppedAt = Math.min(index, text.length);
				return '';
			},
			null,
			// Once over the budget, the parse is cancelled rather than finished on a cut text.
			{
				progressCallback: () => {
					if (++checks > limits.parseChecks) stoppedAt ??= Math.min(readingAt, text.length);
					return stoppedAt !== undefined;
				},
			}
		);
	} catch (error) {
		if (!isRuntimeAbort(error)) throw error;
		onAbort();
		throw new GrammarLimitReached(offset + Math.min(readingAt, text.length), 'memory');
	}
	if (stoppedAt !== undefined) {
		tree?.delete();
		// A cancelled parse resumes on the next call unless the parser is reset.
		parser.reset();
		throw new GrammarLimitReached(offset + stoppedAt, 'work');
	}
	return tree;
}

/**
 * A node of a parsed file. Bicep and HCL trees are views over a flat copy of the WebAssembly tree
 * (`FlatTree`); Terraform JSON builds its nodes directly (`BuiltNode`).
 */
export interface SyntaxNode {
	readonly type: string;
	readonly startIndex: number;
	readonly endIndex: number;
	/** Whether this is a named node (not a keyword kept for its meaning, such as `existing`). */
	readonly isNamed: boolean;
	/** Whether tree-sitter inserted this token to recover from an error (it is empty). */
	readonly isMissing: boolean;
	/** Whether tree-sitter could not parse this part. */
	readonly isError: boolean;
	/** Whether this node or one below it is an error or a missing token. */
	readonly hasError: boolean;
	/** The text of the node. */
	readonly text: string;
	/** Named children and the anonymous ones that matter (keywords such as `existing`, missing tokens). */
	readonly children: readonly SyntaxNode[];
	/** The named children. */
	readonly namedChildren: readonly SyntaxNode[];
}

/** A node built directly (Terraform JSON read in the shapes of the HCL grammar). */
export class BuiltNode implements SyntaxNode {
	readonly children: SyntaxNode[] = [];
	readonly isNamed = true;
	readonly isMissing = false;
	readonly isError = false;
	readonly hasError = false;

	constructor(
		readonly type: string,
		readonly startIndex: number,
		readonly endIndex: number,
		private readonly source: string
	) {}

	get text(): string {
		return this.source.slice(this.startIndex, this.endIndex);
	}

	get namedChildren(): SyntaxNode[] {
		return this.children;
	}
}

const flagNamed = 1;
const flagMissing = 2;
const flagError = 4;

/**
 * A parsed file copied out of WebAssembly memory into typed arrays, in document order: no object
 * per node, so a large file costs the garbage collector nothing. Nodes are views made on demand.
 */
class FlatTree {
	count = 0;
	types: Uint16Array;
	starts: Int32Array;
	ends: Int32Array;
	flags: Uint8Array;
	firstChild: Int32Array;
	nextSibling: Int32Array;

	constructor(
		readonly table: TypeTable,
		readonly source: string,
		capacity: number
	) {
		this.types = new Uint16Array(capacity);
		this.starts = new Int32Array(capacity);
		this.ends = new Int32Array(capacity);
		this.flags = new Uint8Array(capacity);
		this.firstChild = new Int32Array(capacity).fill(-1);
		this.nextSibling = new Int32Array(capacity).fill(-1);
	}

	/** Appends a node; returns its index. */
	add(type: number, start: number, end: number, flags: number): number {
		if (this.count === this.types.length) this.grow();
		const index = this.count++;
		this.types[index] = type;
		this.starts[index] = start;
		this.ends[index] = end;
		this.flags[index] = flags;
		return index;
	}

	private grow(): void {
		const size = this.types.length * 2;
		const grown = <T extends Uint16Array | Int32Array | Uint8Array>(array: T, fill?: number): T => {
			const next = new (array.constructor as new (n: number) => T)(size);
			if (fill !== undefined) next.fill(fill);
			next.set(array);
			return next;
		};
		this.types = grown(this.types);
		this.starts = grown(this.starts);
		this.ends = grown(this.ends);
		this.flags = grown(this.flags);
		this.firstChild = grown(this.firstChild, -1);
		this.nextSibling = grown(this.nextSibling, -1);
	}

	node(index: number): TreeNode {
		return new TreeNode(this, index);
	}
}

/** A node of a `FlatTree`. Views are cheap and made anew on each access: compare by `startIndex` and `type`, not identity. */
class TreeNode implements SyntaxNode {
	constructor(
		private readonly tree: FlatTree,
		private readonly index: number
	) {}

	get type(): string {
		return this.tree.table.names[this.tree.types[this.index]!]!;
	}

	get startIndex(): number {
		return this.tree.starts[this.index]!;
	}

	get endIndex(): number {
		return this.tree.ends[this.index]!;
	}

	get isNamed(): boolean {
		return (this.tree.flags[this.index]! & flagNamed) !== 0;
	}

	get isMissing(): boolean {
		return (this.tree.flags[this.index]! & flagMissing) !== 0;
	}

	get isError(): boolean {
		return this.tree.types[this.index] === this.tree.table.error;
	}

	get hasError(): boolean {
		return (this.tree.flags[this.index]! & flagError) !== 0;
	}

	get text(): string {
		return this.tree.source.slice(this.tree.starts[this.index], this.tree.ends[this.index]);
	}

	get children(): TreeNode[] {
		const { tree } = this;
		const result: TreeNode[] = [];
		for (let c = tree.firstChild[this.index]!; c !== -1; c = tree.nextSibling[c]!)
			result.push(new TreeNode(tree, c));
		return result;
	}

	get namedChildren(): TreeNode[] {
		const { tree } = this;
		const result: TreeNode[] = [];
		for (let c = tree.firstChild[this.index]!; c !== -1; c = tree.nextSibling[c]!)
			if ((tree.flags[c]! & flagNamed) !== 0) result.push(new TreeNode(tree, c));
		return result;
	}
}

/** What a grammar's node type ids stand for, read once per language. */
interface TypeTable {
	names: string[];
	/** 1: named, 2: anonymous but kept (a keyword), 0: skipped (punctuation, delimiters). */
	keep: Uint8Array;
	/** The id nodes that tree-sitter could not parse get here (`ERROR`). */
	error: number;
	/** 1 for types that never have children: their children are not asked for. */
	leaf: Uint8Array;
}

/**
 * Named node types that are tokens in tree-sitter-bicep 1.1.0 and tree-sitter-hcl 1.2.0
 * (grammar.json: a pattern, or an alias of one), so a cursor never finds children below them.
 */
const tokens = new Set([
	'identifier',
	'property_identifier',
	'string_content',
	'escape_sequence',
	'comment',
	'number',
	'numeric_lit',
]);

/** Named tokens of the HCL grammar that are mere delimiters. */
const delimiters = new Set([
	'quoted_template_start',
	'quoted_template_end',
	'block_start',
	'block_end',
	'object_start',
	'object_end',
	'tuple_start',
	'tuple_end',
]);

function typeTable(language: Language): TypeTable {
	const count = language.nodeTypeCount;
	const names: string[] = [];
	const keep = new Uint8Array(count + 2);
	const leaf = new Uint8Array(count + 2);
	for (let id = 0; id <= count; id++) {
		const name = language.nodeTypeForId(id) ?? '';
		names.push(name);
		keep[id] = delimiters.has(name)
			? 0
			: language.nodeTypeIsNamed(id)
				? 1
				: /^[a-z]/.test(name)
					? 2
					: 0;
		// Anonymous nodes are tokens (neither grammar aliases a rule to an anonymous name).
		leaf[id] = !language.nodeTypeIsNamed(id) || tokens.has(name) ? 1 : 0;
	}
	// tree-sitter's error symbol is 65535; it is stored as the id after the grammar's own.
	names.push('ERROR');
	keep[count + 1] = 1;
	return { names, keep, error: count + 1, leaf };
}

/** The error symbol of tree-sitter (`ts_builtin_sym_error`). */
const errorSymbol = 65535;

/** Copies a WebAssembly tree into a flat tree (iteratively: nesting depth does not matter). */
function copyTree(
	tree: Tree,
	text: string,
	table: TypeTable,
	shift: number,
	sizeHint: number
): SyntaxNode {
	const flat = new FlatTree(table, text, Math.max(64, sizeHint));
	// Only a tree with errors has missing tokens: ask about each empty or skipped token only then.
	// (Asked before the walk: nothing may call into the runtime while the walker runs.)
	const mayMiss = tree.rootNode.hasError;
	const cursor = walkTree(tree);
	try {
		const rootType = cursor.typeId();
		// A root that is itself an ERROR (tree-sitter-hcl wraps a file whose end does not parse so)
		// has an error like any other.
		const root = flat.add(
			rootType === errorSymbol ? table.error : rootType,
			cursor.start() + shift,
			cursor.end() + shift,
			flagNamed | (rootType === errorSymbol ? flagError : 0)
		);
		/** Open nodes, and the last child added to each. */
		const stack: number[] = [root];
		const last: number[] = [-1];
		if (!cursor.firstChild()) return flat.node(root);
		const { keep } = table;
		for (;;) {
			const raw = cursor.typeId();
			const id = raw === errorSymbol ? table.error : raw;
			const kept = keep[id] ?? 1;
			const depth = stack.length - 1;
			let index = -1;
			const start = kept === 0 ? 0 : cursor.start();
			const end = kept === 0 ? 0 : cursor.end();
			// Missing tokens (inserted by error recovery) are empty; ask only for those.
			const missing = mayMiss && (kept === 0 || start === end) && cursor.missing();
			if (kept !== 0 || missing) {
				const error = missing || id === table.error;
				index = flat.add(
					id,
					(missing ? cursor.start() : start) + shift,
					(missing ? cursor.end() : end) + shift,
					(kept === 1 ? flagNamed : 0) | (missing ? flagMissing : 0) | (error ? flagError : 0)
				);
				const previous = last[depth]!;
				if (previous === -1) flat.firstChild[stack[depth]!] = index;
				else flat.nextSibling[previous] = index;
				last[depth] = index;
				if (error) for (const open of stack) flat.flags[open] = flat.flags[open]! | flagError;
			}
			if (table.leaf[id] !== 1 && cursor.firstChild()) {
				// Children of a skipped anonymous node go to its parent.
				if (index !== -1) {
					stack.push(index);
					last.push(-1);
				} else {
					stack.push(stack[depth]!);
					last.push(last[depth]!);
				}
				continue;
			}
			while (!cursor.nextSibling()) {
				if (!cursor.parent()) return flat.node(root);
				const closed = stack.pop()!;
				const closedLast = last.pop()!;
				if (stack.length === 0) return flat.node(root);
				// A skipped node's children were added under its parent: carry the last one back.
				if (closed === stack[stack.length - 1]) last[last.length - 1] = closedLast;
			}
		}
	} finally {
		cursor.done();
	}
}

/** The WebAssembly files the checker may need: the tree-sitter runtime and two grammars. */
export type GrammarName = 'runtime' | 'bicep' | 'terraform';

/**
 * Supplies the bytes of a WebAssembly file. The host decides where they come from: the CLI reads
 * them from node_modules (or beside its bundle), a browser fetches an asset URL. Called lazily,
 * only when Bicep or Terraform input appears, and at most once per name and loader.
 */
export interface GrammarLoader {
	load(name: GrammarName): Promise<Uint8Array>;
}

/** A parser for one language, ready to parse texts synchronously. */
export interface LanguageParser {
	/**
	 * The root of the parsed text, as plain nodes. With `placement`, `text` is a piece of a larger
	 * file: offsets are shifted by `placement.offset` and node texts read from `placement.source`.
	 */
	parse(text: string, placement?: { source: string; offset: number }): SyntaxNode | undefined;
	/** Parses without copying the tree (for measuring the parse alone). */
	parseOnly(text: string): void;
}

let parsers = new WeakMap<GrammarLoader, Map<GrammarName, Promise<LanguageParser>>>();
/** The runtime, and whether it still works (an abort ends it for every parser made on it). */
let runtime:
	Promise<{ module: typeof import('web-tree-sitter'); alive: { ok: boolean } }> | undefined;

async function initRuntime(
	loader: GrammarLoader
): Promise<{ module: typeof import('web-tree-sitter'); alive: { ok: boolean } }> {
	runtime ??= (async () => {
		// Imported on first use, so that pages and commands without Bicep or Terraform never load it.
		const module = await import('web-tree-sitter');
		const wasmBinary = await loader.load('runtime');
		// Emscripten prints "Aborted()" to stderr before throwing; the reader reports it instead.
		const options = { wasmBinary, printErr: () => {} };
		await module.Parser.init(options);
		useRuntimeBinding(options);
		return { module, alive: { ok: true } };
	})();
	try {
		return await runtime;
	} catch (error) {
		runtime = undefined;
		throw error;
	}
}

/** Forgets a runtime that aborted, and the parsers made on it: the next check starts a new one. */
function dropRuntime(alive: { ok: boolean }): void {
	if (!alive.ok) return;
	alive.ok = false;
	runtime = undefined;
	parsers = new WeakMap();
}

async function createParser(
	loader: GrammarLoader,
	name: Exclude<GrammarName, 'runtime'>
): Promise<LanguageParser> {
	const {
		module: { Parser, Language },
		alive,
	} = await initRuntime(loader);
	const language = await Language.load(await loader.load(name));
	const parser: TreeSitterParser = new Parser();
	parser.setLanguage(language);
	const table = typeTable(language);
	return {
		parse(text, placement) {
			const offset = placement?.offset ?? 0;
			// A parser whose runtime aborted (in this check) cannot read anything more.
			if (!alive.ok) throw new GrammarLimitReached(offset, 'memory');
			const tree = parseWithinBudget(parser, text, offset, () => dropRuntime(alive), name);
			if (!tree) return undefined;
			try {
				// About one kept node per 8 characters in Bicep and HCL (comment lines are bounded
				// by the size limit, so a long one does not make room for nodes it will not have).
				const hint = Math.min(text.length, limits.grammarInputSize) >> 3;
				return placement
					? copyTree(tree, placement.source, table, placement.offset, hint)
					: copyTree(tree, text, table, 0, hint);
			} finally {
				tree.delete();
			}
		},
		parseOnly(text) {
			parser.parse(text)?.delete();
		},
	};
}

/** The parser of a grammar, created once per loader (the grammar is fetched on the first call). */
export function grammarParser(
	loader: GrammarLoader,
	name: Exclude<GrammarName, 'runtime'>
): Promise<LanguageParser> {
	let byName = parsers.get(loader);
	if (!byName) parsers.set(loader, (byName = new Map()));
	let parser = byName.get(name);
	if (!parser) {
		parser = createParser(loader, name);
		byName.set(name, parser);
		parser.catch(() => byName!.delete(name));
	}
	return parser;
}

/**
 * A grammar loader that fetches each WebAssembly file from a URL — for a browser (or its Web
 * Worker), with URLs the bundler emits, e.g. in Vite:
 * `import runtime from 'web-tree-sitter/tree-sitter.wasm?url'`,
 * `import bicep from 'tree-sitter-bicep/tree-sitter-bicep.wasm?url'`,
 * `import terraform from '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm?url'`,
 * then `check(text, { grammars: urlGrammarLoader({ runtime, bicep, terraform }) })`.
 * Nothing is fetched until a Bicep or Terraform input is checked.
 */
export function urlGrammarLoader(
	urls: Record<GrammarName, string>,
	fetchFile: (
		url: string
	) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }> = (url) =>
		fetch(url)
): GrammarLoader {
	return {
		async load(name) {
			const response = await fetchFile(urls[name]);
			if (!response.ok) throw new Error(`${urls[name]}: HTTP ${response.status}`);
			return new Uint8Array(await response.arrayBuffer());
		},
	};
}
