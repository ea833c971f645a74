import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
	applyBaseline,
	buildBaseline,
	fingerprintDiagnostics,
	parseBaseline,
} from '../../core/check/index.ts';
import type { CheckResult } from '../../core/check/index.ts';
import type { Lang } from '../../core/check/index.ts';
import { format as fillMessage } from '../../core/i18n/format.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { describeInputError, InputError, readInputFile } from '../read-input.ts';
import { makeFolder } from '../make-folder.ts';
import type { Workspace } from '../workspace.ts';
import { cliMessages } from './check-messages.ts';
import { defaultBaselineFile, type CheckOptions } from './check-options.ts';
import { rootPathOf } from './check-report.ts';
import type { CheckRun } from './check-run.ts';

/** Baseline files are small: refuse anything larger. */
const maxBaselineBytes = 16 * 1024 * 1024;

/**
 * `--baseline <file>`: findings the file holds become known (they stay in the reports, marked, and
 * do not fail the run). `--update-baseline` first writes the file with every current finding.
 */
export function applyBaselineFile(
	run: CheckRun,
	context: { options: CheckOptions; workspace: Workspace; lang: Lang }
): { results: CheckResult[]; used: boolean; note?: string } | { error: string } {
	const { options, workspace, lang } = context;
	if (!options.baseline && !options.updateBaseline) return { results: run.results, used: false };
	const file = options.baseline ?? defaultBaselineFile;
	const target = resolve(workspace.cwd, file);
	const all = run.results.flatMap((r) => r.diagnostics);
	const pathOf = (shown: string) => rootPathOf(shown, workspace);
	const fingerprints = fingerprintDiagnostics(all, (shown) => run.texts.get(shown), pathOf);
	let baseline;
	let note: string | undefined;
	if (options.updateBaseline) {
		baseline = buildBaseline(all, fingerprints, pathOf);
		try {
			makeFolder(dirname(target));
			writeFileSync(target, `${JSON.stringify(baseline, null, 2)}\n`);
		} catch (error) {
			return {
				error: escapeControlCharacters(
					fillMessage(cliMessages.unwritable[lang], {
						path: file,
						reason: (error as NodeJS.ErrnoException).code ?? 'error',
					})
				),
			};
		}
		note = escapeControlCharacters(
			fillMessage(cliMessages.baselineWritten[lang], { count: all.length, file })
		);
	} else {
		let text: string;
		try {
			text = readInputFile(target, maxBaselineBytes, file).toString('utf8');
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			return { error: escapeControlCharacters(describeInputError(error, lang, 'kvcert check')) };
		}
		const parsed = parseBaseline(text, lang);
		if ('error' in parsed)
			return { error: escapeControlCharacters(`kvcert check: ${file}: ${parsed.error}`) };
		baseline = parsed.baseline;
	}
	const results = run.results.map((r) => {
		const { diagnostics, known } = applyBaseline(r.diagnostics, baseline, fingerprints, file);
		return known.length > 0
			? { ...r, diagnostics, suppressed: [...(r.suppressed ?? []), ...known] }
			: r;
	});
	return { results, used: true, ...(note ? { note } : {}) };
}
