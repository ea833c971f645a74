import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	refusalsOf,
	scaffold,
	scaffoldFormats,
	type ScaffoldOptions,
} from '../../../src/core/scaffold/index.ts';
import { deploymentParametersSchema, deploymentTemplateSchema } from './arm-schema.ts';
import { checkable, checkGenerated, describeFindings, shown, translate } from './helpers.ts';
import { fitted, scaffoldOptions } from './options-arbitrary.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const validTemplate = ajv.compile(deploymentTemplateSchema);
const validParameters = ajv.compile(deploymentParametersSchema);

/**
 * Every output of one set of answers, in every format: checked by our own checker (no finding at
 * all, not even information, and the extension found with its settings read), ARM valid JSON of the deployment
 * shape. Returns how many formats wrote files.
 */
async function expectCleanOutputs(options: ScaffoldOptions): Promise<number> {
	let written = 0;
	for (const format of scaffoldFormats) {
		const result = scaffold(options, format, translate.en);
		const context = `${format} ${shown(options)}`;
		if (!result.ok) {
			expect(result.refusals.length, context).toBeGreaterThan(0);
			continue;
		}
		written++;
		for (const file of [...checkable(result.files), result.checkerText]) {
			const files = file === result.checkerText ? [file] : result.files;
			const checked = await checkGenerated(file, files);
			expect(checked.extensionCount, `${file.name} ${context}`).toBe(1);
			expect(checked.unreadSettings, `${file.name} ${context}`).toBe(0);
			// No finding of any severity: what "Open in the checker" shows is a clean result.
			expect(describeFindings(checked), `${file.name} ${context}`).toEqual([]);
		}
		if (format === 'arm') {
			const [template, parameters] = result.files.map((f) => JSON.parse(f.text));
			expect(validTemplate(template), `${ajv.errorsText(validTemplate.errors)} ${context}`).toBe(
				true
			);
			expect(
				validParameters(parameters),
				`${ajv.errorsText(validParameters.errors)} ${context}`
			).toBe(true);
			// Every value the parameters file gives is a parameter of the template, and every
			// parameter without a default has a value, except what is given at deployment.
			const declared = Object.keys(template.parameters);
			const given = Object.keys(parameters.parameters);
			expect(
				given.filter((p) => !declared.includes(p)),
				context
			).toEqual([]);
			const missing = declared.filter(
				(p) => template.parameters[p].defaultValue === undefined && !given.includes(p)
			);
			expect(
				missing.filter((p) => p !== 'adminPassword' && p !== 'adminPublicKey'),
				context
			).toEqual([]);
		}
	}
	return written;
}

// Each run checks up to ten texts with the real checker (tree-sitter for Bicep and Terraform):
// seconds of work on a shared machine, hence the generous time limits.
describe('the builder over the option space', () => {
	test('answers a version takes give outputs our checker passes, in every format', async () => {
		let runs = 0;
		let written = 0;
		await fc.assert(
			fc.asyncProperty(scaffoldOptions.map(fitted), async (options) => {
				runs++;
				written += await expectCleanOutputs(options);
			}),
			{ numRuns: 50 }
		);
		// Most fitted answers are writable in most formats: the property is not vacuous.
		expect(written).toBeGreaterThan(runs * 2);
	}, 300_000);

	test('any answers: outputs the checker passes, or refusals with a message in both languages', async () => {
		let refused = 0;
		await fc.assert(
			fc.asyncProperty(scaffoldOptions, async (options) => {
				const refusals = refusalsOf(options);
				if (refusals.length > 0) refused++;
				for (const refusal of refusals)
					for (const t of [translate.en, translate.ja]) {
						const message = t(`kvcert.builder.refusal.${refusal.code}`, refusal.data);
						expect(message, shown(options)).not.toMatch(/^kvcert\.|\{\{\w+\}\}/);
					}
				await expectCleanOutputs(options);
			}),
			{ numRuns: 30 }
		);
		expect(refused).toBeGreaterThan(0);
	}, 300_000);
});
