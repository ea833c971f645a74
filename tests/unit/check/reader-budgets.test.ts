import { describe, expect, it, vi } from 'vitest';
import { check, checkSync, type CheckResult } from '../../../src/core/check/index.ts';
import { scanPlaceholders } from '../../../src/core/check/placeholders/scan.ts';
import { defineRule } from '../../../src/core/check/rule.ts';
import { fileGrammars } from '../../../src/cli/grammars.ts';
import { limits } from '../../../src/core/check/limits.ts';
import {
	grammarMeasure,
	grammarParser,
	GrammarLimitReached,
	parseWithinBudget,
	type BudgetedParser,
} from '../../../src/core/check/input/tree-sitter.ts';
import { openDepthPast } from '../../../src/core/check/input/grammar-depth.ts';
import { bicep, checkIac } from './iac/helpers.ts';

// Issue 24, N1 (security review 2026-12-07, R3–R7, R9): variables that double their value at each
// line were bounded in ARM only. A 544-byte shell script printed 33 MB (27 levels: 1.6 GB, 268 MB),
// and 540 B–1.1 KB PowerShell, Bicep and Terraform files ended the whole run with "internal error
// … RangeError". Every reader now spends the ARM evaluator's budget (limits.ts): a value over it is
// unknown, reported once at its place. The answer is compared between two sizes of the same shape,
// never against a timing: the output must not double with each level.

/** `levels` lines, each a variable made of the previous one twice, used in the settings. */
const doubling = {
	'deploy.sh': (levels: number) => {
		let text = 'V0=ab\n';
		for (let i = 0; i < levels; i++) text += `V${i + 1}="$V${i}$V${i}"\n`;
		return `${text}az vm extension set --resource-group rg --vm-name vm --publisher Microsoft.Azure.KeyVault --name KeyVaultForLinux --version 3.0 --settings "{\\"secretsManagementSettings\\":{\\"pollingIntervalInS\\":\\"$V${levels}\\"}}"\n`;
	},
	'deploy.ps1': (levels: number) => {
		let text = '$v0 = "ab"\n';
		for (let i = 0; i < levels; i++) text += `$v${i + 1} = "$v${i}$v${i}"\n`;
		return `${text}Set-AzVMExtension -ResourceGroupName rg -VMName vm -Name kv -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0 -SettingString "{\\"secretsManagementSettings\\":{\\"pollingIntervalInS\\":\\"$v${levels}\\"}}"\n`;
	},
	'main.bicep': (levels: number) => {
		let text = "var v0 = 'ab'\n";
		for (let i = 0; i < levels; i++) text += `var v${i + 1} = '\${v${i}}\${v${i}}'\n`;
		return `${text}resource kv 'Microsoft.Compute/virtualMachines/extensions@2024-11-01' = {
  name: 'vm1/kv'
  location: 'westeurope'
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: v${levels}
        observedCertificates: [ v${levels} ]
      }
    }
  }
}
`;
	},
	'main.tf': (levels: number) => {
		let text = 'locals {\n  v0 = "ab"\n';
		for (let i = 0; i < levels; i++) text += `  v${i + 1} = "\${local.v${i}}\${local.v${i}}"\n`;
		return `${text}}
resource "azurerm_virtual_machine_extension" "kv" {
  name                 = "kv"
  virtual_machine_id   = "x"
  publisher            = "Microsoft.Azure.KeyVault"
  type                 = "KeyVaultForLinux"
  type_handler_version = "3.0"
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = local.v${levels}
      observedCertificates = [local.v${levels}]
    }
  })
}
`;
	},
};

const outputSize = (result: CheckResult) => JSON.stringify(result.diagnostics).length;

