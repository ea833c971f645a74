import { describe, expect, it } from 'vitest';
import { listRules } from '../../src/cli/commands/explain.ts';
import {
	displayWidth,
	escapeControlCharacters,
	padToColumns,
} from '../../src/core/terminal-text.ts';

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

describe('terminal columns', () => {
	it('counts wide characters as two columns', () => {
		expect(displayWidth('警告')).toBe(4);
		expect(displayWidth('エラー')).toBe(6);
		expect(displayWidth('warning')).toBe(7);
		expect(padToColumns('警告', 6)).toBe('警告  ');
	});

	it('lines up the titles of `kvcert rules` in Japanese as in English', () => {
		for (const lang of ['ja', 'en'] as const) {
			const starts = listRules(lang)
				.trimEnd()
				.split('\n')
				.map((line) => {
					const title = line.split(/ {2,}/)[3]!;
					return displayWidth(line.slice(0, line.lastIndexOf(title)));
				});
			expect(new Set(starts).size, lang).toBe(1);
		}
	});
});
