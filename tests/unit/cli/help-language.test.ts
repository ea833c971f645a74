import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as check } from '../../../src/cli/commands/check.ts';
import { run as compare } from '../../../src/cli/commands/compare.ts';
import { run as emulator } from '../../../src/cli/commands/emulator.ts';
import { run as thumbprint } from '../../../src/cli/commands/thumbprint.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const commands = { check, compare, emulator, thumbprint, 'emulator rotate': emulator };

/** What a command prints to stdout and stderr, and its exit code. */
async function capture(run: (args: string[]) => Promise<number>, args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	vi.spyOn(console, 'log').mockImplementation((text: string) => void out.push(text));
	vi.spyOn(console, 'error').mockImplementation((text: string) => void err.push(text));
	const code = await run(args);
	vi.restoreAllMocks();
	return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
});

describe('every command speaks the user’s language, help and argument errors alike', () => {
	for (const [name, run] of Object.entries(commands)) {
		const prefix = name === 'emulator rotate' ? ['rotate'] : [];
		it(`${name}: --help in Japanese and English`, async () => {
			vi.stubEnv('KVCERT_LANG', '');
			const ja = await capture(run, [...prefix, '--help', '--lang', 'ja']);
			expect(ja.code).toBe(0);
			expect(ja.stdout).toMatch(/^使い方/);
			expect(ja.stdout).not.toMatch(/Usage|Options:|\(default/);
			const en = await capture(run, [...prefix, '--help', '--lang', 'en']);
			expect(en.stdout).toMatch(/^Usage/);
			expect(en.stdout).not.toMatch(JAPANESE);
			// From the environment when --lang is not given.
			vi.stubEnv('KVCERT_LANG', 'ja');
			expect((await capture(run, [...prefix, '--help'])).stdout).toMatch(/^使い方/);
		});

		it(`${name}: an unknown option is named in the message, in Japanese and English`, async () => {
			const ja = await capture(run, [...prefix, '--colour', '--lang', 'ja']);
			expect(ja.code).toBe(2);
			expect(ja.stderr).toContain('不明なオプションです: --colour');
			expect(ja.stderr).not.toMatch(/Unknown option/);
			const en = await capture(run, [...prefix, '--colour', '--lang=en']);
			expect(en.code).toBe(2);
			expect(en.stderr).toContain('unknown option --colour');
		});
	}

	it('a missing value, a value for a flag and a stray argument are said as such', async () => {
		expect((await capture(thumbprint, ['--lang', 'ja', '--password'])).stderr).toContain(
			'--password には値を指定してください'
		);
		expect((await capture(check, ['--lang', 'en', '--quiet=yes'])).stderr).toContain(
			'-q, --quiet takes no value'
		);
		expect((await capture(compare, ['--lang', 'ja', 'stray'])).stderr).toContain(
			'余分な引数があります: stray'
		);
	});

	it('control characters in an option name are shown as stand-ins', async () => {
		const { stderr } = await capture(thumbprint, ['--lang', 'en', '--x\u001b[2J']);
		expect(stderr).toContain('unknown option --x␛[2J');
		expect(stderr).not.toContain('\u001b');
	});
});
