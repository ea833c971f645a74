import { base64ToBytes, bytesToHex } from './encoding.ts';
import type { FoundThumbprint, ThumbprintAlgorithm, ThumbprintSource } from './types.ts';

/**
 * Invisible characters that copy-paste carries into thumbprints: the Windows certificate dialog
 * starts its Thumbprint field with U+200E; RTL text adds U+200F and bidi controls; some editors add
 * zero-width spaces, word joiners, soft hyphens and a BOM. research/keyvault-sdk.md §5.4.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
/** Spaces that look like spaces (no-break, en/em, ideographic…) are read as one. */
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

interface Cleaned {
	text: string;
	/** Original offset of a cleaned character (of the end, for `text.length`). */
	originalOffset: (index: number) => number;
}

/**
 * Removes invisible marks and turns exotic spaces into plain ones, remembering where marks were
 * removed (not an offset per character: a 31 MB paste must not cost an array of 31 million).
 */
function clean(input: string): Cleaned {
	/** For each removed mark, how many characters were kept before it (non-decreasing). */
	const keptBefore: number[] = [];
	for (const m of input.matchAll(INVISIBLE)) keptBefore.push((m.index ?? 0) - keptBefore.length);
	const text = (keptBefore.length ? input.replace(INVISIBLE, '') : input).replace(SPACE_LIKE, ' ');
	return {
		text,
		// Every mark removed before the character (kept before it ≤ its index) shifts it by one.
		originalOffset: (index) => index + lastAtMost(keptBefore, index) + 1,
	};
}

/** Labels in front of values that are hex but not thumbprints. */
const NOT_A_THUMBPRINT =
	/(?:serial(?:\s*number)?|key\s*id(?:entifier)?(?:\s*hash)?(?:\([^)]*\))?|signature(?:\s*hash)?|public\s*key|md5|cert\s*hash\(md5\))\s*(?:[:=]\s*)?$/i;

interface Label {
	source: ThumbprintSource;
	algorithm?: ThumbprintAlgorithm;
}

/**
 * How much of the text before a value the label patterns see. Every label is short; a long line
 * must not make each value's check read the whole line (quadratic), and runs of spaces are folded
 * so the patterns' adjacent `\s*` cannot backtrack over them (cubic).
 */
const LABEL_WINDOW = 160;

/**
 * The text between `start` and `end` with each run of white space folded into one space, keeping at
 * most the last {@link LABEL_WINDOW} characters. Walks back from `end`, so a run is crossed only by
 * the few values whose window reaches it: linear over the whole text.
 */
function labelWindow(text: string, start: number, end: number): string {
	const kept: string[] = [];
	let i = end - 1;
	while (i >= start && kept.length < LABEL_WINDOW) {
		const char = text[i] as string;
		if (/\s/.test(char)) {
			while (i > start && /\s/.test(text[i - 1] as string)) i--;
			kept.push(' ');
		} else kept.push(char);
		i--;
	}
	return kept.reverse().join('');
}

/** Recognises the tool from the text just before a value on the same line (a {@link labelWindow}). */
function labelBefore(prefix: string): Label | undefined | 'excluded' {
	if (NOT_A_THUMBPRINT.test(prefix)) return 'excluded';
	let m = /(sha-?(1|256))\s*fingerprint\s*=\s*$/i.exec(prefix);
	if (m) return { source: 'openssl', algorithm: m[2] === '1' ? 'sha1' : 'sha256' };
	m = /cert\s*hash\s*\(\s*sha-?(1|256)\s*\)\s*:\s*$/i.exec(prefix);
	if (m) return { source: 'certutil', algorithm: m[1] === '1' ? 'sha1' : 'sha256' };
	if (/^\s*thumbprint\s*:\s*$/i.test(prefix)) return { source: 'powershell-list' };
	m = /"?x5t(#s256)?"?\s*[:=]\s*"?$/i.exec(prefix);
	if (m) return { source: 'x5t', algorithm: m[1] ? 'sha256' : 'sha1' };
	m = /(thumbprint|fingerprint|sha-?(1|256))[^:=]{0,20}[:=]\s*"?$/i.exec(prefix);
	if (m)
		return { source: 'labeled', ...(m[2] ? { algorithm: m[2] === '1' ? 'sha1' : 'sha256' } : {}) };
	return undefined;
}