describe('one budget for every reader (N1)', () => {
	it.each(Object.entries(doubling))(
		'%s: doubling variables cost the same at 20 and 30 levels, limit said once',
		async (path, shape) => {
			const [small, large] = [
				await checkIac(shape(20), path, { lang: 'en' }),
				await checkIac(shape(30), path, { lang: 'en' }),
			];
			for (const result of [small, large]) {
				expect(result.diagnostics.filter((d) => /internal error/.test(d.message))).toEqual([]);
				expect(result.extensionCount).toBe(1);
			}
			// 2^10 times the value at 30 levels before; now both stop at the same limit.
			expect(outputSize(large)).toBeLessThan(outputSize(small) * 2);
			expect(outputSize(large)).toBeLessThan(100_000);
			const limited = large.diagnostics.filter((d) => d.messageId === 'limitSize');
			expect(limited.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['KV051 warning']);
		}
	);

	it('a long chain of variables is cut at the depth limit, not by the stack', () => {
		let text = 'V0=3600\n';
		for (let i = 0; i < 5000; i++) text += `V${i + 1}="$V${i}"\n`;
		text += `az vm extension set --resource-group rg --vm-name vm --publisher Microsoft.Azure.KeyVault --name KeyVaultForLinux --version 3.0 --settings "{\\"secretsManagementSettings\\":{\\"pollingIntervalInS\\":\\"$V5000\\"}}"\n`;
		const result = checkSync(text, { path: 'chain.sh' });
		expect(result.diagnostics.map((d) => d.messageId)).toContain('limitDepth');
	});

	it('quotes at most 200 characters of a value in a message (R9)', () => {
		// Not a number of seconds: KV010 quotes the value.
		const value = 'x'.repeat(1_000_000);
		const text = `{"secretsManagementSettings":{"pollingIntervalInS":"${value}","observedCertificates":["https://v.vault.azure.net/secrets/c"]}}`;
		const result = checkSync(text, { path: 'settings.json' });
		expect(result.diagnostics.length).toBeGreaterThan(0);
		for (const d of result.diagnostics) expect(d.message.length).toBeLessThan(1_000);
		expect(outputSize(result)).toBeLessThan(20_000);
	});
});

