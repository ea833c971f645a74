import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileGrammars } from '../../../src/cli/grammars.ts';
import { check } from '../../../src/core/check/index.ts';

const directory = new URL('../../fixtures/real-world/', import.meta.url);

/**
 * Public files of issue 20 (re-typed and reduced; sources and the judgement of every finding in
 * tests/fixtures/real-world/JUDGEMENTS.md): extensions found, exact ranges, and no false finding.
 */
const expected: Record<string, { extensions: number; findings: string[] }> = {
	'az-one-dash-docs-70192.ps1': {
		extensions: 1,
		findings: ['KV053 error 2:26-2:31', 'KV053 error 4:6-4:21'],
	},
	'avm-tf-vm-keyvault-extension.tf': { extensions: 1, findings: [] },
	'zukakosan-iis-windows-3.0.settings.json': { extensions: 1, findings: [] },
	'linux-2.2-issue-1915.json': {
		extensions: 1,
		findings: [
			'KV004 warning 9:27-9:32',
			'KV023 warning 14:9-14:24',
			'KV028 warning 14:26-14:33',
			'KV009 error 22:5-22:29',
			'KV032 warning 24:22-24:50',
		],
	},
	// `az vm extension show` output pasted into Azure/azure-linux-extensions#1476 (rv20c #1).
	'az-extension-show-issue-1476.json': {
		extensions: 1,
		findings: ['KV014 error 16:9-16:18', 'KV004 warning 25:25-25:30'],
	},
	// omegaup/prod's scale set: its identity's access policy grants secrets get only (rv20c #6).
	'omegaup-runner-get-only.tf': { extensions: 1, findings: ['KV036 warning 53:19-53:72'] },
};

describe('public inputs of issue 20', () => {
	it.each(Object.entries(expected))('%s', async (name, { extensions, findings }) => {
		const text = readFileSync(new URL(name, directory), 'utf8');
		const result = await check(text, { path: name, grammars: fileGrammars });
		expect(result.extensionCount).toBe(extensions);
		expect(
			result.diagnostics.map(
				(d) =>
					`${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}-${d.range.end.line}:${d.range.end.column}`
			)
		).toEqual(findings);
		// The false errors of issue 20 stay gone: Linux 2.2 is a published version.
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV003')).toEqual([]);
	});
});

describe('az vm extension list output (rv20c #1)', () => {
	it('reads each flattened extension of the array, and only the Key Vault ones', async () => {
		const show = readFileSync(new URL('az-extension-show-issue-1476.json', directory), 'utf8');
		const other = JSON.stringify({
			name: 'CustomScript',
			publisher: 'Microsoft.Azure.Extensions',
			type: 'Microsoft.Compute/virtualMachines/extensions',
			typeHandlerVersion: '2.1',
			typePropertiesType: 'CustomScript',
			settings: { commandToExecute: 'echo hi' },
		});
		const text = `[${other},\n${show}]`;
		const result = await check(text, { path: 'list.json', grammars: fileGrammars });
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map((d) => `${d.ruleId} ${d.severity}`)).toEqual([
			'KV014 error',
			'KV004 warning',
		]);
	});
});

describe('placeholders only where a Key Vault extension is (rv20c #5)', () => {
	const folder = new URL('claranet-windows-vm/', directory);
	it.each(['locals.tf', 'variables-vm.tf'])(
		'says nothing about the <…> of %s, a Terraform file without the extension',
		async (name) => {
			const text = readFileSync(new URL(name, folder), 'utf8');
			const result = await check(text, { path: name, grammars: fileGrammars });
			expect(result.extensionCount).toBe(0);
			expect(result.diagnostics.map((d) => d.ruleId)).toEqual([]);
		}
	);

	it('beside an extension, names its placeholder but not XML elements', async () => {
		const locals = readFileSync(new URL('locals.tf', folder), 'utf8');
		const text = `${locals}
resource "azurerm_virtual_machine_extension" "kv" {
  name                 = "KeyVaultForWindows"
  virtual_machine_id   = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm"
  publisher            = "Microsoft.Azure.KeyVault"
  type                 = "KeyVaultForWindows"
  type_handler_version = "3.0"
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = "3600"
      observedCertificates = [{ url = "https://<examplekv>.vault.azure.net/secrets/web", certificateStoreName = "MY", certificateStoreLocation = "LocalMachine" }]
    }
  })
}
`;
		const result = await check(text, { path: 'main.tf', grammars: fileGrammars });
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.filter((d) => d.ruleId === 'KV054').map((d) => d.message)).toEqual([
			'Replace the placeholder <examplekv> with your key vault’s name.',
		]);
	});
});

