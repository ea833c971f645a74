import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { GrammarLoader, GrammarName } from '../core/check/input/tree-sitter.ts';

/** Package-relative paths of the WebAssembly files (resolved from node_modules). */
const packagePaths: Record<GrammarName, string> = {
	runtime: 'web-tree-sitter/tree-sitter.wasm',
	bicep: 'tree-sitter-bicep/tree-sitter-bicep.wasm',
	terraform: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
};

/**
 * Where the CLI finds a grammar's WebAssembly file. The one place to adapt when the CLI is bundled
 * (e.g. copy the three files beside the bundle and resolve them from `import.meta.url`).
 */
export function grammarPath(name: GrammarName): string {
	return createRequire(import.meta.url).resolve(packagePaths[name]);
}

/** Loads the tree-sitter runtime and grammars from disk, for `checkTextAsync`. */
export const fileGrammars: GrammarLoader = {
	async load(name) {
		return new Uint8Array(await readFile(grammarPath(name)));
	},
};
