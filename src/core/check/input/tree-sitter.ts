import type { Node as SyntaxNode, Parser as TreeSitterParser, Tree } from 'web-tree-sitter';

export type { SyntaxNode, Tree };

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
	parse(text: string): Tree | undefined;
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
	return {
		parse(text) {
			return parser.parse(text) ?? undefined;
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
