import type { Lang } from '../core/i18n/lang.ts';

/** The CLI's language: `--lang`, else the first non-empty of KVCERT_LANG, LC_ALL, LC_MESSAGES, LANG (ja_JP.UTF-8 → ja). */
export function cliLanguage(option?: string): Lang {
	// Empty variables count as unset, as POSIX locale lookup treats them.
	const value =
		option ||
		process.env['KVCERT_LANG'] ||
		process.env['LC_ALL'] ||
		process.env['LC_MESSAGES'] ||
		process.env['LANG'] ||
		'';
	return /^ja/i.test(value) ? 'ja' : 'en';
}

/** `--lang x` or `--lang=x` among raw arguments: the language for messages before they are parsed. */
export function langOption(argv: string[]): string | undefined {
	const index = argv.indexOf('--lang');
	if (index !== -1) return argv[index + 1];
	return argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
}
