/** Byte and text encodings thumbprints come in. Pure: works the same in browsers and Node. */
import { trimEnd } from '../trim-end.ts';

/** Upper-case hex of bytes, no separators. */
export function bytesToHex(bytes: Uint8Array): string {
	let hex = '';
	for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
	return hex.toUpperCase();
}

/** Bytes of an even-length hex string (no separators). */
export function hexToBytes(hex: string): Uint8Array {
	const bytes = new Uint8Array(hex.length / 2);
	for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return bytes;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard or URL-safe base64, padded or not; undefined when it is not base64. */
export function base64ToBytes(text: string): Uint8Array | undefined {
	const clean = trimEnd(text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/'), '=');
	if (!/^[A-Z0-9+/]*$/i.test(clean) || clean.length % 4 === 1) return undefined;
	const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
	let buffer = 0;
	let bits = 0;
	let index = 0;
	for (const char of clean) {
		buffer = (buffer << 6) | ALPHABET.indexOf(char);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[index++] = (buffer >> bits) & 0xff;
		}
	}
	return bytes;
}

/** URL-safe base64 without padding, as Key Vault writes `x5t`. */
export function bytesToBase64Url(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 3) {
		const chunk = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
		const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
		for (let c = 0; c < chars; c++) out += ALPHABET[(chunk >> (18 - c * 6)) & 63];
	}
	return out.replace(/\+/g, '-').replace(/\//g, '_');
}

/** Key Vault's x5t (base64url SHA-1) as upper-case hex, or undefined when it is not 20 bytes. */
export function x5tToHex(x5t: string): string | undefined {
	const bytes = base64ToBytes(x5t);
	return bytes && bytes.length === 20 ? bytesToHex(bytes) : undefined;
}

/** Bytes as a string of one character per byte (forge's "binary" strings), in linear time. */
export function bytesToLatin1(bytes: Uint8Array): string {
	let text = '';
	// apply, not spread: spreading a typed array goes through its iterator and is ~20× slower.
	for (let i = 0; i < bytes.length; i += 8192)
		text += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
	return text;
}
