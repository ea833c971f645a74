/**
 * The GitHub Action (action.yml, `runs.using: node24`): runs `kvcert check` in-process from the
 * committed bundle (dist-cli/action.js), so a job installs nothing. Inputs arrive as INPUT_<NAME>
 * environment variables, as the runner sets them. The text report is always printed to the log,
 * whatever the format; a failing run ends with one error annotation that says why.
 */
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Lang, Localized } from '../core/check/index.ts';
import { escapeData } from '../core/check/index.ts';
import { format as fillMessage } from '../core/i18n/format.ts';
import { run, type CheckOutcome } from './commands/check.ts';

/** An input as the runner gives it (`INPUT_` + the name in upper case, spaces as `_`). */
export function actionInput(name: string, env: NodeJS.ProcessEnv = process.env): string {
	return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/**
 * The `paths` input: one path per line when there are several lines (spaces are part of a path),
 * else words separated by spaces, where quotes keep a path with spaces together.
 */
export function splitPaths(value: string): string[] {
	const lines = value
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'));
	if (lines.length !== 1) return lines.map((line) => line.replace(/^(["'])(.*)\1$/, '$2'));
	const words: string[] = [];
	for (const match of lines[0]!.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
		words.push(match[1] ?? match[2] ?? match[3]!);
	return words;
}

/** The `kvcert check` arguments for the inputs. */
export function checkArguments(env: NodeJS.ProcessEnv = process.env): {
	args: string[];
	format: string;
	output: string | undefined;
} {
	const input = (name: string) => actionInput(name, env);
	const format = input('format') || 'sarif';
	const args = [...splitPaths(input('paths')), '--format', format];
	const optional: Array<[string, string]> = [
		['fail-on', '--fail-on'],
		['lang', '--lang'],
		['parameters', '--parameters'],
		['max-warnings', '--max-warnings'],
		['config', '--config'],
		['baseline', '--baseline'],
		['docs-url', '--docs-url'],
	];
	for (const [name, option] of optional) if (input(name)) args.push(option, input(name));
	const output = ['sarif', 'json', 'junit'].includes(format)
		? input('output') || `kvcert.${format === 'junit' ? 'xml' : format}`
		: undefined;
	if (output) args.push('--output', output);
	return { args, format, output };
}

const reasons = {
	findings_one: {
		ja: 'kvcert check: 重大度 {{failOn}} 以上の問題が {{count}} 件あります (fail-on: {{failOn}})。問題の内容は、ステップのログにある結果を確認してください。',
		en: 'kvcert check: {{count}} finding at or above {{failOn}} (fail-on: {{failOn}}); the report in the step log lists it.',
	},
	findings_other: {
		ja: 'kvcert check: 重大度 {{failOn}} 以上の問題が {{count}} 件あります (fail-on: {{failOn}})。問題の内容は、ステップのログにある結果を確認してください。',
		en: 'kvcert check: {{count}} findings at or above {{failOn}} (fail-on: {{failOn}}); the report in the step log lists them.',
	},
	warnings: {
		ja: 'kvcert check: 警告が {{count}} 件あり、max-warnings の {{max}} 件を超えています。',
		en: 'kvcert check: {{count}} warnings, more than max-warnings {{max}}.',
	},
	usage: {
		ja: 'kvcert check を実行できませんでした (終了コード 2)。入力の指定が誤っているか、読み書きできないファイルがあります。原因は、ステップのログにあるエラー メッセージを確認してください。',
		en: 'kvcert check could not run (exit code 2: a wrong input, or a file that cannot be read or written); the error message in the step log says which.',
	},
	report: { ja: 'kvcert check の結果', en: 'kvcert check report' },
} satisfies Record<string, Localized>;

/** Why the step fails, for its error annotation; undefined when it passes. */
export function failureReason(
	code: number,
	outcome: CheckOutcome | undefined,
	lang: Lang
): string | undefined {
	if (code === 0) return undefined;
	if (code !== 1 || !outcome) return reasons.usage[lang];
	if (outcome.failing > 0) {
		const form =
			new Intl.PluralRules(lang).select(outcome.failing) === 'one'
				? 'findings_one'
				: 'findings_other';
		return fillMessage(reasons[form][lang], { count: outcome.failing, failOn: outcome.failOn });
	}
	return fillMessage(reasons.warnings[lang], {
		count: outcome.warnings,
		max: outcome.maxWarnings ?? 0,
	});
}

/** Runs the Action; resolves to the exit code the step ends with. */
export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
	const workspace = env['GITHUB_WORKSPACE'] ?? process.cwd();
	process.chdir(resolve(workspace, actionInput('working-directory', env) || '.'));
	const lang: Lang = actionInput('lang', env) === 'ja' ? 'ja' : 'en';
	const { args, format, output } = checkArguments(env);
	let text = '';
	let outcome: CheckOutcome | undefined;
	const code = await run(args, {
		text: (report) => (text = report),
		outcome: (o) => (outcome = o),
		errorAnnotations: 9,
	});
	// The text report goes to the log whatever the format (kvcert prints it already beside a report
	// file, and for text).
	if (format === 'github' && text !== '')
		process.stdout.write(`\n${reasons.report[lang]}:\n${text}`);
	const outputs = env['GITHUB_OUTPUT'];
	if (outputs)
		appendFileSync(
			outputs,
			`sarif-file=${format === 'sarif' || format === 'json' ? (output ?? '') : ''}\nreport-file=${output ?? ''}\nexit-code=${code}\n`
		);
	const reason = failureReason(code, outcome, lang);
	if (reason) console.log(`::error title=kvcert::${escapeData(reason)}`);
	return code;
}
