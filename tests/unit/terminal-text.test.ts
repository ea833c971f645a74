import { describe, expect, it } from 'vitest';
import { escapeControlCharacters } from '../../src/core/terminal-text.ts';

describe('escapeControlCharacters', () => {
	it('replaces ESC, BEL, CR, backspace, DEL, C1 and bidi controls with one visible character each', () => {
		const hostile = 'a\u001b]0;title\u0007b\rc\bd\u007fe\u009b2Jf\u202eg\u0000';
		const safe = escapeControlCharacters(hostile);
		expect(safe).toBe('a␛]0;title␇b␍c␈d␡e\ufffd2Jf\ufffdg␀');
		expect(safe.length).toBe(hostile.length);
	});

	it('keeps tabs, and line feeds only when asked', () => {
		expect(escapeControlCharacters('a\tb\nc')).toBe('a\tb␊c');
		expect(escapeControlCharacters('a\tb\nc', { keepLineFeeds: true })).toBe('a\tb\nc');
		expect(escapeControlCharacters('日本語 ✓ テキスト')).toBe('日本語 ✓ テキスト');
	});
});
