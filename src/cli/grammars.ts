import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { GrammarLoader, GrammarName } from '../core/check/index.ts';

/** Package-relative paths of the WebAssembly files (resolved from node_modules). */
const packagePaths: Record<GrammarName, string> = {
	runtime: 'web-tree-sitter/tree-sitter.wasm',
	bicep: 'tree-sitter-bicep/tree-sitter-bicep.wasm',
	terraform: '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
};

/**
 * Folders, relative to this module, where the bundled CLI keeps the files (scripts/build-cli.mjs
 * copies them to dist-cli/grammars/; this code runs from dist-cli/ or from dist-cli/chunks/).
 */
const bundledFolders = ['./grammars/', '../grammars/'];

async function exists(path: string): Promise<boolean> {
	try {
		await access(path);
		return true;
	} catch {
		return false;
	}
}

/**
 * Where the CLI finds a grammar's WebAssembly file: beside the bundle first (the installed package
 * has no dependencies), then node_modules (running from the sources).
 */
export async function grammarPath(name: GrammarName): Promise<string> {
	const file = packagePaths[name].split('/').at(-1) ?? '';
	for (const folder of bundledFolders) {
		const path = fileURLToPath(new URL(folder + file, import.meta.url));
		if (await exists(path)) return path;
	}
	return createRequire(import.meta.url).resolve(packagePaths[name]);
}

/** Loads the tree-sitter runtime and grammars from disk, for `check`. */
export const fileGrammars: GrammarLoader = {
	async load(name) {
		return new Uint8Array(await readFile(await grammarPath(name)));
	},
};
