import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/check/config.ts';

const schema = JSON.parse(
	readFileSync(new URL('../../../schemas/kvcert.config.schema.json', import.meta.url), 'utf8')
);
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

describe('kvcert.config.json', () => {
	const good = `{
  // comments and trailing commas, as in any JSONC file
  "$schema": "./node_modules/kvcert/schemas/kvcert.config.schema.json",
  "rules": { "KV015": "off", "polling-interval-range": "info", },
  "ignores": ["legacy/", "**/*.generated.json"],
  "lang": "ja",
  "failOn": "warning",
  "maxWarnings": 0,
  "docsUrl": "https://docs.example.test",
}`;

	it('reads every setting, rules by id or by name', () => {
		const { config, errors } = parseConfig(good, 'en');
		expect(errors).toEqual([]);
		expect([...config.rules]).toEqual([
			['KV015', 'off'],
			['KV011', 'info'],
		]);
		expect(config).toMatchObject({
			ignores: ['legacy/', '**/*.generated.json'],
			lang: 'ja',
			failOn: 'warning',
			maxWarnings: 0,
			docsUrl: 'https://docs.example.test',
		});
	});

	it('names each mistake with its line and column, in ja and en', () => {
		const bad =
			'{\n  "rules": { "KV999": "off", "KV015": "loud" },\n  "colour": true,\n  "maxWarnings": -1\n}';
		expect(parseConfig(bad, 'en').errors).toEqual([
			{ line: 2, column: 14, message: 'there is no rule "KV999" (kvcert rules lists them).' },
			{
				line: 2,
				column: 39,
				message: 'invalid value for "rules.KV015" (one of off, info, warning, error).',
			},
			{
				line: 3,
				column: 3,
				message:
					'unknown setting "colour" (known: $schema, rules, ignores, lang, failOn, maxWarnings, docsUrl).',
			},
			{ line: 4, column: 18, message: '"maxWarnings" must be a whole number, 0 or more.' },
		]);
		expect(parseConfig(bad, 'ja').errors[2]!.message).toBe(
			'"colour" という設定項目はありません (使える項目: $schema, rules, ignores, lang, failOn, maxWarnings, docsUrl)。'
		);
		expect(parseConfig('{ "rules": ', 'en').errors[0]!.message).toMatch(/^not valid JSON/);
		expect(parseConfig('[]', 'en').errors[0]!.message).toBe(
			'the config must be an object ({ … }).'
		);
	});

	it('agrees with the JSON schema shipped in the package', () => {
		const withoutComments = parse(good, [], { allowTrailingComma: true });
		expect(validate(withoutComments), JSON.stringify(validate.errors)).toBe(true);
		for (const bad of [
			{ rules: { KV015: 'loud' } },
			{ colour: true },
			{ maxWarnings: -1 },
			{ lang: 'fr' },
			{ failOn: 'fatal' },
			{ docsUrl: 'docs' },
			{ ignores: [1] },
		]) {
			expect(validate(bad), JSON.stringify(bad)).toBe(false);
			expect(
				parseConfig(JSON.stringify(bad), 'en').errors.length,
				JSON.stringify(bad)
			).toBeGreaterThan(0);
		}
		expect(Object.keys(schema.properties).sort()).toEqual(
			['$schema', 'rules', 'ignores', 'lang', 'failOn', 'maxWarnings', 'docsUrl'].sort()
		);
	});
});
