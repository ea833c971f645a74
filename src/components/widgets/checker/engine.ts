import { checkText, type CheckResult } from '../../../core/check/check.ts';
import { fixFiles } from '../../../core/check/fix.ts';
import type { Lang } from '../../../core/check/types.ts';
import { inputPath } from './protocol.ts';

/**
 * Checks one text with the kvcert engine (the CLI's `checkText`). The single place the widget calls
 * the engine, so that an asynchronous engine (e.g. one that loads a parser first) can replace it.
 */
export async function checkInput(text: string, lang: Lang): Promise<CheckResult> {
	return checkText(text, { lang, path: inputPath });
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
