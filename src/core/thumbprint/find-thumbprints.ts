import { base64ToBytes, bytesToHex } from './encoding.ts';
import type { FoundThumbprint, ThumbprintAlgorithm, ThumbprintSource } from './types.ts';

/**
 * Invisible characters that copy-paste carries into thumbprints: the Windows certificate dialog
 * starts its Thumbprint field with U+200E; RTL text adds U+200F and bidi controls; some editors add
 * zero-width spaces, word joiners, soft hyphens and a BOM. research/keyvault-sdk.md §5.4.
 */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;
/** Spaces that look like spaces (no-break, en/em, ideographic…) are read as one. */
const SPACE_LIKE = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;

interface Cleaned {
	text: string;
	/** Original offset of each cleaned character, plus one past the end. */
	offsets: number[];
}

/** Removes invisible marks and turns exotic spaces into plain ones, remembering original offsets. */
function clean(input: string): Cleaned {
	let text = '';
	const offsets: number[] = [];
	for (let i = 0; i < input.length; i++) {
		const char = input[i] as string;
		if (INVISIBLE.test(char)) continue;
		text += SPACE_LIKE.test(char) ? ' ' : char;
		offsets.push(i);
	}
	offsets.push(input.length);
	return { text, offsets };
}

/** Labels in front of values that are hex but not thumbprints. */
const NOT_A_THUMBPRINT =
	/(serial\s*(number)?|key\s*id(entifier)?(\s*hash)?(\([^)]*\))?|keyid|signature(\s*hash)?|public\s*key|md5|cert\s*hash\(md5\))\s*[:=]?\s*$/i;

interface Label {
	source: ThumbprintSource;
	algorithm?: ThumbprintAlgorithm;
}

/** Recognises the tool from the text just before a value on the same line. */
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

const HEX_SEPARATED =
	/[0-9A-Fa-f]{2}([: -])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){18,30}(?![0-9A-Fa-f])/g;
const HEX_CONTIGUOUS = /(?<![0-9A-Za-z])(?:[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40})(?![0-9A-Za-z])/g;
const BASE64_TOKEN =
	/(?<![A-Za-z0-9_+/=-])(?:[A-Za-z0-9_-]{27}|[A-Za-z0-9+/]{27}=|[A-Za-z0-9_-]{43}|[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9_+/=-])/g;

/** A bare base64 token only counts when it looks like random bytes, not like a word. */
function looksRandom(token: string): boolean {
	return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9_+/-]/.test(token);
}

/** Splits text into blocks: blank lines and certutil's `==== Certificate N ====` rulers end one. */
function blockAround(text: string, index: number): { start: number; end: number } {
	const boundary = /\n[ \t]*\r?\n|\n=+ ?Certificate \d+ ?=+[^\n]*/g;
	let start = 0;
	let end = text.length;
	for (const m of text.matchAll(boundary)) {
		const at = m.index ?? 0;
		if (at + m[0].length <= index) start = at + m[0].length;
		else if (at >= index) {
			end = at;
			break;
		}
	}
	return { start, end };
}

/** The certificate subject printed near a thumbprint, if any. */
function subjectNear(
	text: string,
	start: number,
	end: number,
	lineEnd: number
): string | undefined {
	const rest = text.slice(end, lineEnd).trim();
	if (/^(CN|E|O|OU)\s*=/i.test(rest)) return rest;
	const block = blockAround(text, start);
	const subjects = [
		...text.slice(block.start, block.end).matchAll(/^[ \t]*subject\s*[:=][ \t]*(.+?)[ \t]*$/gim),
	].map((m) => ({ at: block.start + (m.index ?? 0), value: m[1] ?? '' }));
	if (!subjects.length) return undefined;
	if (subjects.length === 1) return subjects[0]?.value;
	const before = subjects.filter((s) => s.at < start);
	return (before.at(-1) ?? subjects[0])?.value;
}

