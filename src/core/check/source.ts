import type { Position, Range } from './types.ts';
import { trimEnd } from '../trim-end.ts';

/** A file as the user wrote it. Line starts are computed on first use. */
export interface SourceText {
	/** The path (or name, such as `<stdin>`) shown in diagnostics. */
	path: string;
	/** The whole text of the file. */
	raw: string;
	lineStarts?: Int32Array;
}

/** Maps an offset in a derived text (decoded JSON, an unquoted argument…) to an offset in the raw file. */
export type OffsetMap = (offset: number) => number;

/** An offset map that adds a constant. (Factories keep hot paths free of named closures.) */
export function shiftMap(base: number): OffsetMap {
	return (offset) => base + offset;
}

/** An offset map applying `inner`, then `outer`. */
export function composeMap(outer: OffsetMap, inner: OffsetMap): OffsetMap {
	return (offset) => outer(inner(offset));
}

function tableMap(offsets: number[], fallback: number): OffsetMap {
	return (offset) => offsets[Math.max(0, Math.min(offset, offsets.length - 1))] ?? fallback;
}

/** Creates a source from a path and its text. */
export function createSource(path: string, raw: string): SourceText {
	return { path, raw };
}

function lineStartsOf(source: SourceText): Int32Array {
	if (source.lineStarts) return source.lineStarts;
	const text = source.raw;
	// A typed array: a 10 MB template has half a million lines. A line ends at LF, CRLF or a lone CR.
	let starts = new Int32Array(1024);
	let count = 1;
	const push = (start: number) => {
		if (count === starts.length) {
			const grown = new Int32Array(count * 2);
			grown.set(starts);
			starts = grown;
		}
		starts[count++] = start;
	};
	if (text.indexOf('\r') === -1) {
		for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) push(i + 1);
	} else {
		for (let i = 0; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c === 10) push(i + 1);
			else if (c === 13 && text.charCodeAt(i + 1) !== 10) push(i + 1);
		}
	}
	source.lineStarts = starts.subarray(0, count);
	return source.lineStarts;
}

/** The 1-based line and UTF-16 column of a raw offset. */
export function positionAt(source: SourceText, offset: number): Position {
	const starts = lineStartsOf(source);
	const clamped = Math.max(0, Math.min(offset, source.raw.length));
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((starts[mid] ?? 0) <= clamped) low = mid;
		else high = mid - 1;
	}
	return { line: low + 1, column: clamped - (starts[low] ?? 0) + 1, offset: clamped };
}

/** The range between two raw offsets. */
export function rangeAt(source: SourceText, start: number, end: number): Range {
	return { start: positionAt(source, start), end: positionAt(source, Math.max(start, end)) };
}

/** The text of one line (1-based), without its line break. */
export function lineText(source: SourceText, line: number): string {
	const starts = lineStartsOf(source);
	const start = starts[line - 1] ?? source.raw.length;
	const next = starts[line];
	const end = next === undefined ? source.raw.length : next - 1;
	return trimEnd(source.raw.slice(start, end), '\r\n');
}

/**
 * Decodes a JSON string literal (with its quotes) and maps each decoded offset to the raw offset,
 * so that a finding inside the string can be placed exactly.
 */
export function decodeJsonString(raw: string, rawStart: number): { text: string; map: OffsetMap } {
	const body = raw.slice(1, raw.endsWith('"') && raw.length > 1 ? -1 : undefined);
	if (!body.includes('\\')) return { text: body, map: shiftMap(rawStart + 1) };
	let text = '';
	const offsets: number[] = [];
	for (let i = 0; i < body.length; i++) {
		const ch = body[i];
		offsets.push(rawStart + 1 + i);
		if (ch !== '\\' || i + 1 >= body.length) {
			text += ch;
			continue;
		}
		const next = body[i + 1];
		if (next === 'u' && /^[0-9a-f]{4}$/i.test(body.slice(i + 2, i + 6))) {
			text += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
			i += 5;
			continue;
		}
		const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
		text += simple[next ?? ''] ?? next;
		i += 1;
	}
	offsets.push(rawStart + 1 + body.length);
	return { text, map: tableMap(offsets, rawStart) };
}
