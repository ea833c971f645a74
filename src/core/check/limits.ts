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
	 * What one comment line counts toward `grammarInputSize`, whatever its length: a long comment
	 * is one token, but each line is a node (at most 125,000 comment lines).
	 */
	grammarCommentLine: 16,
	/**
	 * Characters tree-sitter may read per input character (plus a fixed base): its lexer reads again
	 * what it looks ahead over. tree-sitter-bicep 1.1.0 re-reads the rest of the file at each string
	 * interpolation and conditional, so real Bicep is quadratic too: AzureDeploymentFramework's
	 * VM-VM.bicep (38 KB, tests/fixtures/real-world/JUDGEMENTS.md) reads 6.6 million characters
	 * (173 per character), VMSS-VM.bicep (32 KB) 3.1 million. The base lets such files be read
	 * (about 0.2 s); an unclosed comment or interpolation run (thousands per character) still stops
	 * within about a second, and a 2 MB one within a few. Counted on the same measure as the size
	 * limit (comment lines count `grammarCommentLine`), so at most 96 million reads per file.
	 */
	parseReadsPerCharacter: 32,
	parseReadsBase: 32 * 1024 * 1024,
	/**
	 * Most progress checks tree-sitter makes in one parse (one per 100 parser operations): this
	 * bounds the tree, which the read budget does not (2 MB of `1,` is read once but makes 4 million
	 * nodes, 5.7 s and 520 MB). Real files make one check per 90–200 characters, so a 2 MB one fits;
	 * 40,000 is about 1.5 million nodes (about 2.5 s and 300 MB with the rest of a check).
	 */
	parseChecks: 40_000,
	/**
	 * Deepest bracket nesting given to the tree-sitter grammar (grammar-depth.ts): each open
	 * bracket holds parser stack, about 0.8 KB (666,000 unclosed `{a:` took 588 MB). Real files nest
	 * a few dozen deep.
	 */
	grammarOpenDepth: 5_000,
} as const;
