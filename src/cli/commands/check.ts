import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CheckResult } from '../../core/check/check.ts';
import { checkIacText, loadGrammars } from '../../core/check/check-async.ts';
import { fileGrammars } from '../grammars.ts';
import { fixFiles } from '../../core/check/fix.ts';
import { formatGithub } from '../../core/check/format/github.ts';
import { formatJson } from '../../core/check/format/json.ts';
import { formatSarif } from '../../core/check/format/sarif.ts';
import { formatText } from '../../core/check/format/text.ts';
import { jsonInputKind } from '../../core/check/input/detect.ts';
import { parseJsonDocument } from '../../core/check/json.ts';
import { format as fillMessage } from '../../core/i18n/format.ts';
import { createSource } from '../../core/check/source.ts';
import { severityRank, type Lang, type Severity } from '../../core/check/types.ts';
import { escapeControlCharacters } from '../../core/terminal-text.ts';
import { describeArgsError } from '../args-error.ts';
import { cliLanguage, langOption } from '../cli-language.ts';
import { colorizeText, shouldColor } from '../colors.ts';
import { cliMessages } from './check-messages.ts';
import { expandPaths } from './files.ts';
import {
	describeInputError,
	InputError,
	inputLimitOptions,
	maxInputBytes,
	readInput,
	readInputFile,
} from '../read-input.ts';
import { kvcertVersion } from '../version.ts';

const formats = ['text', 'json', 'sarif', 'github'] as const;
const langs = ['ja', 'en'] as const;
const severities = ['error', 'warning', 'info'] as const;
const stdinPath = '<stdin>';

interface Input {
	path: string;
	text: string;
	parameters?: { path: string; text: string };
}

/** Pairs parameters files given among the paths with their template (`x.parameters.json` ↔ `x.json`, or the only template). */
function pairParameters(
	inputs: Input[],
	explicit: { path: string; text: string } | undefined
): Input[] {
	const kinds = inputs.map((input) =>
		jsonInputKind(parseJsonDocument(createSource(input.path, input.text)).root)
	);
	const templates = inputs.filter((_, i) => kinds[i] === 'template');
	const result: Input[] = [];
	inputs.forEach((input, i) => {
		if (kinds[i] === 'parameters' && templates.length > 0) {
			const stem = basename(input.path)
				.replace(/\.parameters\.jsonc?$/i, '')
				.replace(/\.jsonc?$/i, '');
			const match =
				templates.find((t) => basename(t.path).replace(/\.jsonc?$/i, '') === stem) ??
				(templates.length === 1 ? templates[0] : undefined);
			if (match && !explicit) {
				match.parameters = { path: input.path, text: input.text };
				return;
			}
		}
		result.push(input);
	});
	if (explicit) for (const t of templates) t.parameters = explicit;
	return pairBicepParameters(result, explicit);
}

/** Gives a .bicepparam file (among the paths, or --parameters) to its .bicep file (same stem, or the only one). */
function pairBicepParameters(
	inputs: Input[],
	explicit: { path: string; text: string } | undefined
): Input[] {
	const bicep = inputs.filter((input) => /\.bicep$/i.test(input.path));
	if (explicit && /\.bicepparam$/i.test(explicit.path))
		for (const b of bicep) b.parameters = explicit;
	if (bicep.length === 0) return inputs;
	return inputs.filter((input) => {
		if (!/\.bicepparam$/i.test(input.path)) return true;
		const stem = basename(input.path).replace(/\.bicepparam$/i, '');
		const match =
			bicep.find((b) => basename(b.path).replace(/\.bicep$/i, '') === stem) ??
			(bicep.length === 1 ? bicep[0] : undefined);
		if (!match || explicit) return true;
		match.parameters = { path: input.path, text: input.text };
		return false;
	});
}

