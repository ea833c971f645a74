import { createSource, lineText } from './source.ts';
import type { SuppressedDiagnostic } from './suppressions.ts';
import type { Diagnostic, Lang, Localized } from './types.ts';
import { format } from '../i18n/format.ts';

/**
 * Baselines: the findings a team has accepted for now, by fingerprint, so that only new ones fail a
 * run. A fingerprint is made of the rule, the file (from the repository root), the finding's
 * message id and data, the text it points at and the text of its line (spaces squeezed), never of
 * line numbers: a finding keeps it when lines are added above it. Identical findings in one file
 * are told apart by their order (`:1`, `:2`…). SARIF carries it as a partial fingerprint.
 */

/** The key under which SARIF `partialFingerprints` carries kvcert's fingerprint. */
export const fingerprintKey = 'kvcertFindingHash/v1';

/** Version of the baseline file format. */
export const baselineVersion = 1;

/** One accepted finding in a baseline file. */
export interface BaselineEntry {
	fingerprint: string;
	ruleId: string;
	file: string;
	/** The message when the baseline was written, for people reading the file. */
	message: string;
}

/** The baseline file (`--update-baseline` writes it, `--baseline` reads it). */
export interface BaselineFile {
	version: typeof baselineVersion;
	findings: BaselineEntry[];
}

/** cyrb53, a small well-mixed 53-bit string hash (public domain), twice with two seeds. */
function hash(text: string): string {
	const one = (seed: number) => {
		let h1 = 0xdeadbeef ^ seed;
		let h2 = 0x41c6ce57 ^ seed;
		for (let i = 0; i < text.length; i++) {
			const ch = text.charCodeAt(i);
			h1 = Math.imul(h1 ^ ch, 2654435761);
			h2 = Math.imul(h2 ^ ch, 1597334677);
		}
		h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
		h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
		return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
	};
	return one(1) + one(2);
}

/** Identifies a finding within a run (copies of it, e.g. once suppressed, share the key). */
export function diagnosticKey(d: Diagnostic): string {
	return `${d.file}\u0000${d.ruleId}\u0000${d.range.start.offset}\u0000${d.range.end.offset}\u0000${d.messageId}`;
}

/** Fingerprints by {@link diagnosticKey}. */
export type Fingerprints = Map<string, string>;

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 400);

/**
 * The fingerprints of a run's findings. `textOf` gives a file's text by the name findings use;
 * `pathOf` gives the name that goes into the fingerprint (the path from the repository root).
 */
export function fingerprintDiagnostics(
	diagnostics: Diagnostic[],
	textOf: (file: string) => string | undefined,
	pathOf: (file: string) => string = (file) => file
): Fingerprints {
	const sources = new Map<string, ReturnType<typeof createSource>>();
	const seen = new Map<string, number>();
	const result: Fingerprints = new Map();
	const ordered = [...diagnostics].sort(
		(a, b) =>
			(a.file === b.file ? 0 : a.file < b.file ? -1 : 1) ||
			a.range.start.offset - b.range.start.offset
	);
	for (const d of ordered) {
		const text = textOf(d.file);
		let source = sources.get(d.file);
		if (!source && text !== undefined) {
			source = createSource(d.file, text);
			sources.set(d.file, source);
		}
		const target = text?.slice(d.range.start.offset, d.range.end.offset) ?? '';
		const line = source ? lineText(source, d.range.start.line) : '';
		const data = Object.keys(d.data)
			.sort()
			.map((key) => `${key}=${d.data[key]}`)
			.join('\u0000');
		const base = hash(
			[d.ruleId, pathOf(d.file), d.messageId, data, squeeze(target), squeeze(line)].join('\u0001')
		);
		const count = (seen.get(base) ?? 0) + 1;
		seen.set(base, count);
		result.set(diagnosticKey(d), `${base}:${count}`);
	}
	return result;
}

/** Builds the baseline of the given findings (sorted, so that the file diffs well). */
export function buildBaseline(
	diagnostics: Diagnostic[],
	fingerprints: Fingerprints,
	pathOf: (file: string) => string = (file) => file
): BaselineFile {
	const findings = diagnostics
		.map((d) => ({
			fingerprint: fingerprints.get(diagnosticKey(d)) ?? '',
			ruleId: d.ruleId,
			file: pathOf(d.file),
			message: d.message,
		}))
		.sort(
			(a, b) =>
				(a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
				(a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
				(a.fingerprint < b.fingerprint ? -1 : 1)
		);
	return { version: baselineVersion, findings };
}

const errors = {
	notBaseline: {
		ja: 'kvcert のベースライン ファイルではありません (version が {{version}} で、findings を含む JSON が必要です)。',
		en: 'not a kvcert baseline file (version {{version}} with findings).',
	},
} satisfies Record<string, Localized>;

/** Reads a baseline file's text; a message in `lang` when it is not one. */
export function parseBaseline(
	text: string,
	lang: Lang
): { baseline: BaselineFile } | { error: string } {
	const bad = { error: format(errors.notBaseline[lang], { version: baselineVersion }) };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return bad;
	}
	const file = value as Partial<BaselineFile> | null;
	if (
		!file ||
		file.version !== baselineVersion ||
		!Array.isArray(file.findings) ||
		file.findings.some((f) => typeof f?.fingerprint !== 'string')
	)
		return bad;
	return { baseline: file as BaselineFile };
}

/**
 * Sets aside the findings whose fingerprint the baseline holds (as suppressions of kind `baseline`),
 * and keeps the others, which are new.
 */
export function applyBaseline(
	diagnostics: Diagnostic[],
	baseline: BaselineFile,
	fingerprints: Fingerprints,
	baselineName: string
): { diagnostics: Diagnostic[]; known: SuppressedDiagnostic[] } {
	const accepted = new Set(baseline.findings.map((f) => f.fingerprint));
	const kept: Diagnostic[] = [];
	const known: SuppressedDiagnostic[] = [];
	for (const d of diagnostics) {
		const fingerprint = fingerprints.get(diagnosticKey(d));
		if (fingerprint !== undefined && accepted.has(fingerprint))
			known.push({ ...d, suppression: { kind: 'baseline', justification: baselineName } });
		else kept.push(d);
	}
	return { diagnostics: kept, known };
}
