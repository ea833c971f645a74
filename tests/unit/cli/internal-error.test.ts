import { afterEach, describe, expect, it, vi } from 'vitest';

// A command that fails in a way no command expects: the one top-level handler in main() must turn
// it into one line asking for a report (ja or en), exit 2, with no stack trace.
vi.mock('../../../src/cli/commands/compare.ts', () => ({
	run: async () => {
		throw new TypeError(
			'cannot read properties of undefined\n    at secret (file.ts:1:1)\u001b[2J'
		);
	},
}));
vi.mock('../../../src/cli/commands/emulator.ts', () => ({
	run: async () => {
		throw new RangeError('Maximum call stack size exceeded');
	},
}));

const { main } = await import('../../../src/cli/main.ts');

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe('the CLI top-level handler', () => {
	it('prints one English line and exits 2 for an unexpected error', async () => {
		vi.stubEnv('LANG', 'en_US.UTF-8');
		vi.stubEnv('KVCERT_LANG', '');
		const errors: string[] = [];
		vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
		expect(await main(['compare', '--vault', 'demo'])).toBe(2);
		expect(errors).toEqual([
			'kvcert: internal error in kvcert (please report): TypeError: cannot read properties of undefined',
		]);
	});

	it('answers in Japanese with --lang ja or LANG=ja_JP, and escapes control characters', async () => {
		vi.stubEnv('KVCERT_LANG', '');
		vi.stubEnv('LANG', 'ja_JP.UTF-8');
		const errors: string[] = [];
		vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
		expect(await main(['emulator'])).toBe(2);
		vi.stubEnv('LANG', 'en_US.UTF-8');
		expect(await main(['emulator', '--lang=ja'])).toBe(2);
		expect(errors).toEqual([
			'kvcert: kvcert の内部エラーです (報告してください): RangeError: Maximum call stack size exceeded',
			'kvcert: kvcert の内部エラーです (報告してください): RangeError: Maximum call stack size exceeded',
		]);
	});
});
