import type { CheckResult } from '../engine/check.ts';
import { checkMessages } from '../messages.ts';
import type { SuppressedDiagnostic } from '../suppressions.ts';
import { severityRank, type Diagnostic, type Lang, type Severity } from '../types.ts';

/**
 * JUnit XML, as Azure Pipelines' PublishTestResults, GitLab and Jenkins read it: one test suite per
 * checked file, one test case per finding (named after its rule and place). Findings at or above
 * `failOn` are failures; findings below it pass with their text as output; suppressed ones are
 * skipped with their reason. A file without findings is one passing case.
 */

/** Options of the JUnit formatter. */
export interface JunitOptions {
	lang: Lang;
	/** The lowest severity that fails the run (`--fail-on`). */
	failOn: Severity;
}

/** XML 1.0 text: markup characters escaped, characters XML cannot carry dropped. */
function xml(text: string): string {
	return text
		.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;');
}

function place(d: Diagnostic): string {
	return `${d.file}:${d.range.start.line}:${d.range.start.column}`;
}

function testCase(
	d: Diagnostic | SuppressedDiagnostic,
	file: string,
	options: JunitOptions
): string {
	const name = `${d.ruleId} ${d.ruleName} (${place(d)})`;
	const head = `    <testcase classname="${xml(file)}" name="${xml(name)}" file="${xml(d.file)}" line="${d.range.start.line}">`;
	const detail = `${checkMessages[d.severity][options.lang]}[${d.ruleId}] ${place(d)}: ${d.message}`;
	if ('suppression' in d)
		return `${head}\n      <skipped message="${xml(d.suppression.justification || checkMessages.noReason[options.lang])}"/>\n    </testcase>`;
	if (severityRank[d.severity] >= severityRank[options.failOn])
		return `${head}\n      <failure type="${d.severity}" message="${xml(d.message)}">${xml(detail)}</failure>\n    </testcase>`;
	return `${head}\n      <system-out>${xml(detail)}</system-out>\n    </testcase>`;
}

/** Formats results as a JUnit XML report. */
export function formatJunit(results: CheckResult[], options: JunitOptions): string {
	const threshold = severityRank[options.failOn];
	let tests = 0;
	let failures = 0;
	let skipped = 0;
	const suites = results.map((r) => {
		const cases = [...r.diagnostics, ...(r.suppressed ?? [])];
		const fails = r.diagnostics.filter((d) => severityRank[d.severity] >= threshold).length;
		const skips = r.suppressed?.length ?? 0;
		const body =
			cases.length > 0
				? cases.map((d) => testCase(d, r.file, options)).join('\n')
				: `    <testcase classname="${xml(r.file)}" name="${xml(`kvcert check ${r.file}`)}" file="${xml(r.file)}"/>`;
		const count = Math.max(1, cases.length);
		tests += count;
		failures += fails;
		skipped += skips;
		return `  <testsuite name="${xml(r.file)}" tests="${count}" failures="${fails}" errors="0" skipped="${skips}">\n${body}\n  </testsuite>`;
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<testsuites name="kvcert check" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}">`,
		...suites,
		'</testsuites>',
		'',
	].join('\n');
}