describe('one file failing inside kvcert (N1, R7)', () => {
	it('is a finding for that file, never a rejected check', async () => {
		const broken = defineRule({
			id: 'KV999',
			name: 'broken',
			severity: 'error',
			meta: {
				title: { ja: '壊れた規則', en: 'Broken rule' },
				docs: { ja: '', en: '' },
				messages: {},
				sources: [],
			},
			check() {
				throw new RangeError('Invalid string length');
			},
		});
		const text = '{"secretsManagementSettings":{"pollingIntervalInS":"3600"}}';
		for (const lang of ['en', 'ja'] as const) {
			const result = await check(text, { path: 'a.json', rules: [broken], lang });
			expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.messageId}`)).toEqual([
				'KV051 error internalError',
			]);
			expect(result.diagnostics[0]!.message).toContain('RangeError: Invalid string length');
		}
	});
});

/** A template with one KV010 error (`pollingIntervalInS: abc`), in Bicep and Terraform. */
const extension = {
	'main.bicep': `resource ext 'Microsoft.Compute/virtualMachines/extensions@2023-03-01' = {
  name: 'vm/KeyVaultForLinux'
  location: 'eastus'
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: 'abc'
        observedCertificates: [ { url: 'https://myvault.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef' } ]
      }
    }
  }
}
`,
	'main.tf': `resource "azurerm_virtual_machine_extension" "kv" {
  name                 = "KeyVaultForLinux"
  virtual_machine_id   = "x"
  publisher            = "Microsoft.Azure.KeyVault"
  type                 = "KeyVaultForLinux"
  type_handler_version = "3.0"
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = "abc"
      observedCertificates = [{ url = "https://myvault.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef" }]
    }
  })
}
`,
};

describe('tree-sitter parses have a size and a work budget (N3)', () => {
	// tree-sitter-bicep 1.1.0 is quadratic on an unclosed `/*` or `${` run: 40 KB took 18 s.
	it.each([
		['an unclosed comment run', '/*'.repeat(20_000)],
		['an unclosed interpolation run', `var x = '${'${'.repeat(20_000)}`],
	])('%s is reported as not read where the parser stopped', async (_, text) => {
		const result = await checkIac(text, 'main.bicep', { lang: 'en' });
		const stopped = result.diagnostics.filter((d) => d.messageId === 'parseLimit');
		// Nothing of the file was read: an error, so that `--fail-on error` does not pass it.
		expect(stopped.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['KV051 error']);
		expect(stopped[0]!.message).toMatch(/grammar stopped reading here/);
		expect(stopped[0]!.message).toMatch(/Nothing in this file was checked/);
	});

	it('a .bicepparam over the budget is reported in that file, and its Bicep file is still read', async () => {
		const template = bicep({
			extra: "param interval string = '3600'",
			settings: "pollingIntervalInS: interval\n        observedCertificates: [ 'http://x' ]",
		});
		const given = `using './main.bicep'\nparam other = 'x'\nparam interval = '${'${'.repeat(20_000)}`;
		const result = await checkIac(template, 'main.bicep', {
			lang: 'en',
			parameters: { path: 'main.bicepparam', text: given },
		});
		const stopped = result.diagnostics.filter((d) => d.messageId === 'parseLimit');
		// The Bicep file was read (with its defaults): a warning at the .bicepparam, not an error.
		expect(stopped.map((d) => `${d.ruleId} ${d.file} ${d.severity}`)).toEqual([
			'KV051 main.bicepparam warning',
		]);
		// Where the grammar stopped lies in the .bicepparam's text, past its readable head.
		expect(stopped[0]!.range.start.offset).toBeGreaterThan(given.indexOf('${'));
		expect(stopped[0]!.range.start.offset).toBeLessThan(given.length);
		// The Bicep file's own findings are still there (the certificate URL is not a secret URL).
		expect(result.diagnostics.some((d) => d.file === 'main.bicep' && d.severity === 'error')).toBe(
			true
		);
		// …and the Bicep file says that its defaults were assumed (issue 24), at its first parameter.
		const assumed = result.diagnostics.filter((d) => d.messageId === 'parametersNotRead');
		expect(assumed.map((d) => `${d.ruleId} ${d.severity} ${d.file} ${d.range.start.line}`)).toEqual(
			[
				`KV051 warning main.bicep ${template.split('\n').findIndex((l) => l.startsWith('param')) + 1}`,
			]
		);
		expect(assumed[0]!.message).toBe(
			'Parameters not read: main.bicepparam could not be read (too large, or too costly to parse), so this file was checked with its default values, which may not be what is deployed.'
		);
	});

	it('a .bicepparam read only in part says so in the Bicep file, in both languages', async () => {
		const template = bicep({ extra: "param interval string = '3600'" });
		const given = `using './main.bicep'\nparam interval = )(\n`;
		for (const [lang, text] of [
			['en', 'Parameters partly read: main.bicepparam has parts'],
			['ja', 'パラメーター ファイル main.bicepparam に読めない部分があります。'],
		] as const) {
			const result = await checkIac(template, 'main.bicep', {
				lang,
				parameters: { path: 'main.bicepparam', text: given },
			});
			const partly = result.diagnostics.filter((d) => d.messageId === 'parametersPartlyRead');
			expect(partly.map((d) => `${d.ruleId} ${d.file}`)).toEqual(['KV051 main.bicep']);
			expect(partly[0]!.message).toContain(text);
		}
		// A JSON parameters file is read (Samuel-Singh/AzureKeyVault passes its versioned URLs so,
		// JUDGEMENTS.md); one that cannot be read is said, not silently replaced by the defaults.
		const parametersFindings = async (text: string) =>
			(
				await checkIac(template, 'main.bicep', {
					lang: 'en',
					parameters: { path: 'main.parameters.json', text },
				})
			).diagnostics
				.filter((d) => /^parameters/.test(d.messageId))
				.map((d) => `${d.ruleId} ${d.severity} ${d.file} ${d.messageId}`);
		expect(await parametersFindings('{"parameters":{"interval":{"value":"60"}}}')).toEqual([]);
		expect(await parametersFindings('{"parameters":{"interval":{"value":"60"')).toEqual([
			'KV051 warning main.bicep parametersJsonNotRead',
		]);
		const notJson = async (lang: 'ja' | 'en') =>
			(
				await checkIac(template, 'main.bicep', {
					lang,
					parameters: { path: 'main.parameters.json', text: '{"parameters":' },
				})
			).diagnostics.find((d) => d.messageId === 'parametersJsonNotRead')?.message;
		expect(await notJson('en')).toBe(
			'Parameters not read: main.parameters.json is neither a .bicepparam file nor a JSON parameters file ({ "parameters": { "name": { "value": … } } }) kvcert could read, so the Bicep file was checked with its parameters’ default values, which may not be what is deployed.'
		);
		expect(await notJson('ja')).toBe(
			'パラメーター ファイル main.parameters.json は読めませんでした。kvcert が Bicep ファイルのパラメーターを読むのは、.bicepparam ファイルか、{ "parameters": { "名前": { "value": … } } } の形式の JSON ファイルです。そのため Bicep ファイルはパラメーターの既定値で確認しており、デプロイで渡す値とは違う可能性があります。'
		);
		// A .bicepparam read whole says nothing of the kind.
		const whole = await checkIac(template, 'main.bicep', {
			parameters: {
				path: 'main.bicepparam',
				text: `using './main.bicep'\nparam interval = '60'\n`,
			},
		});
		expect(whole.diagnostics.filter((d) => /^parameters/.test(d.messageId))).toEqual([]);
	});

	it('a file over the size limit is not given to the grammar, and fails the gate', async () => {
		const text = 'locals {\n' + '  a = 1\n'.repeat(300_000) + '}\n';
		const result = await checkIac(text, 'main.tf', { lang: 'ja' });
		expect(
			result.diagnostics.map(
				(d) => `${d.ruleId} ${d.severity} ${d.messageId} ${d.range.start.offset}`
			)
		).toEqual(['KV051 error parseLimit 0']);
		expect(result.diagnostics[0]!.message).toContain('1 行 16 文字と数えて 2,000,000 文字まで');
	});

	// rv24b item 3: a 2,000,000-character comment put a real template over the size limit, so its
	// KV010 error was never reported and `--fail-on error` passed it. Comment lines do not count.
	const comment = (path: string) =>
		`${path.endsWith('.tf') ? '#' : '//'} ${'x'.repeat(2_000_000)}\n`;
	it.each(Object.keys(extension))(
		'%s: a 2,000,000-character comment before or after the template does not hide its error',
		async (path) => {
			const text = extension[path as keyof typeof extension];
			for (const padded of [text + comment(path), comment(path) + text]) {
				const result = await checkIac(padded, path, { lang: 'en' });
				expect(result.diagnostics.map((d) => d.messageId)).not.toContain('parseLimit');
				expect(
					result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)
				).toEqual(['KV010']);
			}
		}
	);

	it('an unclosed comment run after a template is an error, not a passing warning', async () => {
		const result = await checkIac(
			`${extension['main.bicep']}${'/*'.repeat(20_000)}`,
			'main.bicep',
			{
				lang: 'en',
			}
		);
		expect(
			result.diagnostics
				.filter((d) => d.severity === 'error')
				.map((d) => `${d.ruleId} ${d.messageId}`)
		).toEqual(['KV051 parseLimit']);
	});
});

// rv24c item 1: comment lines were exempt from the size limit and the read budget was counted on
// the whole text, so 10 million `//` lines took 14 s and 2.2 GB and ended in a raw "Aborted()" and
// "internal error"; 29 MB of comments bought a costly `${` run 22 s. And 2 MB of `1,` (read once)
// made a tree of 4 million nodes: 5.7 s, 520 MB. Each comment line now counts 16 characters, the
// reads are counted on that measure, and the parser's progress checks bound the tree.
describe('comment lines and dense text are bounded like the rest (rv24c item 1)', () => {
	const template = extension['main.bicep'];
	const outcome = (result: CheckResult) =>
		result.diagnostics.map(
			(d) => `${d.ruleId} ${d.severity} ${d.messageId} ${d.range.start.offset}`
		);

	it('a million short comment lines are not read, at the start of the file, in both languages', async () => {
		for (const [path, text] of [
			['main.bicep', template + '//\n'.repeat(1_000_000)],
			['main.tf', extension['main.tf'] + '#\n'.repeat(1_000_000)],
		] as const) {
			expect(grammarMeasure(text)).toBeGreaterThan(limits.grammarInputSize);
			const en = await checkIac(text, path, { lang: 'en' });
			expect(outcome(en)).toEqual(['KV051 error parseLimit 0']);
			expect(en.diagnostics[0]!.message).toContain('each comment line counted as 16');
			const ja = await checkIac(text, path, { lang: 'ja' });
			expect(ja.diagnostics[0]!.message).toContain('コメント行は長さにかかわらず 1 行 16 文字');
		}
	});

	it('each comment line counts 16 characters, however short or long', () => {
		expect(grammarMeasure('//\n'.repeat(1000))).toBe(16_000);
		expect(grammarMeasure(`  # ${'x'.repeat(100_000)}\n`)).toBe(16);
		expect(grammarMeasure('var a = 1 // not a comment line\n')).toBe(32);
		// Just under the limit is read (the template's error is found), just over is not.
		const lines = Math.floor((limits.grammarInputSize - template.length) / 16);
		expect(grammarMeasure(template + '//\n'.repeat(lines))).toBeLessThanOrEqual(
			limits.grammarInputSize
		);
		expect(grammarMeasure(template + '//\n'.repeat(lines + 1))).toBeGreaterThan(
			limits.grammarInputSize
		);
	});

	it('29 MB of comment lines before an unclosed interpolation run are not read', async () => {
		const comments = `// ${'c'.repeat(77)}\n`.repeat(360_000);
		const result = await checkIac(`${comments}var x = '${'${'.repeat(40_000)}`, 'main.bicep', {
			lang: 'en',
		});
		expect(outcome(result)).toEqual(['KV051 error parseLimit 0']);
	});

	it('comment lines within the limit do not buy a costly run more reads or steps', async () => {
		const comments = `// ${'c'.repeat(77)}\n`.repeat(12_000);
		for (const run of [`var x = '${'${'.repeat(20_000)}`, '/*'.repeat(20_000)]) {
			const text = comments + run;
			const counted = await countedParse(text, 'bicep');
			expect(counted.reads).toBeLessThanOrEqual(
				limits.parseReadsBase + limits.parseReadsPerCharacter * grammarMeasure(text) + 1024
			);
			expect(counted.checks).toBeLessThanOrEqual(limits.parseChecks + 1);
			expect(counted.reads).toBeGreaterThan(comments.length);
		}
		// The unclosed comment run is one error at its place; the interpolation run stops the parse.
		const stopped = await checkIac(comments + `var x = '${'${'.repeat(20_000)}`, 'main.bicep');
		expect(stopped.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.messageId}`)).toEqual([
			'KV051 error parseLimit',
		]);
		expect(stopped.diagnostics[0]!.range.start.offset).toBeGreaterThan(comments.length);
	});

	it('a file that makes a tree too large to copy stops at the step limit, not at 5 s and 500 MB', async () => {
		const text = `locals {\n  a = [\n${'1,'.repeat(900_000)}]\n}\n`;
		const counted = await countedParse(text, 'terraform');
		expect(counted.checks).toBe(limits.parseChecks + 1);
		expect(counted.error).toMatchObject({ name: 'GrammarLimitReached', limit: 'work' });
		const result = await checkIac(text, 'main.tf', { lang: 'en' });
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.messageId}`)).toEqual([
			'KV051 error parseLimit',
		]);
		// It stopped inside the list, where the parser was reading.
		expect(result.diagnostics[0]!.range.start.offset).toBeGreaterThan(text.indexOf('['));
		expect(result.diagnostics[0]!.range.start.offset).toBeLessThan(text.length);
	});

	it('the runtime giving up (out of memory) is "not read" where it was reading, never printed', () => {
		let aborted = 0;
		const parser = {
			parse(input: (index: number) => string) {
				input(0);
				input(1024);
				throw new WebAssembly.RuntimeError('Aborted(). Build with -sASSERTIONS for more info.');
			},
			reset() {},
		} as unknown as BudgetedParser;
		let thrown: unknown;
		try {
			parseWithinBudget(parser, 'x'.repeat(5000), 100, () => aborted++);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(GrammarLimitReached);
		expect(thrown).toMatchObject({ offset: 1124, limit: 'memory' });
		expect(aborted).toBe(1);
		// Anything else is a fault of kvcert's own and goes on up (an internal error).
		const faulty = {
			parse() {
				throw new TypeError('bug');
			},
			reset() {},
		} as unknown as BudgetedParser;
		expect(() => parseWithinBudget(faulty, 'x', 0)).toThrow(TypeError);
	});
});

/** Parses `text` with the real grammar through the budget, counting what tree-sitter asked for. */
async function countedParse(
	text: string,
	grammar: 'bicep' | 'terraform'
): Promise<{ reads: number; checks: number; error?: unknown }> {
	// The runtime is the one the checker initialised (web-tree-sitter keeps one per process).
	await grammarParser(fileGrammars, grammar);
	const { Parser, Language } = await import('web-tree-sitter');
	const parser = new Parser();
	parser.setLanguage(await Language.load(await fileGrammars.load(grammar)));
	let reads = 0;
	let checks = 0;
	const counting: BudgetedParser = {
		parse: ((input, old, options) =>
			parser.parse(
				(index: number) => {
					const chunk = (input as (index: number) => string)(index);
					reads += chunk.length;
					return chunk;
				},
				old,
				{
					progressCallback: (state) => {
						checks++;
						return options!.progressCallback!(state);
					},
				}
			)) as BudgetedParser['parse'],
		reset: () => parser.reset(),
	};
	try {
		parseWithinBudget(counting, text, 0)?.delete();
		return { reads, checks };
	} catch (error) {
		return { reads, checks, error };
	} finally {
		parser.delete();
	}
}

