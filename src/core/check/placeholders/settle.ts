import { relatedMessages } from '../related.ts';
import type { ReportDescriptor } from '../rule.ts';
import { createDiagnostic } from '../report.ts';
import { placeholderRule } from '../rules/kv054-placeholder.ts';
import type { SourceText } from '../source.ts';
import type { Diagnostic, Lang } from '../types.ts';
import type { Placeholder, PlaceholderScan } from './scan.ts';

/** Findings about the syntax of a place: a placeholder there explains them whatever their extent. */
const syntaxRules = new Set(['KV049', 'KV050']);

/** How a placeholder is shown in a message: one line, at most 60 characters. */
function shown(placeholder: Placeholder): string {
	const line = placeholder.text.replace(/\s+/g, ' ').trim();
	return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function describe(placeholder: Placeholder, source: SourceText): ReportDescriptor {
	const at = { source, start: placeholder.start, end: placeholder.end };
	const data: Record<string, string> = { placeholder: shown(placeholder) };
	if (placeholder.unclosed) return { messageId: 'unclosed', data, at };
	if (placeholder.form === 'elision') return { messageId: 'elision', data, at };
	if (placeholder.form === 'exampleId') return { messageId: 'exampleId', data, at };
	if (placeholder.form === 'choice') {
		const [first = '', second = ''] = placeholder.text.split(' or ');
		return { messageId: 'choice', data: { ...data, first, second }, at };
	}
	// `\" <observedCert1> \"` (the 1.0 az sample): replaced alone, the spaces stay in the value.
	const before = source.raw.slice(Math.max(0, placeholder.start - 4), placeholder.start);
	const after = source.raw.slice(placeholder.end, placeholder.end + 4);
	if (placeholder.form === 'angle' && /["'] +$/.test(before) && /^ +\\?["']/.test(after))
		return { messageId: 'spaced', data, at };
	if (placeholder.role === 'keyValue') data.key = placeholder.key ?? '';
	return { messageId: placeholder.role, data, at };
}

/** The places of each placeholder text, in the order of the text (one info names them all). */
function placesByText(placeholders: Placeholder[]): Map<string, Placeholder[]> {
	const byText = new Map<string, Placeholder[]>();
	for (const p of placeholders) {
		const key = p.text.replace(/\s+/g, ' ').trim();
		const places = byText.get(key);
		if (places) places.push(p);
		else byText.set(key, [p]);
	}
	return byText;
}

/** Messages that say only "a value": a place that tells more (a vault name, a URL) is preferred. */
const generic = new Set(['value', 'keyValue']);

/**
 * One info for every place of the same placeholder: at the first place, saying what to fill in as
 * the most telling place says it, with the other places as related locations.
 */
function describePlaces(places: Placeholder[], source: SourceText): ReportDescriptor {
	const first = places[0]!;
	const telling = places.map((p) => describe(p, source));
	const chosen = telling.find((d) => !generic.has(d.messageId)) ?? telling[0]!;
	return {
		...chosen,
		at: { source, start: first.start, end: first.end },
		related: places.slice(1).map((p) => ({
			at: { source, start: p.start, end: p.end },
			message: relatedMessages.samePlaceholder,
		})),
	};
}

/** The offset of the bracket that closes the one at `open` in `text` (strings skipped). */
function closingBracket(text: string, open: number): number | undefined {
	let depth = 0;
	for (let i = open; i < text.length; i++) {
		const c = text[i]!;
		if (c === '"') {
			i++;
			while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
		} else if (c === '{' || c === '[') depth++;
		else if (c === '}' || c === ']') {
			depth--;
			if (depth === 0) return i;
		}
	}
	return undefined;
}

/** The object or array a finding points at: at its bracket, or at the key written before it. */
function openerAt(text: string, start: number): number | undefined {
	let i = start;
	if (text[i] === '"') {
		i++;
		while (i < text.length && text[i] !== '"' && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
		i++;
		while (/\s/.test(text[i] ?? '')) i++;
		if (text[i] !== ':') return undefined;
		i++;
		while (/\s/.test(text[i] ?? '')) i++;
	}
	return text[i] === '{' || text[i] === '[' ? i : undefined;
}

/**
 * Whether a finding is caused by a placeholder alone: it lies within the placeholder (with its
 * quotes, or its key for a bare value), it is a syntax finding starting in one, or it concerns an
 * object or array part of which a `...` leaves out (what is hidden is unknown, not missing).
 */
function causedByPlaceholder(
	diagnostic: Diagnostic,
	placeholders: Placeholder[],
	text: string
): boolean {
	const start = diagnostic.range.start.offset;
	const end = diagnostic.range.end.offset;
	for (const p of placeholders) {
		if (p.form === 'elision') continue;
		if (start >= p.span.start && end <= p.span.end) return true;
		if (syntaxRules.has(diagnostic.ruleId) && start >= p.start && start < p.end) return true;
	}
	const open = openerAt(text, start);
	if (open === undefined) return false;
	const close = closingBracket(text, open);
	if (close === undefined) return false;
	return placeholders.some((p) => p.form === 'elision' && p.start > open && p.end <= close);
}

/**
 * Replaces the errors and warnings that only placeholders cause with one info per placeholder text
 * saying what to fill in (its other places as related locations). `text` is the text the rules read (masked for JSON).
 */
export function settlePlaceholders(
	diagnostics: Diagnostic[],
	scan: PlaceholderScan,
	source: SourceText,
	text: string,
	lang: Lang
): Diagnostic[] {
	if (scan.placeholders.length === 0) return diagnostics;
	const kept = diagnostics.filter(
		(d) =>
			d.file !== source.path ||
			d.severity === 'info' ||
			!causedByPlaceholder(d, scan.placeholders, text)
	);
	const infos = [...placesByText(scan.placeholders).values()].map((places) =>
		createDiagnostic(placeholderRule, describePlaces(places, source), lang)
	);
	return [...kept, ...infos];
}
