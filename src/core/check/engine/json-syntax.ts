import { printParseErrorCode } from 'jsonc-parser';
import type { JsonDocument } from '../json.ts';
import { closedEarlySentence, parseErrorSentence } from '../json-parse-errors.ts';
import { limits } from '../limits.ts';
import { createDiagnostic } from '../report.ts';
import { jsonSyntaxRule } from '../rules/kv050-json-syntax.ts';
import { unreadInputRule } from '../rules/kv051-unread-input.ts';
import { positionAt } from '../source.ts';
import type { Diagnostic, Lang } from '../types.ts';

/** Parse errors of a bracket left open at the end of the text. */
const closingCodes = new Set(['CloseBraceExpected', 'CloseBracketExpected', 'EndOfFileExpected']);

/**
 * Where the whole JSON closed, when text follows it (`EndOfFileExpected` at `offset`): the bracket
 * just before, which is the one too many, or the place an opening one is missing.
 */
function closedEarly(text: string, offset: number): number | undefined {
	let at = offset - 1;
	while (at >= 0 && /\s/.test(text[at]!)) at--;
	return text[at] === '}' || text[at] === ']' ? at : undefined;
}

/** Syntax errors further apart than this many lines are told as independent mistakes. */
const independentLines = 3;

/**
 * Syntax findings of one document: the first error, plus one per later error that is not a
 * consequence of the one before (errors on nearby lines are one mistake), plus one info finding
 * per string broken over several lines.
 */
export function syntaxDiagnostics(doc: JsonDocument, lang: Lang): Diagnostic[] {
	const result: Diagnostic[] = [];
	const anchor = (start: number, end: number) => ({
		source: doc.source,
		start: doc.toRaw(start),
		end: doc.toRaw(end),
	});
	if (doc.tooDeep !== undefined) {
		result.push(
			createDiagnostic(
				unreadInputRule,
				{
					messageId: 'tooDeep',
					// Refused whole: nothing of the input was checked, so the default gate fails.
					severity: 'error',
					data: { limit: limits.jsonDepth.toLocaleString('en') },
					at: anchor(doc.tooDeep, doc.tooDeep + 1),
				},
				lang
			)
		);
		return result;
	}
	const groups: Array<{ first: (typeof doc.errors)[number]; count: number; line: number }> = [];
	const end = doc.text.trimEnd().length;
	for (const error of doc.errors) {
		// A bracket left open at the end of the text follows from an earlier mistake (an unclosed
		// string swallowed its closing bracket).
		if (
			groups[0] &&
			error.offset >= end - 1 &&
			closingCodes.has(printParseErrorCode(error.error))
		) {
			groups[0].count++;
			continue;
		}
		const line = positionAt(doc.source, doc.toRaw(error.offset)).line;
		const last = groups[groups.length - 1];
		if (last && line - last.line <= independentLines) {
			last.count++;
			last.line = line;
		} else groups.push({ first: error, count: 1, line });
	}
	for (const { first, count } of groups) {
		const code = printParseErrorCode(first.error);
		const closedAt = code === 'EndOfFileExpected' ? closedEarly(doc.text, first.offset) : undefined;
		result.push(
			createDiagnostic(
				jsonSyntaxRule,
				{
					messageId: count > 1 ? 'more' : 'syntax',
					data: { code, count: count - 1 },
					phrases: {
						problem:
							closedAt === undefined
								? parseErrorSentence(code)
								: closedEarlySentence(doc.text[closedAt] as '}' | ']'),
					},
					at:
						closedAt === undefined
							? anchor(first.offset, first.offset + first.length)
							: anchor(closedAt, closedAt + 1),
				},
				lang
			)
		);
	}
	for (const offset of doc.multilineStrings) {
		const start = doc.toRaw(offset);
		let end = offset + 1;
		while (end < doc.text.length && doc.text[end] !== '"') end += doc.text[end] === '\\' ? 2 : 1;
		result.push(
			createDiagnostic(
				jsonSyntaxRule,
				{
					messageId: 'multilineString',
					severity: 'info',
					at: { source: doc.source, start, end: doc.toRaw(Math.min(end + 1, doc.text.length)) },
				},
				lang
			)
		);
	}
	return result;
}
