import { parseArgs } from 'node:util';
import type { Lang, Severity } from '../../core/check/index.ts';
import { format as fillMessage } from '../../core/i18n/format.ts';
import { describeArgsError } from '../args-error.ts';
import { inputLimitOptions } from '../read-input.ts';
import { cliMessages } from './check-messages.ts';

/** The output formats of `kvcert check`. */
export const checkFormats = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type CheckFormat = (typeof checkFormats)[number];

const langs = ['ja', 'en'] as const;
const severities = ['error', 'warning', 'info'] as const;

/**
 * What the command line asked for. Options a config file may also set (lang, fail-on,
 * max-warnings, docs address) stay undefined here when not given, so the config can fill them.
 */
export interface CheckOptions {
	paths: string[];
	format: CheckFormat;
	lang?: Lang;
	failOn?: Severity;
	maxWarnings?: number;
	parameters?: string;
	fix: boolean;
	output?: string;
	quiet: boolean;
	verbose: boolean;
	noColor: boolean;
	config?: string;
	baseline?: string;
	updateBaseline: boolean;
	docsUrl?: string;
	maxInputSize?: string;
}

/** The outcome of reading the command line: run, print help, or stop with messages (exit 2). */
export type ParsedCheckOptions =
	| { kind: 'run'; options: CheckOptions }
	| { kind: 'help'; lang: Lang }
	| { kind: 'error'; messages: string[] };

/** The default name of the baseline file `--update-baseline` writes. */
export const defaultBaselineFile = 'kvcert-baseline.json';

/**
 * Reads `kvcert check`'s arguments (pure: no files, no environment; `lang` is the language for
 * messages until `--lang` is known).
 */
export function parseCheckOptions(args: string[], lang: Lang): ParsedCheckOptions {
	let parsed;
	try {
		parsed = parseArgs({
			args,
			allowPositionals: true,
			strict: true,
			options: {
				format: { type: 'string', default: 'text' },
				lang: { type: 'string' },
				'fail-on': { type: 'string' },
				parameters: { type: 'string' },
				fix: { type: 'boolean', default: false },
				output: { type: 'string' },
				quiet: { type: 'boolean', short: 'q', default: false },
				verbose: { type: 'boolean', short: 'v', default: false },
				'max-warnings': { type: 'string' },
				'no-color': { type: 'boolean', default: false },
				config: { type: 'string' },
				baseline: { type: 'string' },
				'update-baseline': { type: 'boolean', default: false },
				'docs-url': { type: 'string' },
				help: { type: 'boolean', short: 'h', default: false },
				...inputLimitOptions,
			},
		});
	} catch (error) {
		return {
			kind: 'error',
			messages: [
				fillMessage(cliMessages.badOption[lang], { detail: describeArgsError(error, lang) }),
				cliMessages.usage[lang],
			],
		};
	}
	const { values, positionals } = parsed;
	const given = values.lang;
	if (values.help)
		return {
			kind: 'help',
			lang: given && (langs as readonly string[]).includes(given) ? (given as Lang) : lang,
		};
	const bad = (option: string, value: string, allowed: string) =>
		fillMessage(cliMessages.badValue[lang], { option, value, allowed });
	const messages: string[] = [];
	const checks: Array<[string, string | undefined, readonly string[]]> = [
		['--format', values.format, checkFormats],
		['--lang', given, langs],
		['--fail-on', values['fail-on'], severities],
	];
	for (const [option, value, allowed] of checks)
		if (value !== undefined && !allowed.includes(value))
			messages.push(bad(option, value, allowed.join(', ')));
	const maxWarnings = values['max-warnings'];
	if (maxWarnings !== undefined && !/^\d{1,9}$/.test(maxWarnings))
		messages.push(bad('--max-warnings', maxWarnings, '0, 1, 2, …'));
	const docsUrl = values['docs-url'];
	if (docsUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(docsUrl))
		messages.push(bad('--docs-url', docsUrl, 'https://…'));
	const language = (given as Lang | undefined) ?? lang;
	if (messages.length === 0 && positionals.length === 0)
		messages.push(cliMessages.noInput[language]);
	if (messages.length === 0 && values.fix && positionals.includes('-'))
		messages.push(cliMessages.fixStdin[language]);
	if (messages.length > 0) return { kind: 'error', messages };
	const options: CheckOptions = {
		paths: positionals,
		format: values.format as CheckFormat,
		fix: values.fix,
		quiet: values.quiet,
		verbose: values.verbose,
		noColor: values['no-color'],
		updateBaseline: values['update-baseline'],
	};
	if (given) options.lang = given as Lang;
	if (values['fail-on']) options.failOn = values['fail-on'] as Severity;
	if (maxWarnings !== undefined) options.maxWarnings = Number(maxWarnings);
	if (values.parameters) options.parameters = values.parameters;
	if (values.output) options.output = values.output;
	if (values.config) options.config = values.config;
	if (values.baseline) options.baseline = values.baseline;
	if (docsUrl) options.docsUrl = docsUrl;
	if (values['max-input-size'] !== undefined) options.maxInputSize = values['max-input-size'];
	return { kind: 'run', options };
}
