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
	 * what it looks ahead over. tree-sitter-bicep 1.1.0 re-reads the rest of the file at each string
	 * interpolation and conditional, so real Bicep is quadratic too: AzureDeploymentFramework's
	 * VM-VM.bicep (38 KB, tests/fixtures/real-world/JUDGEMENTS.md) reads 6.6 million characters
	 * (173 per character), VMSS-VM.bicep (32 KB) 3.1 million. The base lets such files be read
	 * (about 0.2 s); an unclosed comment or interpolation run (thousands per character) still stops
	 * within about a second, and a 2 MB one within a few.
	 */
	parseReadsPerCharacter: 32,
	parseReadsBase: 32 * 1024 * 1024,
} as const;
