import type { Language, Parser as TreeSitterParser, Tree } from 'web-tree-sitter';

/**
 * A node of a parsed file as plain data. The WebAssembly tree is copied once with a cursor and freed
 * at once: reading it node by node through web-tree-sitter allocates far more (see `npm run bench`).
 */
export class SyntaxNode {
	/** Named children and the anonymous ones that matter (keywords such as `existing`, missing tokens). */
	readonly children: SyntaxNode[] = [];
	/** Whether this node or one below it is an error or a missing token. */
	hasError = false;
	private named: SyntaxNode[] | undefined;

	constructor(
		readonly type: string,
		readonly startIndex: number,
		readonly endIndex: number,
		readonly isNamed: boolean,
		readonly isMissing: boolean,
		private readonly source: string
	) {}

	/** Whether tree-sitter could not parse this part. */
	get isError(): boolean {
		return this.type === 'ERROR';
	}

	/** The text of the node. */
	get text(): string {
		return this.source.slice(this.startIndex, this.endIndex);
	}

	/** The named children. */
	get namedChildren(): SyntaxNode[] {
		return (this.named ??= this.children.filter((c) => c.isNamed));
	}
}

/** What a grammar's node type ids stand for, read once per language. */
interface TypeTable {
	names: string[];
	/** 1: named, 2: anonymous but kept (a keyword), 0: skipped (punctuation). */
	keep: Uint8Array;
}

function typeTable(language: Language): TypeTable {
	const count = language.nodeTypeCount;
	const names: string[] = [];
	const keep = new Uint8Array(count + 1);
	for (let id = 0; id <= count; id++) {
		const name = language.nodeTypeForId(id) ?? '';
		names.push(name);
		keep[id] = language.nodeTypeIsNamed(id) ? 1 : /^[a-z]/.test(name) ? 2 : 0;
	}
	return { names, keep };
}

/** Copies a WebAssembly tree into plain nodes (iteratively: nesting depth does not matter). */
function copyTree(tree: Tree, text: string, table: TypeTable, shift = 0): SyntaxNode {
	const cursor = tree.walk();
	try {
		const root = new SyntaxNode(
			cursor.nodeType,
			cursor.startIndex + shift,
			cursor.endIndex + shift,
			true,
			false,
			text
		);
		const stack: SyntaxNode[] = [root];
		if (!cursor.gotoFirstChild()) return root;
		for (;;) {
			const id = cursor.nodeTypeId;
			const keep = table.keep[id] ?? 1;
			const parent = stack[stack.length - 1]!;
			let node: SyntaxNode | undefined;
			const start = keep === 0 ? 0 : cursor.startIndex;
			const end = keep === 0 ? 0 : cursor.endIndex;
			// Missing tokens (inserted by error recovery) are empty; ask only for those.
			const missing = (keep === 0 || start === end) && cursor.nodeIsMissing;
			if (keep !== 0 || missing) {
				const type = table.names[id] ?? cursor.nodeType;
				node = new SyntaxNode(
					type,
					(missing ? cursor.startIndex : start) + shift,
					(missing ? cursor.endIndex : end) + shift,
					keep === 1,
					missing,
					text
				);
				parent.children.push(node);
				if (missing || type === 'ERROR') {
					node.hasError = true;
					for (const n of stack) n.hasError = true;
				}
			}
			if (cursor.gotoFirstChild()) {
				// Children of a skipped anonymous node go to its parent.
				stack.push(node ?? parent);
				continue;
			}
			while (!cursor.gotoNextSibling()) {
				if (!cursor.gotoParent()) return root;
				stack.pop();
				if (stack.length === 0) return root;
			}
		}
	} finally {
		cursor.delete();
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

const parsers = new WeakMap<GrammarLoader, Map<GrammarName, Promise<LanguageParser>>>();
let runtime: Promise<typeof import('web-tree-sitter')> | undefined;

async function initRuntime(loader: GrammarLoader): Promise<typeof import('web-tree-sitter')> {
	runtime ??= (async () => {
		// Imported on first use, so that pages and commands without Bicep or Terraform never load it.
		const module = await import('web-tree-sitter');
		const wasmBinary = await loader.load('runtime');
		await module.Parser.init({ wasmBinary });
		return module;
	})();
	try {
		return await runtime;
	} catch (error) {
		runtime = undefined;
		throw error;
	}
}

async function createParser(
	loader: GrammarLoader,
	name: Exclude<GrammarName, 'runtime'>
): Promise<LanguageParser> {
	const { Parser, Language } = await initRuntime(loader);
	const language = await Language.load(await loader.load(name));
	const parser: TreeSitterParser = new Parser();
	parser.setLanguage(language);
	const table = typeTable(language);
	return {
		parse(text, placement) {
			const tree = parser.parse(text);
			if (!tree) return undefined;
			try {
				return placement
					? copyTree(tree, placement.source, table, placement.offset)
					: copyTree(tree, text, table);
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
 * then `checkTextAsync(text, { grammars: urlGrammarLoader({ runtime, bicep, terraform }) })`.
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