const HEX_SEPARATED = /[0-9A-F]{2}([: -])[0-9A-F]{2}(?:\1[0-9A-F]{2}){18,30}(?![0-9A-F])/gi;
const HEX_CONTIGUOUS = /(?<![0-9A-Z])(?:[0-9A-F]{64}|[0-9A-F]{40})(?![0-9A-Z])/gi;
const BASE64_TOKEN =
	/(?<![\w+/=-])(?:[\w-]{27}|[A-Z0-9+/]{27}=|[\w-]{43}|[A-Z0-9+/]{43}=)(?![\w+/=-])/gi;

/** A bare base64 token only counts when it looks like random bytes, not like a word. */
function looksRandom(token: string): boolean {
	return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9_+/-]/.test(token);
}

/** The index of the last element of a sorted array that is `<= value`, or -1. */
function lastAtMost(sorted: readonly number[], value: number): number {
	let low = 0;
	let high = sorted.length - 1;
	let found = -1;
	while (low <= high) {
		const middle = (low + high) >> 1;
		if ((sorted[middle] as number) <= value) {
			found = middle;
			low = middle + 1;
		} else high = middle - 1;
	}
	return found;
}

/** Offsets where each line of `text` starts. */
function lineStartsOf(text: string): number[] {
	const starts = [0];
	for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
	return starts;
}

/**
 * Everything {@link findThumbprints} asks about the text around a value, indexed once so that each
 * value costs a binary search, not a scan of its line or of the whole text.
 */
class TextIndex {
	readonly #text: string;
	readonly #lineStarts: number[];
	/** Blocks: blank lines and certutil's `==== Certificate N ====` rulers end one. */
	readonly #boundaryStarts: number[] = [];
	readonly #boundaryEnds: number[] = [];
	readonly #subjectAt: number[] = [];
	readonly #subjectValue: string[] = [];

	constructor(text: string) {
		this.#text = text;
		this.#lineStarts = lineStartsOf(text);
		for (const m of text.matchAll(/\n[ \t]*\r?\n|\n=+ ?Certificate \d+ ?=[^\n]*/g)) {
			this.#boundaryStarts.push(m.index ?? 0);
			this.#boundaryEnds.push((m.index ?? 0) + m[0].length);
		}
		for (const m of text.matchAll(/^[ \t]*subject\s*[:=]([^\n\r\u2028\u2029]*)/gim)) {
			const value = (m[1] ?? '').trim();
			if (!value) continue;
			this.#subjectAt.push(m.index ?? 0);
			this.#subjectValue.push(value);
		}
	}

	lineStart(offset: number): number {
		return this.#lineStarts[lastAtMost(this.#lineStarts, offset)] ?? 0;
	}

	lineEnd(offset: number): number {
		const next = this.#lineStarts[lastAtMost(this.#lineStarts, offset) + 1];
		return next === undefined ? this.#text.length : next - 1;
	}

