import { checkMessages } from '../core/check/index.ts';
import type { Lang, Severity } from '../core/check/index.ts';

const codes: Record<Severity | 'location' | 'bold', [number, number]> = {
	error: [31, 39],
	warning: [33, 39],
	info: [36, 39],
	location: [34, 39],
	bold: [1, 22],
};

const paint = (style: keyof typeof codes, text: string) =>
	`\u001b[${codes[style][0]}m${text}\u001b[${codes[style][1]}m`;

/**
 * Whether to colour output: only on a terminal, and never with `--no-color` or a non-empty
 * `NO_COLOR` (https://no-color.org), so CI logs and redirected files stay plain text.
 */
export function shouldColor(
	noColorFlag: boolean,
	stream: { isTTY?: boolean } = process.stdout,
	env: Record<string, string | undefined> = process.env
): boolean {
	return !noColorFlag && !env['NO_COLOR'] && stream.isTTY === true;
}

/** Colours the text report: each finding's severity and rule id, its location and the carets under it. */
export function colorizeText(text: string, lang: Lang): string {
	const severities = (['error', 'warning', 'info'] as const).map(
		(severity) => [severity, `${checkMessages[severity][lang]}[`] as const
	);
	let current: Severity = 'error';
	return text
		.split('\n')
		.map((line) => {
			const heading = severities.find(([, prefix]) => line.startsWith(prefix));
			if (heading) {
				current = heading[0];
				const end = line.indexOf(']') + 1;
				return paint('bold', paint(current, line.slice(0, end))) + line.slice(end);
			}
			const arrow = /^(\s+)--> (.*)$/.exec(line);
			if (arrow) return `${arrow[1]}${paint('location', '-->')} ${arrow[2]}`;
			const caret = /^(\s+\| \s*)(\^+)$/.exec(line);
			if (caret) return `${caret[1]}${paint(current, caret[2]!)}`;
			return line;
		})
		.join('\n');
}
