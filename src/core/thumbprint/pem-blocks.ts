/** Finds PEM blocks in text in one pass (a file of repeated BEGIN lines stays linear). */

/** One `-----BEGIN <label>-----` … `-----END <label>-----` block. */
export interface PemBlock {
	label: string;
	/** The base64 text between the lines. */
	body: string;
}

const BEGIN = '-----BEGIN ';
const END = '-----END ';
const DASHES = '-----';

/** The label after `marker` at `at`, closed by dashes on the same line within 64 characters. */
function labelAt(
	text: string,
	at: number,
	marker: string
): { label: string; end: number } | undefined {
	const start = at + marker.length;
	const line = text.slice(start, start + 64 + DASHES.length);
	const close = line.indexOf(DASHES);
	if (close === -1 || /[\r\n]/.test(line.slice(0, close))) return undefined;
	return { label: line.slice(0, close), end: start + close + DASHES.length };
}

/**
 * Every complete PEM block in `text`, in order. A BEGIN line with no END line before the next
 * BEGIN is skipped. Each character is looked at a bounded number of times.
 */
export function findPemBlocks(text: string): PemBlock[] {
	const blocks: PemBlock[] = [];
	let position = 0;
	for (;;) {
		let begin = text.indexOf(BEGIN, position);
		if (begin === -1) break;
		const end = text.indexOf(END, begin);
		if (end === -1) break;
		// The block is the last BEGIN before this END: earlier ones never ended.
		for (let next = text.indexOf(BEGIN, begin + 1); next !== -1 && next < end;)
			[begin, next] = [next, text.indexOf(BEGIN, next + 1)];
		const beginLabel = labelAt(text, begin, BEGIN);
		const endLabel = labelAt(text, end, END);
		if (beginLabel && endLabel && beginLabel.label === endLabel.label)
			blocks.push({ label: beginLabel.label, body: text.slice(beginLabel.end, end) });
		position = endLabel ? endLabel.end : end + END.length;
	}
	return blocks;
}
