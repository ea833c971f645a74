import { describe, expect, test } from 'vitest';
import {
	defaultOptions,
	scaffold,
	scaffoldFormats,
	type ScaffoldFormat,
	type ScaffoldOptions,
} from '../../../src/core/scaffold/index.ts';
import type { GeneratedFile } from '../../../src/core/scaffold/text.ts';
import { checkGenerated, describeFindings, subnetId, translate, userIdentity } from './helpers.ts';

const written = (options: ScaffoldOptions, format: ScaffoldFormat) => {
	const result = scaffold(options, format, translate.en);
	if (!result.ok) throw new Error(JSON.stringify(result.refusals));
	return result;
};

/** The polling interval written as a number, in each format's own syntax (research §5 P1). */
const numericPolling: Record<string, [RegExp, string]> = {
	'azuredeploy.json': [/"pollingIntervalInS": "3600"/, '"pollingIntervalInS": 3600'],
	'settings.json': [/"pollingIntervalInS": "3600"/, '"pollingIntervalInS": 3600'],
	'main.bicep': [/pollingIntervalInS: '3600'/, 'pollingIntervalInS: 3600'],
	'main.tf': [/pollingIntervalInS(\s+)= "3600"/, 'pollingIntervalInS$1= 3600'],
	'deploy.ps1': [/pollingIntervalInS = '3600'/, 'pollingIntervalInS = 3600'],
};

describe('the checker reads what the builder writes', () => {
	// A clean check proves little unless the checker sees the settings: the same output with one
	// known mistake must be reported.
	test.each(
		scaffoldFormats.flatMap((format) =>
			(['windows', 'linux'] as const).map((os): [ScaffoldFormat, 'windows' | 'linux'] => [
				format,
				os,
			])
		)
	)('%s (%s): a numeric polling interval put into the output is reported', async (format, os) => {
		const result = written(defaultOptions(os), format);
		const target = format === 'azcli' ? 'settings.json' : result.files[0]!.name;
		const [pattern, replacement] = numericPolling[target]!;
		const files: GeneratedFile[] = result.files.map((f) =>
			f.name === target ? { ...f, text: f.text.replace(pattern, replacement) } : f
		);
		expect(files.find((f) => f.name === target)!.text).not.toBe(
			result.files.find((f) => f.name === target)!.text
		);
		const checked = await checkGenerated(files[0]!, files);
		expect(checked.diagnostics.map((d) => d.ruleId)).toContain('KV010');
	});

	test('az CLI: what "Open in the checker" hands over carries the settings file inline', () => {
		const result = written(defaultOptions('linux'), 'azcli');
		const settings = result.files.find((f) => f.name === 'settings.json')!.text.trimEnd();
		expect(result.files[0]!.text).toContain('--settings @settings.json');
		expect(result.checkerText.text).toContain(`--settings '${settings}'`);
		expect(result.checkerText.text).not.toContain('@settings.json');
	});
});

// The checker reports every part of a Bicep or Terraform file its tree-sitter grammar cannot parse
// (KV051), so a check with no finding at all is also a clean parse.
describe('Bicep and Terraform outputs parse without error in the grammars the project ships', () => {
	const combinations: ScaffoldOptions[] = (['windows', 'linux'] as const).flatMap((os) =>
		(['vm', 'vmss-uniform', 'vmss-flexible', 'arc'] as const).flatMap((target) =>
			(['existing', 'new'] as const).flatMap((machine) =>
				[{ kind: 'system' } as const, userIdentity].flatMap((identity) =>
					(['role', 'policy', 'none'] as const).map((access): ScaffoldOptions => ({
						...defaultOptions(os),
						target,
						machine,
						identity,
						access,
						machineName: 'web',
						subnetId,
						form: machine === 'new' && target !== 'vm' ? 'nested' : 'child',
					}))
				)
			)
		)
	);

	test.each(['bicep', 'terraform'] as const)('%s', async (format) => {
		let checked = 0;
		for (const options of combinations) {
			const result = scaffold(options, format, translate.ja);
			if (!result.ok) continue;
			const file = result.files[0]!;
			const findings = describeFindings(await checkGenerated(file, result.files));
			expect(findings, JSON.stringify(options)).toEqual([]);
			checked++;
		}
		expect(checked).toBeGreaterThan(40);

		// A brace taken out of the same output is reported as not read.
		const file = written(defaultOptions('windows'), format).files[0]!;
		const broken = { ...file, text: file.text.replace(/\n\}\n/, '\n') };
		expect(broken.text).not.toBe(file.text);
		const result = await checkGenerated(broken, [broken]);
		expect(result.diagnostics.map((d) => d.ruleId)).toContain('KV051');
	});
});
