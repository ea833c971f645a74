import { resolve } from 'node:path';
import { renderMessage } from '../../core/check/report.ts';
import { severityRank, type Lang } from '../../core/check/types.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import {
	ConfigFileError,
	createConfigFinder,
	loadConfigFile,
	type LoadedConfig,
} from '../config-file.ts';
import { describeInputError, InputError, maxInputBytes } from '../read-input.ts';
import { kvcertHomepage } from '../version.ts';
import { createWorkspace, shownPath } from '../workspace.ts';
import { applyBaselineFile } from './check-baseline.ts';
import { readInputs } from './check-inputs.ts';
import { cliMessages } from './check-messages.ts';
import { parseCheckOptions } from './check-options.ts';
import { formatReport, textReport, writeReport, type ReportContext } from './check-report.ts';
import { runCheck } from './check-run.ts';

/** Environment variable that gives the docs address (after --docs-url). */
export const docsUrlEnv = 'KVCERT_DOCS_URL';

/**
 * The base address of rule docs: --docs-url, KVCERT_DOCS_URL, the config's docsUrl, or the
 * package's homepage when it is the published site (not a repository page). Undefined when none
 * is known: the text report then names `kvcert explain <id>`, and no localhost link is ever made.
 */
export function resolveDocsBase(
	option: string | undefined,
	env: string | undefined,
	config: string | undefined,
	homepage: string | undefined
): string | undefined {
	const given = option ?? (env && /^https?:\/\/[^\s/]+/.test(env) ? env : undefined) ?? config;
	if (given) return given;
	if (!homepage || homepage.includes('#') || /^https?:\/\/(www\.)?github\.com\//.test(homepage))
		return undefined;
	return homepage;
}

/**
 * `kvcert check`: reads the options, the config and the inputs, checks them, and writes the report.
 * Resolves to the exit code: 0 nothing over the limits, 1 findings over them, 2 usage error or an
 * unreadable path.
 */
export async function run(
	args: string[],
	out: { text?: (report: string) => void } = {}
): Promise<number> {
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
						.map((f) => escapeControlCharacters(renderMessage(cliMessages.fixed[lang], { ...f })))
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
	};
	if (out.text) out.text(textReport(results, context));
	if (!writeReport(formatReport(results, context), context)) return 2;

	const threshold = severityRank[failOn];
	const counted = results.flatMap((r) => r.diagnostics);
	const failed = counted.some((d) => severityRank[d.severity] >= threshold);
	const warnings = counted.filter((d) => d.severity === 'warning').length;
	const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
	if (tooManyWarnings)
		console.error(
			renderMessage(cliMessages.tooManyWarnings[lang], { count: warnings, max: maxWarnings })
		);
	return failed || tooManyWarnings ? 1 : 0;
}
