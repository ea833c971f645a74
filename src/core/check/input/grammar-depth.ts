import { limits } from '../limits.ts';

/**
 * Where the brackets of a Bicep or HCL text first nest deeper than `limits.grammarOpenDepth`
 * (`{`, `[`, `(` and `${`, outside comments and strings), or undefined. tree-sitter keeps a stack
 * entry per open bracket: 666,000 unclosed `{a:` (2 MB) took 588 MB and an HCL `{a=[` run 637 MB
 * (rv24d item 2), under the size and work budgets. Real files nest a few dozen deep. A string
 * ends at its line's end for this count, so a quote that tree-sitter reads otherwise (in a
 * heredoc) hides one line at most; an interpolation is counted as code.
 */
export function openDepthPast(text: string, language: 'bicep' | 'terraform'): number | undefined {
	const quote = language === 'bicep' ? 39 : 34;
	const hashComments = language === 'terraform';
	/** The depths at which an open interpolation returns to its string. */
	const interpolations: number[] = [];
	let depth = 0;
	let inString = false;
	for (let at = 0; at < text.length;) {
		const code = text.charCodeAt(at);
		if (inString) {
			if (code === 92) at += 2;
			else if (code === quote || code === 10) {
				inString = false;
				at++;
			} else if (code === 36 && text.charCodeAt(at + 1) === 123) {
				interpolations.push(depth);
				if (++depth > limits.grammarOpenDepth) return at;
				inString = false;
				at += 2;
			} else at++;
			continue;
		}
		if (code === quote) {
			// A Bicep multi-line string ('''…''') has no escapes and no interpolations.
			if (language === 'bicep' && text.startsWith("''", at + 1)) {
				const end = text.indexOf("'''", at + 3);
				// Never closed: tree-sitter's error recovery parses what follows as code, so it is
				// counted as code (rv24e: an unclosed ''' before a deep run took 577 MB).
				at = end === -1 ? at + 3 : end + 3;
			} else {
				inString = true;
				at++;
			}
		} else if ((hashComments && code === 35) || (code === 47 && text.charCodeAt(at + 1) === 47)) {
			const end = text.indexOf('\n', at);
			at = end === -1 ? text.length : end + 1;
		} else if (code === 47 && text.charCodeAt(at + 1) === 42) {
			const end = text.indexOf('*/', at + 2);
			// Never closed: counted as code after the opener, as for ''' above (rv24e: 579 MB).
			at = end === -1 ? at + 2 : end + 2;
		} else if (code === 123 || code === 91 || code === 40) {
			if (++depth > limits.grammarOpenDepth) return at;
			at++;
		} else if (code === 125 || code === 93 || code === 41) {
			if (code === 125 && interpolations.at(-1) === depth - 1) {
				interpolations.pop();
				inString = true;
			}
			depth = Math.max(0, depth - 1);
			at++;
		} else at++;
	}
	return undefined;
}