/** Runs `kvcert check`; resolves to the exit code. */
export async function run(args: string[]): Promise<number> {
	const lang0: Lang = cliLanguage(langOption(args));
	let parsed;
	try {
		parsed = parseArgs({
			args,
			allowPositionals: true,
			strict: true,
			options: {
				format: { type: 'string', default: 'text' },
				lang: { type: 'string' },
				'fail-on': { type: 'string', default: 'error' },
				parameters: { type: 'string' },
				fix: { type: 'boolean', default: false },
				output: { type: 'string' },
				quiet: { type: 'boolean', short: 'q', default: false },
				'max-warnings': { type: 'string' },
				'no-color': { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false },
				...inputLimitOptions,
			},
		});
	} catch (error) {
		console.error(
			fillMessage(cliMessages.badOption[lang0], { detail: describeArgsError(error, lang0) })
		);
		console.error(cliMessages.usage[lang0]);
		return 2;
	}
	const { values, positionals } = parsed;
	const lang = (values.lang ?? lang0) as Lang;
	if (values.help) {
		console.log(cliMessages.usage[langs.includes(lang) ? lang : lang0]);
		return 0;
	}
	const checks: Array<[string, string, readonly string[]]> = [
		['--format', values.format, formats],
		['--lang', lang, langs],
		['--fail-on', values['fail-on'], severities],
	];
	for (const [option, value, allowed] of checks)
		if (!allowed.includes(value)) {
			console.error(
				fillMessage(cliMessages.badValue[lang0], { option, value, allowed: allowed.join(', ') })
			);
			return 2;
		}
	const maxWarnings = values['max-warnings'];
	if (maxWarnings !== undefined && !/^\d{1,9}$/.test(maxWarnings)) {
		console.error(
			fillMessage(cliMessages.badValue[lang0], {
				option: '--max-warnings',
				value: maxWarnings,
				allowed: '0, 1, 2, …',
			})
		);
		return 2;
	}
	const format = values.format as (typeof formats)[number];
	const failOn = values['fail-on'] as Severity;
	if (positionals.length === 0) {
		console.error(cliMessages.noInput[lang]);
		return 2;
	}
	const cwd = process.cwd();
	const { files, unmatched } = expandPaths(positionals, cwd);
	if (unmatched.length > 0) {
		for (const pattern of unmatched)
			console.error(fillMessage(cliMessages.noMatch[lang], { pattern }));
		return 2;
	}
	if (values.fix && files.includes('-')) {
		console.error(cliMessages.fixStdin[lang]);
		return 2;
	}
	let maxBytes: number;
	try {
		maxBytes = maxInputBytes(values['max-input-size']);
	} catch (error) {
		if (!(error instanceof InputError)) throw error;
		console.error(describeInputError(error, lang, 'kvcert check'));
		return 2;
	}
	const read = async (path: string): Promise<string | undefined> => {
		try {
			return (await readInput(path, maxBytes, resolve(cwd, path))).toString('utf8');
		} catch (error) {
			if (!(error instanceof InputError)) throw error;
			console.error(escapeControlCharacters(describeInputError(error, lang, 'kvcert check')));
			return undefined;
		}
	};
	const inputs: Input[] = [];
	for (const file of files) {
		const text = await read(file);
		if (text === undefined) return 2;
		inputs.push({ path: file === '-' ? stdinPath : file, text });
	}
	let explicit: { path: string; text: string } | undefined;
	if (values.parameters) {
		const text = await read(values.parameters);
		if (text === undefined) return 2;
		explicit = { path: values.parameters, text };
	}
	const paired = pairParameters(inputs, explicit);

	// Bicep and Terraform grammars are loaded only when such a file is among the inputs.
	const grammars = await loadGrammars(paired, fileGrammars);
	const checkAll = (texts: Map<string, string>): CheckResult[] =>
		paired.map((input) => {
			const base = input.path === stdinPath ? cwd : dirname(resolve(cwd, input.path));
			return checkIacText(
				texts.get(input.path) ?? input.text,
				{
					path: input.path,
					lang,
					...(input.parameters
						? {
								parameters: {
									path: input.parameters.path,
									text: texts.get(input.parameters.path) ?? input.parameters.text,
								},
							}
						: {}),
					readFile: (path) => {
						const full = resolve(base, path);
						const shown =
							input.path === stdinPath
								? path
								: resolve(base, path).startsWith(cwd)
									? full.slice(cwd.length + 1)
									: full;
						if (texts.has(shown)) return texts.get(shown);
						try {
							const text = readInputFile(full, maxBytes, shown).toString('utf8');
							texts.set(shown, text);
							return text;
						} catch {
							return undefined;
						}
					},
				},
				grammars
			);
		});

	const texts = new Map<string, string>();
	for (const input of paired) {
		texts.set(input.path, input.text);
		if (input.parameters) texts.set(input.parameters.path, input.parameters.text);
	}
	let results = checkAll(texts);
	if (values.fix) {
		const original = new Map(texts);
		const fixed = fixFiles(texts, (current) => checkAll(current).flatMap((r) => r.diagnostics));
		for (const [file, text] of fixed.files)
			if (original.get(file) !== text && file !== stdinPath)
				writeFileSync(resolve(cwd, file), text);
		const lines = fixed.fixes.map((f) => fillMessage(cliMessages.fixed[lang], { ...f }));
		console.error(lines.length > 0 ? lines.join('\n') : cliMessages.nothingFixed[lang]);
		for (const [file, text] of fixed.files) texts.set(file, text);
		results = checkAll(texts);
	}

	const threshold = severityRank[failOn];
	const failed = results.some((r) =>
		r.diagnostics.some((d) => severityRank[d.severity] >= threshold)
	);
	const warnings = results.flatMap((r) => r.diagnostics).filter((d) => d.severity === 'warning');
	const tooManyWarnings = maxWarnings !== undefined && warnings.length > Number(maxWarnings);
	const shown = values.quiet ? errorsOnly(results, format) : results;

	const version = kvcertVersion;
	let output: string;
	if (format === 'json') output = formatJson(shown, lang, version);
	else if (format === 'sarif')
		output = formatSarif(shown, {
			lang,
			toolVersion: version,
			rootUri: `${pathToFileURL(cwd).href}/`,
		});
	else if (format === 'github') {
		const summaryFile = process.env['GITHUB_STEP_SUMMARY'];
		const github = formatGithub(shown, lang, Boolean(summaryFile));
		if (summaryFile && shown.some((r) => r.diagnostics.length > 0))
			appendFileSync(summaryFile, github.summary);
		output = github.annotations;
	} else {
		output = formatText(shown, { lang, sources: texts });
		if (values.quiet && shown.length === 0) output = '';
		if (!values.output && shouldColor(values['no-color'])) output = colorizeText(output, lang);
	}

	if (values.output) {
		const target = resolve(cwd, values.output);
		try {
			mkdirSync(dirname(target), { recursive: true });
			writeFileSync(target, output);
		} catch (error) {
			console.error(
				fillMessage(cliMessages.unwritable[lang], {
					path: values.output,
					reason: (error as NodeJS.ErrnoException).code ?? 'error',
				})
			);
			return 2;
		}
	} else process.stdout.write(output);

	if (tooManyWarnings)
		console.error(
			fillMessage(cliMessages.tooManyWarnings[lang], {
				count: warnings.length,
				max: Number(maxWarnings),
			})
		);
	// Text that is none of the kinds kvcert reads is a usage error (KV051 says what it looked like).
	if (results.some((r) => r.unrecognised)) return 2;
	return failed || tooManyWarnings ? 1 : 0;
}

/**
 * `--quiet`: errors only. The text report leaves out files without errors (so it never calls a file
 * with warnings clean); the machine formats keep every file with its errors.
 */
function errorsOnly(results: CheckResult[], format: string): CheckResult[] {
	const filtered = results.map((r) => ({
		...r,
		diagnostics: r.diagnostics.filter((d) => d.severity === 'error'),
	}));
	return format === 'text' ? filtered.filter((r) => r.diagnostics.length > 0) : filtered;
}
