import { createScanner, type SyntaxKind as Kind } from 'jsonc-parser';

/** jsonc-parser's token kinds (a const enum in its types, so not importable as a value here). */
const SyntaxKind = {
	CloseBraceToken: 2,
	CloseBracketToken: 4,
	CommaToken: 5,
	NullKeyword: 7,
	TrueKeyword: 8,
	FalseKeyword: 9,
	LineCommentTrivia: 12,
	BlockCommentTrivia: 13,
	EOF: 17,
} as const satisfies Record<string, Kind>;

/** What a scan of JSON text finds that strict JSON and Python literals disagree on. */
export interface TrailingCommas {
	/** Offsets of commas right before a `}` or `]` (comments and spaces between are skipped). */
	commas: number[];
	/** The first `true`, `false` or `null`, which a Python literal cannot hold; undefined if none. */
	jsonKeyword: string | undefined;
}

/**
 * Finds trailing commas, which ARM (and kvcert's parser) accept but strict JSON does not. az CLI
 * reads `--settings` with json.loads and, when that fails, with ast.literal_eval (a Python literal:
 * a trailing comma passes, `true`/`false`/`null` do not), so both facts decide what az does.
 */
export function findTrailingCommas(text: string): TrailingCommas {
	const scanner = createScanner(text, true);
	const commas: number[] = [];
	let jsonKeyword: string | undefined;
	let comma: number | undefined;
	for (let kind: number = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
		if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) continue;
		if (
			comma !== undefined &&
			(kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken)
		)
			commas.push(comma);
		comma = kind === SyntaxKind.CommaToken ? scanner.getTokenOffset() : undefined;
		if (
			jsonKeyword === undefined &&
			(kind === SyntaxKind.TrueKeyword ||
				kind === SyntaxKind.FalseKeyword ||
				kind === SyntaxKind.NullKeyword)
		)
			jsonKeyword = scanner.getTokenValue();
	}
	return { commas, jsonKeyword };
}
