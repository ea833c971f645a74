import { describe, expect, it } from 'vitest';
import { decodeText, encodeText, encodingOf } from '../../src/core/text-encoding.ts';

// rv24b item 2: Windows PowerShell 5 writes UTF-16 LE with a BOM; read as UTF-8, a template was noise.
describe('text encodings of files', () => {
	const text = '\uFEFF{"a": "証明書 ✓"}\n';
	const le = Buffer.from(text, 'utf16le');
	const be = Buffer.from(le).swap16();

	it('reads UTF-16 LE and BE by their BOM, and writes them back byte for byte', () => {
		expect([...le.subarray(0, 2)]).toEqual([0xff, 0xfe]);
		for (const [bytes, encoding] of [
			[le, 'utf-16le'],
			[be, 'utf-16be'],
		] as const) {
			expect(encodingOf(bytes)).toBe(encoding);
			expect(decodeText(bytes)).toBe(text);
			expect(Buffer.from(encodeText(decodeText(bytes), encoding)).equals(bytes)).toBe(true);
		}
	});

	it('reads UTF-16 without a BOM by its NUL bytes', () => {
		const bare = Buffer.from('{"a": 1}', 'utf16le');
		expect(encodingOf(bare)).toBe('utf-16le');
		expect(decodeText(bare)).toBe('{"a": 1}');
		expect(decodeText(Buffer.from(bare).swap16())).toBe('{"a": 1}');
	});

	it('reads UTF-8 as before, keeping its BOM', () => {
		const utf8 = Buffer.from(text, 'utf8');
		expect(encodingOf(utf8)).toBe('utf-8');
		expect(decodeText(utf8)).toBe(utf8.toString('utf8'));
		expect(Buffer.from(encodeText(text, 'utf-8')).equals(utf8)).toBe(true);
		expect(decodeText(new Uint8Array())).toBe('');
	});
});