/**
 * Finds every certificate thumbprint in pasted text, with its position: PowerShell
 * `Get-ChildItem Cert:\…` tables and `Format-List`, `openssl x509 -fingerprint` (SHA-1 and SHA-256,
 * any label case), `certutil` (`Cert Hash(sha1): …`, spaced or not), the Windows certificate dialog
 * (lower case, spaces, invisible U+200E/U+200F marks), bare hex with or without colons, and
 * Key Vault's x5t (base64url). Serial numbers and key identifiers are skipped.
 */
export function findThumbprints(input: string): FoundThumbprint[] {
	const { text, offsets } = clean(input);
	const claimed: [number, number][] = [];
	const found: FoundThumbprint[] = [];
	const overlaps = (s: number, e: number) => claimed.some(([a, b]) => s < b && e > a);
	const lineStarts = [0, ...[...input.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
	const hasTableHeader = /^[ \t]*Thumbprint[ \t]+Subject\b/im.test(text);

	const add = (
		start: number,
		end: number,
		hex: string,
		label: Label | undefined,
		fallback: ThumbprintSource
	) => {
		const lineStart = text.lastIndexOf('\n', start - 1) + 1;
		const lineEndAt = text.indexOf('\n', end);
		const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
		const originalStart = offsets[start] ?? 0;
		const originalEnd = (offsets[end - 1] ?? 0) + 1;
		let line = 0;
		while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? Infinity) <= originalStart)
			line++;
		const algorithm: ThumbprintAlgorithm = hex.length === 64 ? 'sha256' : 'sha1';
		let source = label?.source ?? fallback;
		if (!label && hasTableHeader && text.slice(lineStart, start).trim() === '')
			source = 'powershell-table';
		const subject = subjectNear(text, start, end, lineEnd);
		claimed.push([start, end]);
		found.push({
			algorithm,
			hex,
			start: originalStart,
			end: originalEnd,
			line: line + 1,
			column: originalStart - (lineStarts[line] ?? 0) + 1,
			source,
			...(subject ? { subject } : {}),
		});
	};

	const prefixOf = (start: number) => {
		const lineStart = text.lastIndexOf('\n', start - 1) + 1;
		const prefix = text.slice(lineStart, start);
		if (prefix.trim()) return prefix;
		// A value alone on its line belongs to the label on the line above (openssl -text style).
		const previousEnd = Math.max(lineStart - 1, 0);
		const previousStart = text.lastIndexOf('\n', previousEnd - 1) + 1;
		const previous = text.slice(previousStart, previousEnd).replace(/\r$/, '');
		return NOT_A_THUMBPRINT.test(previous) ? previous : prefix;
	};

	for (const m of text.matchAll(HEX_SEPARATED)) {
		const start = m.index ?? 0;
		const end = start + m[0].length;
		const hex = m[0].replace(/[: -]/g, '').toUpperCase();
		if (hex.length !== 40 && hex.length !== 64) continue;
		const label = labelBefore(prefixOf(start));
		if (label === 'excluded' || overlaps(start, end)) continue;
		add(start, end, hex, label, 'hex');
	}
	for (const m of text.matchAll(HEX_CONTIGUOUS)) {
		const start = m.index ?? 0;
		const end = start + m[0].length;
		const label = labelBefore(prefixOf(start));
		if (label === 'excluded' || overlaps(start, end)) continue;
		add(start, end, m[0].toUpperCase(), label, 'hex');
	}
	for (const m of text.matchAll(BASE64_TOKEN)) {
		const start = m.index ?? 0;
		const end = start + m[0].length;
		const label = labelBefore(prefixOf(start));
		if (label === 'excluded' || overlaps(start, end)) continue;
		if (label?.source !== 'x5t' && !looksRandom(m[0])) continue;
		const bytes = base64ToBytes(m[0]);
		if (!bytes || (bytes.length !== 20 && bytes.length !== 32)) continue;
		add(start, end, bytesToHex(bytes), label ?? { source: 'x5t' }, 'x5t');
	}
	return found.sort((a, b) => a.start - b.start);
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
