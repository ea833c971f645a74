import { appendFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fingerprintDiagnostics } from '../../core/check/index.ts';
import type { CheckResult } from '../../core/check/index.ts';
import { formatGithub } from '../../core/check/index.ts';
import { formatJson } from '../../core/check/index.ts';
import { formatJunit } from '../../core/check/index.ts';
import { formatSarif } from '../../core/check/index.ts';
import { formatText } from '../../core/check/index.ts';
import type { SuppressedDiagnostic } from '../../core/check/index.ts';
import type { Diagnostic, Lang, Severity } from '../../core/check/index.ts';
import { format as fillMessage } from '../../core/i18n/format.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { colorizeText, shouldColor } from '../colors.ts';
import { makeFolder } from '../make-folder.ts';
import { kvcertVersion } from '../version.ts';
import { rootPath, type Workspace } from '../workspace.ts';
import type { SkippedFile } from './check-inputs.ts';
import { stdinPath } from './check-inputs.ts';
import { cliMessages } from './check-messages.ts';
import type { CheckFormat } from './check-options.ts';

/** What a report is made from, besides the results. */
export interface ReportContext {
	format: CheckFormat;
	lang: Lang;
	failOn: Severity;
	workspace: Workspace;
	texts: Map<string, string>;
	skipped: SkippedFile[];
	verbose: boolean;
	quiet: boolean;
	docsBase: string | undefined;
	baseline: boolean;
	/** The report goes to this file instead of standard output. */
	output: string | undefined;
	noColor: boolean;
	/** At most this many error annotations (GitHub shows 10 per step). */
	errorAnnotations?: number;
}

/** The path machine reports give a shown path: from the repository root. */
export function rootPathOf(file: string, workspace: Workspace): string {
	return file === stdinPath ? file : rootPath(resolve(workspace.cwd, file), workspace);
}

/** Every text read, by its path from the repository root. */
export function rootTexts(
	context: Pick<ReportContext, 'texts' | 'workspace'>
): Map<string, string> {
	return new Map(
		[...context.texts].map(([file, text]) => [rootPathOf(file, context.workspace), text])
	);
}

/** The results with every file named from the repository root (SARIF, annotations, JUnit). */
export function fromRepositoryRoot(results: CheckResult[], workspace: Workspace): CheckResult[] {
	// Each file's path is worked out once, not once per finding.
	const paths = new Map<string, string>();
	const path = (file: string) => {
		let moved = paths.get(file);
		if (moved === undefined) paths.set(file, (moved = rootPathOf(file, workspace)));
		return moved;
	};
	const move = <T extends Diagnostic | SuppressedDiagnostic>(d: T): T => ({
		...d,
		file: path(d.file),
		related: d.related.map((r) => ({ ...r, file: path(r.file) })),
		...(d.fix
			? { fix: { ...d.fix, edits: d.fix.edits.map((e) => ({ ...e, file: path(e.file) })) } }
			: {}),
	});
	return results.map((r) => ({
		...r,
		file: path(r.file),
		diagnostics: r.diagnostics.map(move),
		...(r.suppressed ? { suppressed: r.suppressed.map(move) } : {}),
	}));
}

/**
 * `--quiet`: errors only. The text report leaves out files without errors (so it never calls a file
 * with warnings clean); the machine formats keep every file with its errors.
 */
function errorsOnly(results: CheckResult[], format: CheckFormat): CheckResult[] {
	const filtered = results.map((r) => ({
		...r,
		diagnostics: r.diagnostics.filter((d) => d.severity === 'error'),
	}));
	return format === 'text' ? filtered.filter((r) => r.diagnostics.length > 0) : filtered;
}

/** The text report, as people read it in a terminal or a CI log. */
export function textReport(results: CheckResult[], context: ReportContext): string {
	const shown = context.quiet ? errorsOnly(results, 'text') : results;
	if (context.quiet && shown.length === 0) return '';
	return formatText(shown, {
		lang: context.lang,
		sources: context.texts,
		verbose: context.verbose,
		skipped: context.skipped,
		...(context.docsBase ? { docsBase: context.docsBase } : {}),
	});
}

/** The report in the chosen format (the GitHub step summary is written as a side effect). */
export function formatReport(results: CheckResult[], context: ReportContext): string {
	const { format, lang, workspace } = context;
	const shown = context.quiet ? errorsOnly(results, format) : results;
	if (format === 'text') {
		const text = textReport(results, context);
		return !context.output && shouldColor(context.noColor) ? colorizeText(text, lang) : text;
	}
	if (format === 'json') return formatJson(shown, lang, kvcertVersion);
	const rooted = fromRepositoryRoot(shown, workspace);
	if (format === 'junit') return formatJunit(rooted, { lang, failOn: context.failOn });
	if (format === 'sarif') {
		const texts = rootTexts(context);
		return formatSarif(rooted, {
			lang,
			toolVersion: kvcertVersion,
			rootUri: `${pathToFileURL(workspace.root).href.replace(/\/?$/, '/')}`,
			fingerprints: fingerprintDiagnostics(
				rooted.flatMap((r) => [...r.diagnostics, ...(r.suppressed ?? [])]),
				(file) => texts.get(file)
			),
			baseline: context.baseline,
			...(context.docsBase ? { docsBase: context.docsBase } : {}),
		});
	}
	const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
	const github = formatGithub(rooted, lang, Boolean(summaryFile), context.errorAnnotations);
	if (summaryFile && rooted.some((r) => r.diagnostics.length > 0))
		appendFileSync(summaryFile, github.summary);
	return github.annotations;
}

/** Writes a report to `--output` (creating its folder) or standard output; false when it cannot. */
export function writeReport(
	report: string,
	context: Pick<ReportContext, 'output' | 'lang' | 'workspace'>
): boolean {
	if (!context.output) {
		process.stdout.write(report);
		return true;
	}
	const target = resolve(context.workspace.cwd, context.output);
	try {
		makeFolder(dirname(target));
		writeFileSync(target, report);
		return true;
	} catch (error) {
		console.error(
			escapeControlCharacters(
				fillMessage(cliMessages.unwritable[context.lang], {
					path: context.output,
					reason: (error as NodeJS.ErrnoException).code ?? 'error',
				})
			)
		);
		return false;
	}
}
