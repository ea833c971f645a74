import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import type { Lang, Localized } from '../core/check/index.ts';
import { format } from '../core/i18n/format.ts';

/**
 * How the CLI reads what users give it: regular files, or standard input for "-". FIFOs, devices,
 * sockets and directories are refused before they are opened, and nothing larger than the input
 * limit is read (files are measured before reading, standard input while it is read).
 */

/** The input limit unless --max-input-size or KVCERT_MAX_INPUT_SIZE says otherwise: 32 MB. */
export const DEFAULT_MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** The environment variable that sets the input limit (the option wins). */
export const MAX_INPUT_SIZE_ENV = 'KVCERT_MAX_INPUT_SIZE';

/** The `--max-input-size` option, for a command's parseArgs options. */
export const inputLimitOptions = { 'max-input-size': { type: 'string' } } as const;

/** Why an input was not read. */
export type InputErrorCode =
	| 'directory'
	| 'not-regular'
	| 'too-large'
	| 'not-found'
	| 'permission'
	| 'unreadable'
	| 'bad-limit';

/** An input the CLI refuses or cannot read; {@link describeInputError} words it. */
export class InputError extends Error {
	constructor(
		readonly code: InputErrorCode,
		/** The path as the user gave it ("-" for standard input), or the limit's text for `bad-limit`. */
		readonly path: string,
		readonly details: { kind?: string; size?: number; limit?: number; reason?: string } = {}
	) {
		super(`${code}: ${path}`);
		this.name = 'InputError';
	}
}

const units: Record<string, number> = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 };

/**
 * The input limit in bytes: `option` (from --max-input-size), else KVCERT_MAX_INPUT_SIZE, else
 * 32 MB. Accepts bytes or a size with K, M or G (binary: 1 MB = 1,048,576 bytes), e.g. `64MB`.
 * @throws InputError `bad-limit`
 */
export function maxInputBytes(option?: string): number {
	const text = option ?? process.env[MAX_INPUT_SIZE_ENV] ?? '';
	if (text.trim() === '') return DEFAULT_MAX_INPUT_BYTES;
	const match = /^(\d+(?:\.\d+)?)\s*([KMG]?)(?:i?B)?$/i.exec(text.trim());
	const bytes = match ? Math.floor(Number(match[1]) * units[match[2]!.toUpperCase()]!) : NaN;
	if (!Number.isSafeInteger(bytes) || bytes < 1) throw new InputError('bad-limit', text);
	return bytes;
}

/** A size as users read it: bytes below 1 KB, else KB/MB with at most one decimal. */
export function formatSize(bytes: number): string {
	if (bytes < 1024) return `${bytes} B`;
	const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : [bytes / 1024 ** 2, 'MB'];
	return `${Number(value.toFixed(1))} ${unit}`;
}

/** What a non-regular file is, for the message. */
function kindOf(stats: Stats): string {
	if (stats.isDirectory()) return 'directory';
	if (stats.isFIFO()) return 'fifo';
	if (stats.isSocket()) return 'socket';
	if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
	return 'other';
}

function errnoError(path: string, error: unknown): InputError {
	const code = (error as NodeJS.ErrnoException).code ?? 'error';
	if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError('not-found', path);
	if (code === 'EACCES' || code === 'EPERM') return new InputError('permission', path);
	if (code === 'EISDIR') return new InputError('directory', path, { kind: 'directory' });
	return new InputError('unreadable', path, { reason: code });
}

/** Refuses what is not a regular file, or a regular file above the limit. */
function checkStats(path: string, stats: Stats, maxBytes: number): void {
	if (!stats.isFile())
		throw new InputError(stats.isDirectory() ? 'directory' : 'not-regular', path, {
			kind: kindOf(stats),
		});
	if (stats.size > maxBytes)
		throw new InputError('too-large', path, { size: stats.size, limit: maxBytes });
}

/** Reads from `fd` until end of file; more than `maxBytes` is refused as soon as it is seen. */
function readAll(fd: number, path: string, maxBytes: number, size?: number): Buffer {
	const chunks: Buffer[] = [];
	let total = 0;
	for (;;) {
		// A file of known size is read into one buffer (a byte more tells whether it grew), not copied.
		const want = chunks.length === 0 && size !== undefined ? size + 1 : 1 << 20;
		const chunk = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total) || 1);
		const count = readSync(fd, chunk, 0, chunk.length, null);
		if (count === 0) break;
		total += count;
		if (total > maxBytes)
			throw new InputError('too-large', path, { limit: maxBytes, ...(size ? { size } : {}) });
		chunks.push(chunk.subarray(0, count));
	}
	return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/**
 * The bytes of the regular file at `path` (resolved by the caller), at most `maxBytes`.
 * `shown` is how the message names it. Never opens a FIFO or device: it is stat'ed first, and
 * opened non-blocking and checked again in case it was swapped in between.
 * @throws InputError
 */
