/**
 * Limits that keep a check linear in the size of its input, whatever the input is (documented on
 * the KV051 rule page). Anything over a limit is treated as unknown and reported, never guessed.
 */
export const limits = {
	/** Deepest JSON nesting read; deeper input is not checked (real templates stay far below). */
	jsonDepth: 1000,
	/**
	 * Deepest evaluation: each variable or parameter followed and each call inside another counts
	 * one level (a chain of variables costs about three per variable).
	 */
	evaluationDepth: 512,
	/** Largest evaluated string value, in characters plus unknown parts. */
	valueSize: 65_536,
	/** Most pieces (literal texts and unknown parts) in one evaluated string value. */
	valueParts: 1024,
	/** Evaluation steps allowed per input character (plus a fixed base), so work stays linear. */
	workPerCharacter: 16,
	workBase: 200_000,
	/** Largest Bicep or HCL text given to the tree-sitter grammar; a larger file is not read. */
	grammarInputSize: 2_000_000,
	/**
	 * Characters tree-sitter may read per input character (plus a fixed base): its lexer reads again
	 * what it looks ahead over. Real Bicep and HCL files read each character at most 3 times; an
	 * unclosed comment or interpolation makes tree-sitter-bicep re-read the rest of the file at each.
	 */
	parseReadsPerCharacter: 16,
	parseReadsBase: 262_144,
} as const;
