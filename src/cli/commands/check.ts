import { resolve } from 'node:path';
import { severityRank, type Lang, type Severity } from '../../core/check/index.ts';
import { format as fillMessage } from '../../core/i18n/format.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import {
	ConfigFileError,
	createConfigFinder,
	loadConfigFile,
	type LoadedConfig,
} from '../config-file.ts';
import { describeInputError, InputError, maxInputBytes } from '../read-input.ts';
import { docsUrlEnv, resolveDocsBase } from '../docs-base.ts';
import { kvcertHomepage } from '../version.ts';
import { createWorkspace, shownPath } from '../workspace.ts';
import { applyBaselineFile } from './check-baseline.ts';
import { readInputs } from './check-inputs.ts';
import { cliMessages } from './check-messages.ts';
import { parseCheckOptions } from './check-options.ts';
import { formatReport, textReport, writeReport, type ReportContext } from './check-report.ts';
import { runCheck } from './check-run.ts';

/** What a caller running the check in-process (the GitHub Action) gets besides the exit code. */
export interface CheckHooks {
	/** Receives the text report, whatever the format (the Action prints it to the log). */
	text?: (report: string) => void;
	/** Receives the counts behind the exit code. */
	outcome?: (outcome: CheckOutcome) => void;
	/** At most this many error annotations with --format github (one slot kept for the Action's). */
	errorAnnotations?: number;
}

/** The counts behind an exit code of 0 or 1. */
export interface CheckOutcome {
	failOn: Severity;
	/** Findings at or above failOn (not suppressed, not in the baseline). */
	failing: number;
	warnings: number;
	maxWarnings: number | undefined;
}

/**
 * `kvcert check`: reads the options, the config and the inputs, checks them, and writes the report.
 * Resolves to the exit code: 0 nothing over the limits, 1 findings over them, 2 usage error or an
 * unreadable path.
 */
export async function run(args: string[], hooks: CheckHooks = {}): Promise<number> {
	const lang0: Lang = cliLanguage(langOption(args));
	const parsed = parseCheckOptions(args, lang0);
	if (parsed.kind === 'help') {
		console.log(cliMessages.usage[parsed.lang]);
		return 0;
	}
	if (parsed.kind === 'error') {
		for (const message of parsed.messages) console.error(message);
		return 2;
	}
	const options = parsed.options;
	const workspace = createWorkspace(process.cwd());
	const messageLang = options.lang ?? lang0;

	let configFor: (folder: string) => LoadedConfig | undefined;
	let runConfig: LoadedConfig | undefined;
	try {
		const load = (path: string) => loadConfigFile(path, shownPath(path, workspace), messageLang);
		if (options.config) {
			const given = load(resolve(workspace.cwd, options.config));
			configFor = () => given;
		} else configFor = createConfigFinder(load);
		runConfig = configFor(workspace.cwd);
	} catch (error) {
		if (!(error instanceof ConfigFileError)) throw error;
		console.error(error.message);
		return 2;
	}
	const settings = runConfig?.config;
	const lang = options.lang ?? settings?.lang ?? lang0;
	const failOn = options.failOn ?? settings?.failOn ?? 'error';
	const maxWarnings = options.maxWarnings ?? settings?.maxWarnings;

	let maxBytes: number;
	try {
		maxBytes = maxInputBytes(options.maxInputSize);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		console.error(describeInputError(error, lang, 'kvcert check'));
		return 2;
	}
	let read;
	try {
		read = await readInputs(options, { workspace, lang, maxBytes, configFor });
	} catch (error) {
		if (!(error instanceof ConfigFileError)) throw error;
		console.error(error.message);
		return 2;
	}
	if ('errors' in read) {
		for (const message of read.errors) console.error(message);
		return 2;
	}
	const run = await runCheck(read.inputs, read.files, {
		workspace,
		lang,
		maxBytes,
		fix: options.fix,
	});
	if (run.fixes)
		console.error(
			run.fixes.length > 0
				? run.fixes
						.map((f) => escapeControlCharacters(fillMessage(cliMessages.fixed[lang], { ...f })))
						.join('\n')
				: cliMessages.nothingFixed[lang]
		);

	const baseline = applyBaselineFile(run, { options, workspace, lang });
	if ('error' in baseline) {
		console.error(baseline.error);
		return 2;
	}
	if (baseline.note) console.error(baseline.note);
	const results = baseline.results;

	const context: ReportContext = {
		format: options.format,
		lang,
		failOn,
		workspace,
		texts: run.texts,
		skipped: [...read.skipped, ...run.skipped],
		verbose: options.verbose,
		quiet: options.quiet,
		docsBase: resolveDocsBase(
			options.docsUrl,
			process.env[docsUrlEnv],
			settings?.docsUrl,
			kvcertHomepage
		),
		baseline: baseline.used,
		output: options.output,
		noColor: options.noColor,
		...(hooks.errorAnnotations !== undefined ? { errorAnnotations: hooks.errorAnnotations } : {}),
	};
	if (hooks.text) hooks.text(textReport(results, context));
	if (!writeReport(formatReport(results, context), context)) return 2;
	// A report written to a file leaves the log empty: the text report goes there too.
	if (options.output && options.format !== 'text')
		process.stdout.write(formatReport(results, { ...context, format: 'text', output: undefined }));

	const threshold = severityRank[failOn];
	const counted = results.flatMap((r) => r.diagnostics);
	const failing = counted.filter((d) => severityRank[d.severity] >= threshold).length;
	const failed = failing > 0;
	const warnings = counted.filter((d) => d.severity === 'warning').length;
	const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
	if (tooManyWarnings)
		console.error(
			fillMessage(cliMessages.tooManyWarnings[lang], { count: warnings, max: maxWarnings })
		);
	hooks.outcome?.({ failOn, failing, warnings, maxWarnings });
	return failed || tooManyWarnings ? 1 : 0;
}