describe('unread input can fail the gate (N7)', () => {
	const template = (tag: string) =>
		`{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","resources":[{"type":"Microsoft.Compute/virtualMachines/extensions","apiVersion":"2024-07-01","name":"vm/kv","tags":{"t":${tag}},"properties":{"publisher":"Microsoft.Azure.KeyVault","type":"KeyVaultForWindows","typeHandlerVersion":"1.0","settings":{"secretsManagementSettings":{"pollingIntervalInS":"5","observedCertificates":["http://x"]}}}}]}`;

	it('a template refused whole (deeper than 1,000 levels) is an error', () => {
		const shallow = checkSync(template('[1]'));
		expect(shallow.diagnostics.some((d) => d.severity === 'error')).toBe(true);
		const deep = checkSync(template(`${'['.repeat(1001)}${']'.repeat(1001)}`));
		expect(deep.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual(['KV051 error']);
	});

	it('settings not read are a warning', () => {
		const result = checkSync(
			'az vm extension set --resource-group rg --vm-name vm --publisher Microsoft.Azure.KeyVault --name KeyVaultForLinux --version 3.0 --settings "$SETTINGS"\n',
			{ path: 'deploy.sh' }
		);
		expect(
			result.diagnostics
				.filter((d) => d.messageId === 'variableNotRead')
				.map((d) => `${d.ruleId} ${d.severity}`)
		).toEqual(['KV051 warning']);
	});

	it('bytes that are not text are an error whatever the file is named, and no grammar runs', async () => {
		// rv24c item 4: 1–30 MB of /dev/urandom named .json got one info and exit 0.
		let seed = 7;
		let bytes = '';
		for (let i = 0; i < 20_000; i++) {
			seed = (seed * 1103515245 + 12345) & 0x7fffffff;
			bytes += seed % 7 === 0 ? '\uFFFD' : String.fromCharCode(32 + (seed % 90));
		}
		for (const path of ['random.json', 'main.bicep', 'main.tf', 'deploy.ps1', 'deploy.sh']) {
			const en = await checkIac(bytes, path, { lang: 'en' });
			expect(
				en.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.messageId} ${d.file}`)
			).toEqual([`KV051 error notText ${path}`]);
			expect(en.diagnostics[0]!.message).toBe(
				'This file cannot be read as text (binary data, or an encoding other than UTF-8 and UTF-16): nothing in it was checked.'
			);
			const ja = await checkIac(bytes, path, { lang: 'ja' });
			expect(ja.diagnostics[0]!.message).toContain('このファイルはテキストとして読めません');
		}
		// Ordinary JSON with nothing to check is still read, and says nothing is wrong.
		expect(
			checkSync('{"name":"x","version":"1.0.0"}', { path: 'package.json' }).diagnostics
		).toEqual([]);
	});

	it('a script saved in Windows-1252 with accented comments is read, not refused as bytes', () => {
		// rv24d item 4: Windows PowerShell 5.1 saves "ANSI"; 8 accented letters made it "not text".
		const script = `# Déploiement de l'extension : paramètres générés, vérifiés, créés, à éviter, déjà là
$s = @{ secretsManagementSettings = @{ pollingIntervalInS = "abc"; observedCertificates = @("https://kv.vault.azure.net/secrets/web") } }
Set-AzVMExtension -ResourceGroupName rg -VMName vm -Name kv -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0 -Settings $s
`;
		const decoded = new TextDecoder().decode(Buffer.from(script, 'latin1'));
		expect(decoded.split('\uFFFD').length - 1).toBe(14);
		for (const lang of ['en', 'ja'] as const) {
			const result = checkSync(decoded, { path: 'deploy.ps1', lang });
			expect(result.extensionCount).toBe(1);
			const ids = result.diagnostics.map((d) => d.ruleId);
			expect(ids).toContain('KV010');
			expect(ids).not.toContain('KV051');
		}
		// Control characters are binary however few the bad bytes: 8 of them in a text.
		const controls = `${script}${'\x01\x02\x03\x04\x05\x06\x07\x08'}`;
		expect(checkSync(controls, { path: 'deploy.ps1' }).diagnostics.map((d) => d.messageId)).toEqual(
			['notText']
		);
	});

	it('random bytes of any size get the same answer', () => {
		// A fixed pseudo-random sequence (no Math.random: the test must not flake).
		let seed = 1;
		const bytes = (n: number) => {
			let text = '';
			for (let i = 0; i < n; i++) {
				seed = (seed * 1103515245 + 12345) & 0x7fffffff;
				text += String.fromCharCode(seed % 256);
			}
			return text;
		};
		const answer = (r: CheckResult) =>
			r.diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.messageId}`).join(', ') +
			` unrecognised=${r.unrecognised ?? false}`;
		const small = answer(checkSync(bytes(10_000), { path: 'random.json' }));
		// The more bytes, the likelier some line starts like a command (`$x = …`): 10 MB of
		// /dev/urandom did, and was read as a script with no extension ("no problems", exit 0).
		const large = `${bytes(500_000)}\n$a = 1\n${bytes(500_000)}`;
		expect(answer(checkSync(large, { path: 'random.json' }))).toBe(small);
		expect(small).toMatch(/error/);
	});
});

describe('the placeholder scan is linear (issue 24)', () => {
	it('looks up a closing tag once per name, not once per `<name>` (200 KB of `<ab> ` took 10 s)', () => {
		const text = `echo "${'<ab> '.repeat(40_000)}"\n`;
		const closing = vi.spyOn(String.prototype, 'includes');
		try {
			const scan = scanPlaceholders(text, false);
			const lookups = closing.mock.calls.filter(([what]) => String(what).startsWith('</'));
			expect(lookups.length).toBe(1);
			expect(scan.placeholders.length).toBeLessThanOrEqual(200);
		} finally {
			closing.mockRestore();
		}
	});
});

// rv24d item 1: tree-sitter-hcl wraps a file that ends in three or more unclosed `[` or `(` in one
// ERROR node with no body, and the Terraform reader looked for the body only: "no Key Vault VM
// extension found", exit 0 under `--fail-on error`. The complete blocks in that node are read.
describe('an unclosed run at the end of a file does not hide it (rv24d item 1)', () => {
	it.each([
		['main.tf', 'three `[`', 'locals {\n x = [[['],
		['main.tf', 'three `(`', 'locals {\n x = ((('],
		['main.tf', '1,000 `[`', `locals {\n x = ${'['.repeat(1_000)}`],
		['main.bicep', 'three `[`', 'var x = [[['],
		['main.bicep', 'three `(`', 'var x = ((('],
	])(
		'%s ending in %s: the extension is still checked, and the tail is not read',
		async (path, _, tail) => {
			const text = `${extension[path as keyof typeof extension]}${tail}`;
			const lines = text.split('\n');
			const abcLine = lines.findIndex((l) => /pollingIntervalInS.*abc/.test(l)) + 1;
			const tailLine = lines.length - tail.split('\n').length + 1;
			for (const lang of ['en', 'ja'] as const) {
				const result = await checkIac(text, path, { lang });
				expect(result.extensionCount).toBe(1);
				// The extension's own error (pollingIntervalInS "abc") fails the gate.
				expect(
					result.diagnostics
						.filter((d) => d.severity === 'error')
						.map((d) => `${d.ruleId} ${d.range.start.line}`)
				).toEqual([`KV010 ${abcLine}`]);
				const unread = result.diagnostics.filter((d) => d.ruleId === 'KV051');
				expect(unread.map((d) => d.range.start.line)).toEqual([tailLine]);
				expect(unread[0]!.message).toMatch(
					lang === 'en' ? /could not read this part/ : /この部分を読めませんでした/
				);
			}
		}
	);
});

// rv24d item 2: 666,000 unclosed `{a:` (2 MB, under the size and work budgets) took 588 MB, and an
// HCL `{a=[` run 637 MB: tree-sitter keeps parser stack per open bracket. Brackets nested deeper
// than `grammarOpenDepth` (outside comments and strings) are now refused before parsing.
describe('deep bracket nesting is refused before parsing (rv24d item 2)', () => {
	const depth = limits.grammarOpenDepth;
	// In main.tf, `locals {` is one level already.
	it.each([
		{ path: 'main.bicep', head: 'var x = ', item: '{a:', before: 0 },
		{ path: 'main.tf', head: 'locals {\n x = ', item: '{a=', before: 1 },
	] as const)(
		'$path: at the limit it is read; one deeper, not read from that bracket',
		async ({ path, head, item, before }) => {
			const base = `${extension[path]}${head}`;
			const within = await checkIac(`${base}${item.repeat(depth - before)}`, path, { lang: 'en' });
			expect(within.extensionCount).toBe(1);
			expect(within.diagnostics.map((d) => d.messageId)).not.toContain('parseLimit');
			for (const lang of ['en', 'ja'] as const) {
				const over = await checkIac(`${base}${item.repeat(depth - before + 1)}`, path, { lang });
				expect(
					over.diagnostics.map(
						(d) => `${d.ruleId} ${d.severity} ${d.messageId} ${d.range.start.offset}`
					)
				).toEqual([`KV051 error parseLimit ${base.length + (depth - before) * item.length}`]);
				expect(over.diagnostics[0]!.message).toMatch(
					lang === 'en' ? /grammar stopped reading here/ : /文法はここで読むのをやめました/
				);
			}
		}
	);

	it('counts brackets in code and interpolations, never in comments or strings', () => {
		const deep = '['.repeat(depth + 1);
		expect(
			openDepthPast(
				`// ${deep}\n/* ${deep} */\nvar s = '${deep}'\nvar m = '''\n${deep}'''\n`,
				'bicep'
			)
		).toBeUndefined();
		expect(
			openDepthPast(`# ${deep}\n// ${deep}\n/* ${deep} */\nx = "${deep}"\n`, 'terraform')
		).toBeUndefined();
		// A quote or comment sign inside a string does not hide the code after it.
		expect(openDepthPast(`x = "#", y = ${deep}`, 'terraform')).toBe(13 + depth);
		expect(openDepthPast(`var x = '/*' ${deep}`, 'bicep')).toBe(13 + depth);
		// Interpolations nest: `${` opens a level, its `}` goes back into the string (in an
		// interpolation, `${${` is code: its `{` is counted).
		expect(openDepthPast(`var x = '${'${'.repeat(depth + 1)}`, 'bicep')).toBe(10 + 2 * depth);
		expect(openDepthPast(`x = "\${a}"${'('.repeat(depth)}`, 'terraform')).toBeUndefined();
		// rv24e: an unclosed `/*` or `'''` does not hide what follows (tree-sitter parses it as code).
		expect(openDepthPast(`/* \n${deep}`, 'bicep')).toBe(4 + depth);
		expect(openDepthPast(`/* \n${deep}`, 'terraform')).toBe(4 + depth);
		expect(openDepthPast(`var y = '''\n${deep}`, 'bicep')).toBe(12 + depth);
		// Closed nesting counts its deepest point; a closed run does not add up.
		expect(
			openDepthPast(`${'['.repeat(depth)}${']'.repeat(depth)}`.repeat(3), 'bicep')
		).toBeUndefined();
	});
});
