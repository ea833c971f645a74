/** The encodings kvcert reads a file in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a file's bytes: UTF-8, unless the file is UTF-16. Windows PowerShell 5's `>` and
 * `Out-File` write UTF-16 LE with a byte order mark, and Azure PowerShell reads such templates, so
 * a checker that read them as UTF-8 would see only noise and let them pass. UTF-16 is told by its
 * BOM, or without one by a NUL byte beside each of the first two characters (UTF-8 text holds no NUL).
 */
export function encodingOf(bytes: Uint8Array): TextEncodingName {
	const [b0, b1, b2, b3] = bytes;
	if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
	if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
	if (bytes.length >= 4 && b0 && !b1 && b2 && !b3) return 'utf-16le';
	if (bytes.length >= 4 && !b0 && b1 && !b2 && b3) return 'utf-16be';
	return 'utf-8';
}

/**
 * The text of a file's bytes in {@link encodingOf}'s encoding. A BOM stays in the text as U+FEFF
 * (the readers skip it), so that {@link encodeText} writes a fixed file back as it was.
 */
export function decodeText(bytes: Uint8Array): string {
	return new TextDecoder(encodingOf(bytes), { ignoreBOM: true }).decode(bytes);
}

/** The bytes of `text` in `encoding` (the one the file was read in). */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
	if (encoding === 'utf-8') return new TextEncoder().encode(text);
	const bytes = new Uint8Array(text.length * 2);
	const high = encoding === 'utf-16be' ? 0 : 1;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		bytes[2 * i + high] = unit >> 8;
		bytes[2 * i + 1 - high] = unit & 0xff;
	}
	return bytes;
}
