import { format } from '../core/i18n/format.ts';
import type { Lang } from '../core/i18n/lang.ts';
import { escapeControlCharacters } from '../core/terminal-text.ts';

const template = {
	ja: 'kvcert: kvcert の内部エラーです (報告してください): {{detail}}',
	en: 'kvcert: internal error in kvcert (please report): {{detail}}',
};

/**
 * The one line the CLI prints for an error no command expected, in the user's language: the
 * error's name and first message line, control characters escaped, at most 300 characters. The
 * stack follows only with KVCERT_DEBUG=1.
 */
export function describeInternalError(error: unknown, lang: Lang): string {
	const first = (text: string) => text.split(/\r?\n|\r/)[0] ?? '';
	const detail = escapeControlCharacters(
		error instanceof Error ? `${error.name}: ${first(error.message)}` : first(String(error))
	);
	const line = format(template[lang], {
		detail: detail.length > 300 ? `${detail.slice(0, 299)}…` : detail,
	});
	const debug =
		process.env['KVCERT_DEBUG'] === '1' && error instanceof Error ? `\n${error.stack}` : '';
	return line + debug;
}
