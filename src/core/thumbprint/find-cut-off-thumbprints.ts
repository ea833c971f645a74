/** A run of hex digits that is too short to be a thumbprint: probably cut off when copied. */
export interface CutOffThumbprint {
	/** Hex digits found (separators not counted). */
	digits: number;
	/** What a whole thumbprint has: 40 (SHA-1) or 64 (SHA-256). */
	expected: 40 | 64;
	/** 1-based line of the run in the pasted text. */
	line: number;
}

/** Hex runs: contiguous, or pairs all separated by the same `:`, space or `-`. */
const HEX_RUN =
	/(?<![0-9A-Z:-])(?:[0-9A-F]{2}([: -])[0-9A-F]{2}(?:\1[0-9A-F]{2})*|[0-9A-F]+)(?![0-9A-Z])/gi;

/**
 * Finds hex runs of 20–39 or 41–63 digits that contain both a digit and a letter A–F: too long for a
 * word or a number, too short for a SHA-1 (40) or SHA-256 (64) thumbprint. Meant for text in which
 * findThumbprints found nothing, to say "this looks like a cut-off thumbprint".
 */
export function findCutOffThumbprints(text: string): CutOffThumbprint[] {
	const found: CutOffThumbprint[] = [];
	for (const m of text.slice(0, 1_000_000).matchAll(HEX_RUN)) {
		const hex = m[0].replace(/[: -]/g, '');
		const digits = hex.length;
		if (digits < 20 || digits >= 64 || digits === 40) continue;
		if (!/\d/.test(hex) || !/[A-F]/i.test(hex)) continue;
		const line = text.slice(0, m.index ?? 0).split('\n').length;
		found.push({ digits, expected: digits < 40 ? 40 : 64, line });
	}
	return found;
}
