import runtimeUrl from 'web-tree-sitter/tree-sitter.wasm?url';
import bicepUrl from 'tree-sitter-bicep/tree-sitter-bicep.wasm?url';
import terraformUrl from '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm?url';
import {
	check,
	fixFiles,
	urlGrammarLoader,
	type CheckResult,
	type GrammarLoader,
	type Lang,
} from '../../../core/check/index.ts';
import { grammarLoadError, inputPath } from './protocol.ts';

/**
 * The tree-sitter runtime and grammars, as files Vite emits beside the worker. Fetched on the first
 * Bicep or Terraform input only; ARM JSON, settings and commands never load them.
 */
const fetched = urlGrammarLoader({ runtime: runtimeUrl, bicep: bicepUrl, terraform: terraformUrl });

const grammars: GrammarLoader = {
	async load(name) {
		try {
			return await fetched.load(name);
		} catch (cause) {
			const error = new Error(`${name} grammar not loaded`, { cause });
			error.name = grammarLoadError;
			throw error;
		}
	},
};

/**
 * Checks one text with the kvcert engine (the CLI's `check`). The single place the widget calls
 * the engine. Rejects when a grammar cannot be fetched, so the page shows an error state.
 */
export async function checkInput(text: string, lang: Lang): Promise<CheckResult> {
	return check(text, { lang, path: inputPath, grammars });
}

/** The text after every certain fix: the fix loop of `kvcert check --fix` (core `fixFiles`). */
export async function fixAllInput(
	text: string,
	lang: Lang
): Promise<{ text: string; fixed: number }> {
	const result = await fixFiles(new Map([[inputPath, text]]), async (files) => {
		const current = files.get(inputPath) ?? text;
		return (await checkInput(current, lang)).diagnostics;
	});
	return { text: result.files.get(inputPath) ?? text, fixed: result.fixes.length };
}
