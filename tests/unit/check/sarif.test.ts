import { readFileSync } from 'node:fs';
import Ajv from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { buildSarif } from '../../../src/core/check/format/sarif.ts';
import { extension, marked } from './helpers.ts';

// The schema lives outside the repository, in the shared folder beside it.
const schemaUrl = new URL('../../../../shared/data/sarif-schema-2.1.0.json', import.meta.url);

describe('SARIF output', () => {
	const schema = JSON.parse(readFileSync(schemaUrl, 'utf8'));
	const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
	const validate = ajv.compile(schema);
	const input = marked(
		extension({
			version: '"4.0"',
			observed:
				'[ "https://kv.vault.azure.net/⟦certificates⟧/web/0123456789abcdef0123456789abcdef" ]',
			polling: '3600',
		})
	);
	const result = checkSync(input.text, { path: 'infra/vm.json' });

	it('validates against the SARIF 2.1.0 schema', () => {
		const sarif = buildSarif([result], {
			lang: 'ja',
			toolVersion: '0.1.0',
			rootUri: 'file:///work/repo/',
		});
		const valid = validate(sarif);
		expect(validate.errors ?? []).toEqual([]);
		expect(valid).toBe(true);
	});

	it('declares utf16 columns on the run and carries regions and fixes', () => {
		const sarif = buildSarif([result], { lang: 'en', toolVersion: '0.1.0' }) as {
			runs: Array<{
				columnKind: string;
				results: Array<Record<string, unknown>>;
				tool: { driver: { rules: unknown[] } };
			}>;
		};
		const run = sarif.runs[0]!;
		expect(run.columnKind).toBe('utf16CodeUnits');
		expect(run.tool.driver.rules.length).toBeGreaterThanOrEqual(45);
		const kv015 = run.results.find((r) => r['ruleId'] === 'KV015') as {
			locations: Array<{ physicalLocation: { region: unknown } }>;
			fixes: Array<{
				artifactChanges: Array<{ replacements: Array<{ insertedContent: { text: string } }> }>;
			}>;
		};
		expect(kv015.locations[0]!.physicalLocation.region).toEqual({
			startLine: input.start.line,
			startColumn: input.start.column,
			endLine: input.end.line,
			endColumn: input.end.column,
		});
		expect(kv015.fixes[0]!.artifactChanges[0]!.replacements[0]!.insertedContent.text).toBe(
			'secrets'
		);
		expect(validate(sarif)).toBe(true);
	});
});