/**
 * A public Bicep file whose Key Vault extension sits in a local module (tests/fixtures/real-world/
 * adf-vm-module, JUDGEMENTS.md): checking the caller follows the module and finds the extension.
 */
describe('a public local module (issue 20)', () => {
	it('finds the extension in VM-VM.bicep when VM.bicep is checked, each finding naming the call', async () => {
		const folder = new URL('adf-vm-module/', directory);
		const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
		const result = await check(read('VM.bicep'), {
			path: 'VM.bicep',
			grammars: fileGrammars,
			readModule: ({ path }) => [{ path, text: read(path) }],
		});
		expect(result.extensionCount).toBe(1);
		expect(
			result.diagnostics.map(
				(d) => `${d.ruleId} ${d.severity} ${d.file} ${d.range.start.line}:${d.range.start.column}`
			)
		).toEqual([
			'KV001 error VM-VM.bicep 43:16',
			'KV003 error VM-VM.bicep 45:25',
			'KV004 warning VM-VM.bicep 45:25',
			'KV030 error VM-VM.bicep 47:5',
			'KV010 error VM-VM.bicep 49:29',
			'KV020 error VM-VM.bicep 51:35',
			// The secret is `existing`: its secretUriWithVersion is a versioned URL (was missed).
			'KV043 warning VM-VM.bicep 53:27',
		]);
		for (const d of result.diagnostics)
			expect(d.related.map((r) => `${r.file}:${r.range.start.line}`)).toContain('VM.bicep:20');
	});
});

/**
 * A public Bicep module called in a loop whose file tree-sitter-bicep reads 57 times over (each string
 * interpolation re-reads the rest: tests/fixtures/real-world/adf-sfm-module, JUDGEMENTS.md). It was
 * said not read at the call ("missing, or outside the checked folder"); it is read and followed.
 */
describe('a public module in a loop, costly to parse (issue 20)', () => {
	const checkNodeType = (edit: (module: string) => string = (m) => m) => {
		const folder = new URL('adf-sfm-module/', directory);
		const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
		return check(read('SFMNP.bicep'), {
			path: 'SFMNP.bicep',
			grammars: fileGrammars,
			readModule: ({ path }) => [{ path, text: edit(read(path)) }],
		});
	};

	it('follows SFMNP.bicep into SFMNP-NP.bicep and finds its Key Vault extension once', async () => {
		const result = await checkNodeType();
		// One node-type extension, counted once (it was counted twice: the node type and a scale set
		// built for it).
		expect(result.extensionCount).toBe(1);
		// The DSC extension passes the certificate (SSLCert) and does not wait for it: KV045 (true).
		expect(
			result.diagnostics.map(
				(d) => `${d.ruleId} ${d.severity} ${d.file} ${d.range.start.line}:${d.range.start.column}`
			)
		).toEqual(['KV045 info SFMNP-NP.bicep 152:15']);
	});

	it('does not take a commented-out line for settings that use the certificate (KV045)', async () => {
		const result = await checkNodeType((text) => text.replace(/^\s*SSLCert: .*$/m, ''));
		expect(result.extensionCount).toBe(1);
		// Only `// Thumbprint: Global.CertThumbprint` is left: a comment, not the settings.
		expect(result.diagnostics.map((d) => d.ruleId)).toEqual([]);
	});
});
