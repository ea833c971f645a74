// Rules and formatters take the language types from the one translation system.
export type { Lang, Localized } from '../i18n/lang.ts';

/** How serious a finding is. Ordered: error > warning > info. */
export type Severity = 'error' | 'warning' | 'info';

/** A point in a user's file: 1-based line and column (UTF-16 code units) and the 0-based offset. */
export interface Position {
	line: number;
	column: number;
	offset: number;
}

/** A span in a user's file; `end` is exclusive (the position after the last character). */
export interface Range {
	start: Position;
	end: Position;
}

/** A secondary place that explains a finding, e.g. the parameter default a value came from. */
export interface RelatedLocation {
	file: string;
	range: Range;
	message: string;
}

/** Replace the text between two offsets of a file. */
export interface TextEdit {
	file: string;
	start: number;
	end: number;
	newText: string;
}

/** A fix that is certain to be right, as text edits. */
export interface Fix {
	description: string;
	edits: TextEdit[];
}

/** One finding of a rule, positioned in the user's own text. */
export interface Diagnostic {
	ruleId: string;
	ruleName: string;
	severity: Severity;
	messageId: string;
	data: Record<string, string>;
	/** The message rendered in the requested language. */
	message: string;
	file: string;
	range: Range;
	related: RelatedLocation[];
	fix?: Fix;
}

/** The input shapes the checker recognises. */
export type InputKind =
	| 'template'
	| 'parameters'
	| 'resource'
	| 'settings'
	| 'command'
	| 'bicep'
	| 'bicepparam'
	| 'terraform';

/** Orders severities so that thresholds can be compared. */
export const severityRank: Record<Severity, number> = { info: 1, warning: 2, error: 3 };
