/**
 * Text from users' files made safe to print on a terminal: control characters (ESC, BEL, CR,
 * backspace, C1 controls such as CSI, bidirectional overrides) become visible stand-ins, so a
 * crafted file cannot move the cursor, recolour, retitle or rewrite what the terminal shows.
 */

// C0 controls, DEL, C1 controls, and the bidirectional embedding/override/isolate characters.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Options of {@link escapeControlCharacters}. */
export interface EscapeOptions {
	/** Keep line feeds (for multi-line output whose line breaks are the formatter's own). @default false */
	keepLineFeeds?: boolean;
}

/**
 * Replaces each control character by one visible character of the same width, so carets under a
 * source line stay aligned: C0 controls and DEL by their Unicode control pictures (ESC → ␛,
 * CR → ␍, BEL → ␇), C1 and bidirectional controls by U+FFFD. Tabs are kept.
 */
export function escapeControlCharacters(text: string, options: EscapeOptions = {}): string {
	return text.replace(UNSAFE, (char) => {
		if (char === '\t' || (char === '\n' && options.keepLineFeeds)) return char;
		const code = char.charCodeAt(0);
		if (code < 0x20) return String.fromCharCode(0x2400 + code);
		if (code === 0x7f) return '\u2421';
		return '\ufffd';
	});
}

// East Asian wide and fullwidth characters take two terminal columns (UAX #11, the common ranges).
const wide =
	/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** How many terminal columns `text` takes: two for each wide character ("警告" is 4), one otherwise. */
export function displayWidth(text: string): number {
	let columns = 0;
	for (const char of text) columns += wide.test(char) ? 2 : 1;
	return columns;
}

/** `text` padded with spaces to `columns` terminal columns, so Japanese columns line up too. */
export function padToColumns(text: string, columns: number): string {
	return text + ' '.repeat(Math.max(0, columns - displayWidth(text)));
}