	/** The block holding `index`. */
	blockAround(index: number): { start: number; end: number } {
		const before = lastAtMost(this.#boundaryEnds, index);
		const after = lastAtMost(this.#boundaryStarts, index - 1) + 1;
		return {
			start: before < 0 ? 0 : (this.#boundaryEnds[before] as number),
			end: this.#boundaryStarts[after] ?? this.#text.length,
		};
	}

	/**
	 * The subject printed for a value at `start` in a block: the block's only subject line, else the
	 * last one above the value, else the first one below it.
	 */
	subjectInBlock(start: number, block: { start: number; end: number }): string | undefined {
		const first = lastAtMost(this.#subjectAt, block.start - 1) + 1;
		const last = lastAtMost(this.#subjectAt, block.end - 1);
		if (last < first) return undefined;
		if (first === last) return this.#subjectValue[first];
		const above = lastAtMost(this.#subjectAt, start - 1);
		return this.#subjectValue[above >= first ? above : first];
	}
}

/** Longest subject taken from the rest of a value's line. */
const SUBJECT_MAX = 1024;

/** The certificate subject printed near a thumbprint, if any. */
function subjectNear(
	text: string,
	index: TextIndex,
	start: number,
	end: number
): string | undefined {
	const rest = text.slice(end, Math.min(index.lineEnd(end), end + SUBJECT_MAX)).trim();
	if (/^(?:CN|E|O|OU)\s*=/i.test(rest)) return rest;
	return index.subjectInBlock(start, index.blockAround(start));
}

/**
 * Spans already taken by a value, disjoint and sorted by start. Each pattern's matches are disjoint
 * among themselves, so a pass checks against the earlier passes only and joins them at its end.
 */
class ClaimedSpans {
	#starts: number[] = [];
	#ends: number[] = [];
	#pass: [number, number][] = [];

	overlaps(start: number, end: number): boolean {
		const i = lastAtMost(this.#starts, end - 1);
		return i >= 0 && (this.#ends[i] as number) > start;
	}

	claim(start: number, end: number): void {
		this.#pass.push([start, end]);
	}

	/** Merges the pass into the sorted spans (no spread: a pass may hold more values than the stack). */
	endPass(): void {
		const starts: number[] = [];
		const ends: number[] = [];
		const pass = this.#pass.sort((a, b) => a[0] - b[0]);
		let i = 0;
		let j = 0;
		while (i < this.#starts.length || j < pass.length) {
			const next = pass[j];
			if (next && (i >= this.#starts.length || next[0] < (this.#starts[i] as number))) {
				starts.push(next[0]);
				ends.push(next[1]);
				j++;
			} else {
				starts.push(this.#starts[i] as number);
				ends.push(this.#ends[i] as number);
				i++;
			}
		}
		this.#starts = starts;
		this.#ends = ends;
		this.#pass = [];
	}
}

/**
 * Most values {@link readThumbprints} collects: the first ones by position are kept, so memory and
 * every listing built from them stay bounded whatever the paste holds.
 */
export const THUMBPRINT_LIMIT = 10_000;

/** The thumbprints found in a text, and whether more than {@link THUMBPRINT_LIMIT} were there. */
export interface ThumbprintsRead {
	found: FoundThumbprint[];
	truncated: boolean;
}

/** {@link readThumbprints} without the truncation flag. */
export function findThumbprints(input: string): FoundThumbprint[] {
	return readThumbprints(input).found;
}

/**
 * Finds the certificate thumbprints in pasted text (the first {@link THUMBPRINT_LIMIT} by position),
 * with their positions: PowerShell
 * `Get-ChildItem Cert:\…` tables and `Format-List`, `openssl x509 -fingerprint` (SHA-1 and SHA-256,
 * any label case), `certutil` (`Cert Hash(sha1): …`, spaced or not), the Windows certificate dialog
 * (lower case, spaces, invisible U+200E/U+200F marks), bare hex with or without colons, and
 * Key Vault's x5t (base64url). Serial numbers and key identifiers are skipped.
 * Linear in the length of the text: each value looks only at a bounded window before it.
 */
export function readThumbprints(input: string, limit = THUMBPRINT_LIMIT): ThumbprintsRead {
	const { text, originalOffset } = clean(input);
	const index = new TextIndex(text);
	const claimed = new ClaimedSpans();
	const found: FoundThumbprint[] = [];
	const inputLineStarts = lineStartsOf(input);
	const hasTableHeader = /^[ \t]*Thumbprint[ \t]+Subject\b/im.test(text);

	/** The label text before a value: its own line's, or the line above's when it stands alone. */
	const prefixOf = (start: number): { prefix: string; aloneOnLine: boolean } => {
		const lineStart = index.lineStart(start);
		const prefix = labelWindow(text, lineStart, start);
		if (prefix.trim()) return { prefix, aloneOnLine: false };
		// A value alone on its line belongs to the label on the line above (openssl -text style).
		if (lineStart === 0) return { prefix, aloneOnLine: true };
		const previous = labelWindow(text, index.lineStart(lineStart - 1), lineStart - 1);
		return { prefix: NOT_A_THUMBPRINT.test(previous) ? previous : prefix, aloneOnLine: true };
	};

	const add = (
		start: number,
		end: number,
		hex: string,
		label: Label | undefined,
		aloneOnLine: boolean,
		fallback: ThumbprintSource
	) => {
		const originalStart = originalOffset(start);
		const originalEnd = originalOffset(end - 1) + 1;
		const line = Math.max(lastAtMost(inputLineStarts, originalStart), 0);
		const algorithm: ThumbprintAlgorithm = hex.length === 64 ? 'sha256' : 'sha1';
		let source = label?.source ?? fallback;
		if (!label && hasTableHeader && aloneOnLine) source = 'powershell-table';
		const subject = subjectNear(text, index, start, end);
		claimed.claim(start, end);
		found.push({
			algorithm,
			hex,
			start: originalStart,
			end: originalEnd,
			line: line + 1,
			column: originalStart - (inputLineStarts[line] ?? 0) + 1,
			source,
			...(subject ? { subject } : {}),
		});
	};

	/**
	 * Where a pass found its value one past the limit: no value from there on can be among the first
	 * `limit`, so every pass stops there. Matches come in order, so the first `limit` values overall
	 * are all found, and a pass that got that far proves there were more.
	 */
	let cutoff = Infinity;
	const candidates = (
		pattern: RegExp,
		take: (
			value: string,
			label: Label | undefined,
			start: number,
			end: number,
			alone: boolean
		) => void
	) => {
		const before = found.length;
		for (const m of text.matchAll(pattern)) {
			const start = m.index ?? 0;
			if (start >= cutoff) break;
			const end = start + m[0].length;
			if (claimed.overlaps(start, end)) continue;
			const { prefix, aloneOnLine } = prefixOf(start);
			const label = labelBefore(prefix);
			if (label === 'excluded') continue;
			take(m[0], label, start, end, aloneOnLine);
			if (found.length - before > limit) cutoff = start;
		}
		claimed.endPass();
	};

	candidates(HEX_SEPARATED, (value, label, start, end, alone) => {
		const hex = value.replace(/[: -]/g, '').toUpperCase();
		if (hex.length === 40 || hex.length === 64) add(start, end, hex, label, alone, 'hex');
	});
	candidates(HEX_CONTIGUOUS, (value, label, start, end, alone) =>
		add(start, end, value.toUpperCase(), label, alone, 'hex')
	);
	candidates(BASE64_TOKEN, (value, label, start, end, alone) => {
		if (label?.source !== 'x5t' && !looksRandom(value)) return;
		const bytes = base64ToBytes(value);
		if (!bytes || (bytes.length !== 20 && bytes.length !== 32)) return;
		add(start, end, bytesToHex(bytes), label ?? { source: 'x5t' }, alone, 'x5t');
	});
	found.sort((a, b) => a.start - b.start);
	const truncated = found.length > limit;
	if (truncated) found.length = limit;
	return { found, truncated };
}

/**
 * Reads one thumbprint typed or pasted on its own (any of the formats {@link findThumbprints}
 * knows); undefined when the text holds none or several different ones.
 */
export function parseSingleThumbprint(
	input: string
): Pick<FoundThumbprint, 'algorithm' | 'hex'> | undefined {
	const unique = new Map(findThumbprints(input).map((t) => [t.hex, t]));
	if (unique.size !== 1) return undefined;
	const [only] = unique.values();
	return only ? { algorithm: only.algorithm, hex: only.hex } : undefined;
}
