import { describe, expect, it, vi } from 'vitest';
import {
	DEFAULT_MAX_INPUT_BYTES,
	InputError,
	describeInputError,
	formatSize,
	maxInputBytes,
} from '../../../src/cli/read-input.ts';

describe('maxInputBytes', () => {
	it('reads the option, else KVCERT_MAX_INPUT_SIZE, else 32 MB', () => {
		vi.stubEnv('KVCERT_MAX_INPUT_SIZE', '');
		expect(maxInputBytes()).toBe(32 * 1024 * 1024);
		expect(DEFAULT_MAX_INPUT_BYTES).toBe(33_554_432);
		vi.stubEnv('KVCERT_MAX_INPUT_SIZE', '64MB');
		expect(maxInputBytes()).toBe(64 * 1024 * 1024);
		expect(maxInputBytes('1000')).toBe(1000);
		for (const [text, bytes] of [
			['512k', 512 * 1024],
			['1.5M', 1.5 * 1024 * 1024],
			['2 GiB', 2 * 1024 ** 3],
			['10B', 10],
		] as const)
			expect(maxInputBytes(text), text).toBe(bytes);
		vi.unstubAllEnvs();
	});

	it('refuses what is not a size, in both languages', () => {
		for (const text of ['0', '-1', 'lots', '5 TB', '1e9', '0.0001K'])
			expect(() => maxInputBytes(text), text).toThrow(InputError);
		const error = new InputError('bad-limit', 'lots');
		expect(describeInputError(error, 'en')).toBe(
			'kvcert: invalid input size limit "lots" (--max-input-size or KVCERT_MAX_INPUT_SIZE); give bytes or a size such as 64MB.'
		);
		expect(describeInputError(error, 'ja', 'kvcert check')).toBe(
			'kvcert check: 入力サイズの上限 "lots" (--max-input-size または KVCERT_MAX_INPUT_SIZE) が正しくありません。バイト数か、64MB のようなサイズを指定してください。'
		);
	});

	it('formats sizes as people read them', () => {
		expect([formatSize(100), formatSize(1536), formatSize(40 * 1024 * 1024)]).toEqual([
			'100 B',
			'1.5 KB',
			'40 MB',
		]);
	});
});
