import type { CheckResult } from '../engine/check.ts';
import { checkMessages } from '../messages.ts';
import { format } from '../../i18n/format.ts';
import type { Diagnostic, Lang, Severity } from '../types.ts';
import { escapeControlCharacters } from '../../terminal-text.ts';

/** GitHub shows at most this many annotations of each kind per step. */
export const annotationLimit = 10;

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes workflow-command data (`%`, CR, LF); other control characters become visible stand-ins. */
export function escapeData(text: string): string {
	return escapeControlCharacters(
		text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
	);
}

/** Escapes workflow-command property values (data escapes plus `:` and `,`). */
export function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(d: Diagnostic): string {
	const { start, end } = d.range;
	const properties = [
		`file=${escapeProperty(d.file.replace(/\\/g, '/'))}`,
		`line=${start.line}`,
		`col=${start.column}`,
		`endLine=${end.line}`,
		`endColumn=${end.column}`,
		`title=${escapeProperty(`${d.ruleId} ${d.ruleName}`)}`,
	];
	return `::${commands[d.severity]} ${properties.join(',')}::${escapeData(d.message)}`;
}

/** A table cell of the step summary: as text, never markup (a file name may hold `<img …>`). */
function markdownCell(text: string): string {
	return escapeControlCharacters(
		text
			.replace(/&/g, '&amp;')
			.replace(/</g, '&lt;')
			.replace(/>/g, '&gt;')
			.replace(/\|/g, '\\|')
			.replace(/\r?\n/g, ' ')
	);
}

/**
 * Formats results as GitHub Actions annotations, at most 10 per kind (GitHub's per-step limit;
 * `errorLimit` keeps slots for the caller's own). The Markdown summary lists every finding, for
 * `$GITHUB_STEP_SUMMARY`.
 */
export function formatGithub(
	results: CheckResult[],
	lang: Lang,
	hasSummary: boolean,
	errorLimit = annotationLimit
): { annotations: string; summary: string } {
	const all = results.flatMap((r) => r.diagnostics);
	const shown: Diagnostic[] = [];
	const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
	const limits: Record<Severity, number> = {
		error: Math.min(errorLimit, annotationLimit),
		warning: annotationLimit,
		info: annotationLimit,
	};
	for (const d of all) if (counts[d.severity]++ < limits[d.severity]) shown.push(d);
	const lines = shown.map(annotation);
	const rest = all.length - shown.length;
	// A plain log line, not a workflow command: a `::warning` here would be the eleventh annotation
	// of its kind, which GitHub drops.
	if (rest > 0)
		lines.push(
			`kvcert: ${escapeControlCharacters(format((hasSummary ? checkMessages.truncated : checkMessages.truncatedNoSummary)[lang], { count: rest }))}`
		);
	const summary = [
		'## kvcert check',
		'',
		'| | rule | file | line | message |',
		'|---|---|---|---|---|',
		...all.map(
			(d) =>
				`| ${checkMessages[d.severity][lang]} | ${d.ruleId} | ${markdownCell(d.file)} | ${d.range.start.line}:${d.range.start.column} | ${markdownCell(d.message)} |`
		),
		'',
	].join('\n');
	return { annotations: lines.length > 0 ? `${lines.join('\n')}\n` : '', summary };
}
