import { describe, expect, it } from 'vitest';
import { parseCheckOptions } from '../../../src/cli/commands/check-options.ts';
import { resolveDocsBase } from '../../../src/cli/docs-base.ts';
import { checkArguments, failureReason, splitPaths } from '../../../src/cli/action.ts';

describe('kvcert check options', () => {
	it('leaves what a config may set undefined unless given', () => {
		expect(parseCheckOptions(['a.json'], 'en')).toEqual({
			kind: 'run',
			options: {
				paths: ['a.json'],
				format: 'text',
				fix: false,
				quiet: false,
				verbose: false,
				noColor: false,
				updateBaseline: false,
			},
		});
		const all = parseCheckOptions(
			[
				'.',
				'--format',
				'junit',
				'--lang',
				'ja',
				'--fail-on',
				'warning',
				'--max-warnings',
				'3',
				'--config',
				'c.json',
				'--baseline',
				'b.json',
				'--update-baseline',
				'--docs-url',
				'https://d.test',
				'-v',
				'--output',
				'o.xml',
			],
			'en'
		);
		expect(all).toMatchObject({
			kind: 'run',
			options: {
				format: 'junit',
				lang: 'ja',
				failOn: 'warning',
				maxWarnings: 3,
				config: 'c.json',
				baseline: 'b.json',
				updateBaseline: true,
				docsUrl: 'https://d.test',
				verbose: true,
				output: 'o.xml',
			},
		});
	});

	it('refuses bad values, in the language asked for', () => {
		expect(parseCheckOptions(['a.json', '--format', 'xml'], 'en')).toEqual({
			kind: 'error',
			messages: [
				'kvcert check: invalid value "xml" for --format (allowed: text, json, sarif, github, junit).',
			],
		});
		expect(parseCheckOptions(['a.json', '--docs-url', 'docs'], 'ja')).toMatchObject({
			kind: 'error',
			messages: ['kvcert check: --docs-url に "docs" は指定できません (指定できる値: https://…)。'],
		});
		expect(parseCheckOptions([], 'en')).toMatchObject({ kind: 'error' });
		expect(parseCheckOptions(['-', '--fix'], 'en')).toMatchObject({ kind: 'error' });
		expect(parseCheckOptions(['--help', '--lang', 'ja'], 'en')).toEqual({
			kind: 'help',
			lang: 'ja',
		});
	});

	it('takes the docs address from the option, the environment, the config, or a site homepage only', () => {
		expect(resolveDocsBase('https://a.test', 'https://b.test', 'https://c.test', undefined)).toBe(
			'https://a.test'
		);
		expect(resolveDocsBase(undefined, 'https://b.test', 'https://c.test', undefined)).toBe(
			'https://b.test'
		);
		expect(resolveDocsBase(undefined, '', 'https://c.test', undefined)).toBe('https://c.test');
		expect(resolveDocsBase(undefined, undefined, undefined, 'https://kvcert.example.org')).toBe(
			'https://kvcert.example.org'
		);
		// A repository page is no docs site: reports then name `kvcert explain`.
		expect(
			resolveDocsBase(undefined, undefined, undefined, 'https://github.com/kvcert/kvcert#readme')
		).toBeUndefined();
	});
});

describe('the Action inputs', () => {
	it('splits paths: one per line (spaces kept), or words on one line (quotes kept)', () => {
		expect(splitPaths('infra/web app/kv settings.json\n  deploy/*.sh  \n\n')).toEqual([
			'infra/web app/kv settings.json',
			'deploy/*.sh',
		]);
		expect(splitPaths('infra/**/*.json "web app/a.json" deploy')).toEqual([
			'infra/**/*.json',
			'web app/a.json',
			'deploy',
		]);
	});

	it('turns inputs into kvcert check arguments, with a report file for sarif, junit and json', () => {
		expect(
			checkArguments({
				INPUT_PATHS: 'infra',
				INPUT_FORMAT: 'junit',
				'INPUT_FAIL-ON': 'warning',
				'INPUT_MAX-WARNINGS': '0',
				INPUT_CONFIG: 'ci/kvcert.config.json',
			})
		).toEqual({
			args: [
				'infra',
				'--format',
				'junit',
				'--fail-on',
				'warning',
				'--max-warnings',
				'0',
				'--config',
				'ci/kvcert.config.json',
				'--output',
				'kvcert.xml',
			],
			format: 'junit',
			output: 'kvcert.xml',
		});
		expect(
			checkArguments({ INPUT_PATHS: 'a.json', INPUT_FORMAT: 'github' }).output
		).toBeUndefined();
	});

	it('says why a run failed', () => {
		expect(failureReason(0, undefined, 'en')).toBeUndefined();
		expect(
			failureReason(1, { failOn: 'error', failing: 1, warnings: 0, maxWarnings: undefined }, 'en')
		).toBe(
			'kvcert check: 1 finding at or above error (fail-on: error); the report in the step log lists it.'
		);
		expect(
			failureReason(1, { failOn: 'error', failing: 0, warnings: 4, maxWarnings: 2 }, 'ja')
		).toBe('kvcert check: 警告が 4 件あり、max-warnings の 2 件を超えています。');
		expect(failureReason(2, undefined, 'en')).toMatch(/^kvcert check could not run \(exit code 2/);
	});
});
