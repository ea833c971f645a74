/** One line of a node's label as drawn: its text, font size and vertical offset from the centre. */
export interface FittedLine {
	text: string;
	size: number;
	/** Baseline offset from the node's vertical centre, in user units. */
	dy: number;
	/** Whether this line comes from a sublabel (drawn lighter). */
	sub: boolean;
}

/** Horizontal padding kept free on each side of a label inside its box. */
const PADDING = 10;

/**
 * A generous estimate of a string's width in em: full-width (CJK, kana) 1 em, capitals 0.72,
 * other Latin letters and digits 0.62, spaces 0.3, punctuation 0.4. Generous on purpose: the
 * browser's fallback fonts (DejaVu Sans on Debian) are wider than most.
 */
export function estimateWidthEm(text: string): number {
	let em = 0;
	for (const char of text) {
		if (
			/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60]/.test(char)
		)
			em += 1;
		else if (/[A-Z]/.test(char)) em += 0.72;
		else if (/[a-z0-9]/.test(char)) em += 0.62;
		else if (char === ' ') em += 0.3;
		else em += 0.4;
	}
	return em;
}

/** Splits text into pieces that may end a line: words for Latin text, characters for Japanese. */
function breakable(text: string): string[] {
	return (
		text.match(
			/[\u3000-\u30ff\u4e00-\u9fff\uff00-\uff60]\s*|[^\s\u3001-\u30ff\u4e00-\u9fff\uff00-\uff60]+\s*|\s+/g
		) ?? [text]
	);
}

/** Greedy line breaking of one label line at a font size, within a width. */
function wrap(text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const piece of breakable(text)) {
		const next = line + piece;
		if (line && estimateWidthEm(next.trimEnd()) * size > width) {
			lines.push(line.trimEnd());
			line = piece;
		} else line = next;
	}
	if (line.trim()) lines.push(line.trimEnd());
	return lines;
}

/**
 * Lays out a node's label lines inside a w × h box: wraps each line where needed and shrinks the
 * font (down to 60 %) until the estimated text fits, so no label leaves its box in either language.
 * The first line uses `size`, further lines `subSize`.
 */
export function fitLabel(
	lines: string[],
	box: { w: number; h: number },
	size: number,
	subSize: number
): FittedLine[] {
	const width = box.w - 2 * PADDING;
	// A line's glyphs reach ASCENT above and DESCENT below its baseline (CJK fonts are tall);
	// baselines are LEADING apart. All in em.
	const ASCENT = 1.1;
	const DESCENT = 0.35;
	const LEADING = 1.25;
	const heightOf = (ls: { size: number }[]) =>
		ls.reduce((sum, l, i) => sum + (i ? LEADING * l.size : 0), 0) +
		(ASCENT + DESCENT) * (ls[0]?.size ?? 0);
	let best: { text: string; size: number; sub: boolean }[] = [];
	for (let scale = 1; scale >= 0.6; scale -= 0.05) {
		best = lines.flatMap((text, i) => {
			const s = Math.round((i === 0 ? size : subSize) * scale * 10) / 10;
			return wrap(text, s, width).map((part) => ({ text: part, size: s, sub: i > 0 }));
		});
		const widest = Math.max(...best.map((l) => estimateWidthEm(l.text) * l.size));
		if (heightOf(best) <= box.h - 6 && widest <= width) break;
	}
	let baseline = -heightOf(best) / 2 + ASCENT * (best[0]?.size ?? 0);
	return best.map((l, i) => {
		if (i) baseline += LEADING * l.size;
		return { ...l, dy: Math.round(baseline * 10) / 10 };
	});
}
