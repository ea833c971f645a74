import { escapeControlCharacters } from '../core/terminal-text.ts';
import { format } from '../core/i18n/format.ts';
import type { Lang } from '../core/i18n/lang.ts';

const TEXT: Record<
	Lang,
	{ unknown: string; missing: string; noValue: string; positional: string }
> = {
	en: {
		unknown: 'unknown option {{name}}',
		missing: '{{name}} needs a value',
		noValue: '{{name}} takes no value',
		positional: 'unexpected argument {{name}}',
	},
	ja: {
		unknown: '不明なオプションです: {{name}}',
		missing: '{{name}} には値を指定してください',
		noValue: '{{name}} には値を指定できません',
		positional: '余分な引数があります: {{name}}',
	},
};

/**
 * A `util.parseArgs` error in the user's language, naming the option or argument (Node's own
 * messages are English only). Control characters from the command line are shown as stand-ins.
 */
export function describeArgsError(error: unknown, lang: Lang): string {
	const { code, message } = error as { code?: string; message?: string };
	const text = String(message ?? error);
	const quoted = text.match(/'([^']*)'/)?.[1] ?? '';
	const name = escapeControlCharacters(quoted.replace(/ <value>$/, ''));
	const template =
		code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
			? TEXT[lang].unknown
			: code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
				? /does not take an argument/.test(text)
					? TEXT[lang].noValue
					: TEXT[lang].missing
				: code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
					? TEXT[lang].positional
					: undefined;
	return template ? format(template, { name }) : escapeControlCharacters(text);
}
