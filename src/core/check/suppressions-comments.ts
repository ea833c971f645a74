/**
 * Comments of each input kind, found with just enough lexing to skip strings: kvcert reads its
 * suppression directives from them (suppressions.ts). One scanner, configured per syntax.
 */

/** The comment syntax of an input: JSON(C), Bicep, HCL (Terraform), shell, PowerShell. */
export type CommentSyntax = 'json' | 'bicep' | 'hcl' | 'shell' | 'powershell';

/** A comment: its offsets in the text and its body without the comment markers. */
export interface Comment {
	start: number;
	end: number;
	body: string;
}

interface Lexicon {
	/** Line comment markers. */
	line: string[];
	/** Block comment markers, [open, close]. */
	block: Array<[string, string]>;
	/** String delimiters and their escape character ('' for none; `double` for '' doubling). */
	strings: Array<{ quote: string; escape: string; close?: string }>;
	/** `#` starts a comment only at the start of a word (shell, PowerShell). */
	wordStart: boolean;
}

const lexicons: Record<CommentSyntax, Lexicon> = {
	json: {
		line: ['//'],
		block: [['/*', '*/']],
		strings: [{ quote: '"', escape: '\\' }],
		wordStart: false,
	},
	bicep: {
		line: ['//'],
		block: [['/*', '*/']],
		strings: [
			{ quote: "'''", escape: '', close: "'''" },
			{ quote: "'", escape: '\\' },
		],
		wordStart: false,
	},
	hcl: {
		line: ['#', '//'],
		block: [['/*', '*/']],
		strings: [{ quote: '"', escape: '\\' }],
		wordStart: false,
	},
	shell: {
		line: ['#'],
		block: [],
		strings: [
			{ quote: "'", escape: '' },
			{ quote: '"', escape: '\\' },
		],
		wordStart: true,
	},
	powershell: {
		line: ['#'],
		block: [['<#', '#>']],
		strings: [
			{ quote: "@'", escape: '', close: "\n'@" },
			{ quote: '@"', escape: '', close: '\n"@' },
			{ quote: "'", escape: 'double' },
			{ quote: '"', escape: '`' },
		],
		wordStart: true,
	},
};

/** The comment syntax of a file from its name, for files that are not the checked input itself. */
export function commentSyntaxOfPath(path: string): CommentSyntax {
	if (/\.(?:bicep|bicepparam)$/i.test(path)) return 'bicep';
	if (/\.tf$/i.test(path)) return 'hcl';
	if (/\.(?:ps1|psm1)$/i.test(path)) return 'powershell';
	if (/\.(?:sh|bash|zsh|azcli)$/i.test(path)) return 'shell';
	return 'json';
}

const isWordBoundary = (ch: string | undefined) => ch === undefined || /[\s;|&()]/.test(ch);

/**
 * The comments of a text. Strings are skipped so that `"//"` or `'#'` is no comment; heredocs are
 * not followed (a comment-like line inside one is taken as a comment).
 */
export function findComments(text: string, syntax: CommentSyntax): Comment[] {
	const { line, block, strings, wordStart } = lexicons[syntax];
	const comments: Comment[] = [];
	let i = 0;
	outer: while (i < text.length) {
		for (const s of strings) {
			if (!text.startsWith(s.quote, i)) continue;
			i += s.quote.length;
			const close = s.close ?? s.quote;
			while (i < text.length) {
				if (s.escape === '\\' || s.escape === '`') {
					if (text[i] === s.escape) {
						i += 2;
						continue;
					}
				} else if (s.escape === 'double' && text.startsWith(close + close, i)) {
					i += close.length * 2;
					continue;
				}
				if (text.startsWith(close, i)) {
					i += close.length;
					continue outer;
				}
				// A one-line string (JSON, HCL) ends at the line end when it is not closed.
				if (text[i] === '\n' && !s.close && syntax !== 'shell' && syntax !== 'powershell') {
					continue outer;
				}
				i++;
			}
			break outer;
		}
		for (const [open, close] of block) {
			if (!text.startsWith(open, i)) continue;
			const end = text.indexOf(close, i + open.length);
			const stop = end === -1 ? text.length : end + close.length;
			comments.push({
				start: i,
				end: stop,
				body: text.slice(i + open.length, end === -1 ? stop : end),
			});
			i = stop;
			continue outer;
		}
		for (const marker of line) {
			if (!text.startsWith(marker, i)) continue;
			if (wordStart && marker === '#' && !isWordBoundary(text[i - 1])) continue;
			const newline = text.indexOf('\n', i);
			const stop = newline === -1 ? text.length : newline;
			comments.push({
				start: i,
				end: stop,
				body: text.slice(i + marker.length, stop).replace(/\r$/, ''),
			});
			i = stop;
			continue outer;
		}
		i++;
	}
	return comments;
}
