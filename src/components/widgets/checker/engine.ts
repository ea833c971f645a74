import runtimeUrl from 'web-tree-sitter/tree-sitter.wasm?url';
import bicepUrl from 'tree-sitter-bicep/tree-sitter-bicep.wasm?url';
import terraformUrl from '@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm?url';
import type { CheckResult } from '../../../core/check/check.ts';
import { checkTextAsync } from '../../../core/check/check-async.ts';
import { urlGrammarLoader, type GrammarLoader } from '../../../core/check/input/tree-sitter.ts';
import { fixFiles } from '../../../core/check/fix.ts';
import type { Lang } from '../../../core/check/types.ts';
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
 * Checks one text with the kvcert engine (the CLI's `checkTextAsync`). The single place the widget
 * calls the engine. Rejects when a grammar cannot be fetched, so the page shows an error state.
 */
export async function checkInput(text: string, lang: Lang): Promise<CheckResult> {
	return checkTextAsync(text, { lang, path: inputPath, grammars });
}

/** The text after every certain fix, re-checking between passes as `kvcert check --fix` does. */
export async function fixAllInput(
	text: string,
	lang: Lang
): Promise<{ text: string; fixed: number }> {
	let current = text;
	let fixed = 0;
	for (let pass = 0; pass < 10; pass++) {
		const diagnostics = (await checkInput(current, lang)).diagnostics;
		// One pass of the CLI's fixer over diagnostics computed above (the fixer picks the fixes that
		// do not overlap); the loop here re-checks, so the engine call may be asynchronous.
		let calls = 0;
		const result = fixFiles(new Map([[inputPath, current]]), () =>
			calls++ === 0 ? diagnostics : []
		);
		const next = result.files.get(inputPath) ?? current;
		if (next === current) break;
		fixed += result.fixes.length;
		current = next;
	}
	return { text: current, fixed };
}