export function readInputFile(path: string, maxBytes: number, shown = path): Buffer {
	let stats: Stats;
	try {
		stats = statSync(path);
	} catch (error) {
		throw errnoError(shown, error);
	}
	checkStats(shown, stats, maxBytes);
	let fd: number;
	try {
		fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
	} catch (error) {
		throw errnoError(shown, error);
	}
	try {
		const opened = fstatSync(fd);
		checkStats(shown, opened, maxBytes);
		return readAll(fd, shown, maxBytes, opened.size);
	} catch (error) {
		throw error instanceof InputError ? error : errnoError(shown, error);
	} finally {
		closeSync(fd);
	}
}

/**
 * Standard input, at most `maxBytes`: whatever it is (pipe, redirected file, terminal), it is read
 * as a stream and refused as soon as it passes the limit, so `< /dev/zero` ends at once.
 * @throws InputError
 */
export async function readStandardInput(maxBytes: number): Promise<Buffer> {
	try {
		const stats = fstatSync(0);
		if (stats.isFile() && stats.size > maxBytes)
			throw new InputError('too-large', '-', { size: stats.size, limit: maxBytes });
		if (stats.isDirectory()) throw new InputError('directory', '-', { kind: 'directory' });
	} catch (error) {
		if (error instanceof InputError) throw error;
	}
	const chunks: Buffer[] = [];
	let total = 0;
	const stdin = process.stdin;
	try {
		for await (const chunk of stdin as AsyncIterable<Buffer>) {
			total += chunk.length;
			if (total > maxBytes) throw new InputError('too-large', '-', { limit: maxBytes });
			chunks.push(chunk);
		}
	} catch (error) {
		if (error instanceof InputError) throw error;
		throw errnoError('-', error);
	} finally {
		stdin.destroy();
	}
	return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

/** A file's bytes, or standard input's for "-" (see {@link readInputFile}). @throws InputError */
export async function readInput(path: string, maxBytes: number, resolved = path): Promise<Buffer> {
	return path === '-' ? readStandardInput(maxBytes) : readInputFile(resolved, maxBytes, path);
}

const messages = {
	directory: {
		ja: '{{prefix}}: {{path}} はディレクトリです。ファイルを指定してください。',
		en: '{{prefix}}: {{path}} is a directory; give a file.',
	},
	'not-regular': {
		ja: '{{prefix}}: {{path}} は通常のファイルではありません (種類: {{kind}})。ファイルを指定するか、標準入力から読む場合は "-" を指定してください。',
		en: '{{prefix}}: {{path}} is a {{kind}}, not a regular file; give a file, or "-" to read standard input.',
	},
	'too-large': {
		ja: '{{prefix}}: {{path}} は入力サイズの上限 {{limit}} を超えています{{size}}。読み込む必要がある場合は、--max-input-size または環境変数 KVCERT_MAX_INPUT_SIZE で上限を引き上げてください。',
		en: '{{prefix}}: {{path}} is larger than the input limit of {{limit}}{{size}}. If it really is meant to be read, raise the limit with --max-input-size or the KVCERT_MAX_INPUT_SIZE environment variable.',
	},
	'not-found': {
		ja: '{{prefix}}: {{path}} が見つかりません。',
		en: '{{prefix}}: {{path}} does not exist.',
	},
	permission: {
		ja: '{{prefix}}: {{path}} を読み取るアクセス許可がありません。',
		en: '{{prefix}}: no permission to read {{path}}.',
	},
	unreadable: {
		ja: '{{prefix}}: {{path}} を読めません ({{reason}})。',
		en: '{{prefix}}: cannot read {{path}} ({{reason}}).',
	},
	'bad-limit': {
		ja: '{{prefix}}: 入力サイズの上限 "{{path}}" (--max-input-size または KVCERT_MAX_INPUT_SIZE) が正しくありません。バイト数か、64MB のようなサイズを指定してください。',
		en: '{{prefix}}: invalid input size limit "{{path}}" (--max-input-size or KVCERT_MAX_INPUT_SIZE); give bytes or a size such as 64MB.',
	},
} satisfies Record<InputErrorCode, Localized>;

const kinds: Record<string, Localized> = {
	directory: { ja: 'ディレクトリ', en: 'directory' },
	fifo: { ja: '名前付きパイプ (FIFO)', en: 'named pipe (FIFO)' },
	socket: { ja: 'ソケット', en: 'socket' },
	device: { ja: 'デバイス', en: 'device' },
	other: { ja: '特殊なファイル', en: 'special file' },
};

const stdinName: Localized = { ja: '標準入力', en: 'standard input' };

/** The one-line message for an input error, in the user's language, starting with `prefix`. */
export function describeInputError(error: InputError, lang: Lang, prefix = 'kvcert'): string {
	const { kind, size, limit, reason } = error.details;
	const message = format(messages[error.code][lang], {
		prefix,
		path: error.code === 'bad-limit' || error.path !== '-' ? error.path : stdinName[lang],
		kind: kinds[kind ?? 'other']![lang],
		size: size === undefined ? '' : ` (${formatSize(size)})`,
		limit: formatSize(limit ?? 0),
		reason: reason ?? '',
	});
	// Japanese puts no space between 標準入力 and the particle that follows it.
	return message.replace(`${stdinName.ja} `, stdinName.ja);
}
