import { describe, expect, it } from 'vitest';
import type { ReadModule } from '../../../../src/core/check/index.ts';
import { checkIac } from './helpers.ts';

/** A module reader over files in memory, as the CLI's is over the checked tree. */
function filesReader(files: Record<string, string>): ReadModule & { asked: string[] } {
	const asked: string[] = [];
	const reader = (({ from, path, language }) => {
		const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
		const full = normalise(folder + path);
		asked.push(full);
		if (language === 'bicep')
			return files[full] !== undefined ? [{ path: full, text: files[full]! }] : undefined;
		const inside = Object.keys(files).filter(
			(f) => f.startsWith(`${full}/`) && /\.tf(?:\.json)?$/.test(f)
		);
		return inside.length > 0 ? inside.map((f) => ({ path: f, text: files[f]! })) : undefined;
	}) as ReadModule & { asked: string[] };
	reader.asked = asked;
	return reader;
}

function normalise(path: string): string {
	const out: string[] = [];
	for (const part of path.split('/')) {
		if (part === '.' || part === '') continue;
		if (part === '..') out.pop();
		else out.push(part);
	}
	return out.join('/');
}

const at = (d: {
	ruleId: string;
	file: string;
	range: { start: { line: number; column: number } };
}) => `${d.ruleId} ${d.file} ${d.range.start.line}:${d.range.start.column}`;

/** A module that installs the Linux extension on a machine it declares, from its parameters. */
const vmModule = `param vmName string
param certificateUrl string
param pollingInterval string = '3600'
param extensionVersion string = '3.0'

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' = {
  name: vmName
  location: 'japaneast'
  identity: { type: 'SystemAssigned' }
  properties: {
    storageProfile: { imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server', version: 'latest' } }
  }
}

resource kv 'Microsoft.Compute/virtualMachines/extensions@2024-03-01' = {
  parent: vm
  name: 'KeyVaultForLinux'
  location: 'japaneast'
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: extensionVersion
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: pollingInterval
        observedCertificates: [ { url: certificateUrl } ]
      }
    }
  }
}
`;

describe('local Bicep modules are followed (issue 20)', () => {
	it('checks the extension inside the module with the values the call passes, placed at the call', async () => {
		const main = `module web './modules/vm.bicep' = {
  name: 'web'
  params: {
    vmName: 'web1'
    certificateUrl: 'https://kv1.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef'
  }
}
`;
		const readModule = filesReader({ 'infra/modules/vm.bicep': vmModule });
		const result = await checkIac(main, 'infra/main.bicep', { readModule });
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map(at)).toEqual(['KV016 infra/main.bicep 5:62']);
		const [finding] = result.diagnostics;
		// The module's parameter is named, as a related location (SARIF relatedLocations).
		expect(finding!.related).toContainEqual(
			expect.objectContaining({
				file: 'infra/modules/vm.bicep',
				range: expect.objectContaining({ start: expect.objectContaining({ line: 2, column: 7 }) }),
				message:
					'This value is passed to parameter certificateUrl of module ./modules/vm.bicep, which was checked with it.',
			})
		);
	});

	it('places a finding caused inside the module in the module, naming the call', async () => {
		const main = `module web './vm.bicep' = {
  name: 'web'
  params: {
    vmName: 'web1'
    certificateUrl: 'https://kv1.vault.azure.net/secrets/web'
    extensionVersion: '3.0'
  }
}
`;
		const bad = vmModule.replace(
			'typeHandlerVersion: extensionVersion',
			"typeHandlerVersion: '3.4'"
		);
		const result = await checkIac(main, 'main.bicep', {
			readModule: filesReader({ 'vm.bicep': bad }),
		});
		expect(result.diagnostics.map(at)).toEqual(['KV003 vm.bicep 22:25']);
		expect(result.diagnostics[0]!.related).toContainEqual(
			expect.objectContaining({
				file: 'main.bicep',
				message: expect.stringContaining('called here'),
			})
		);
	});

	it('finds nothing when the call passes good values (the module alone has no certificate URL)', async () => {
		const main = `module web './vm.bicep' = {
  name: 'web'
  params: {
    vmName: 'web1'
    certificateUrl: 'https://kv1.vault.azure.net/secrets/web'
  }
}
`;
		const result = await checkIac(main, 'main.bicep', {
			readModule: filesReader({ 'vm.bicep': vmModule }),
		});
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map(at)).toEqual([]);
	});

	it('binds values that are the caller’s own parameters and variables', async () => {
		const main = `param version string = '9.0'
var url = 'https://kv1.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef'
module web './vm.bicep' = {
  name: 'web'
  params: {
    vmName: 'web1'
    certificateUrl: url
    extensionVersion: version
  }
}
`;
		const result = await checkIac(main, 'main.bicep', {
			readModule: filesReader({ 'vm.bicep': vmModule }),
		});
		expect(result.diagnostics.map(at)).toEqual(['KV003 main.bicep 1:24', 'KV016 main.bicep 2:52']);
	});

	it('says which local module was not read, and keeps going', async () => {
		const main = `module web '../outside/vm.bicep' = {
  name: 'web'
  params: {
    vmName: 'web1'
  }
}
`;
		const result = await checkIac(main, 'main.bicep', { readModule: filesReader({}) });
		expect(result.diagnostics.map((d) => `${at(d)} ${d.severity} ${d.message}`)).toEqual([
			'KV051 main.bicep 1:1 info Local module ../outside/vm.bicep was not read (missing, or outside the calling file’s folder and its Git repository): what it declares was not checked. kvcert reads local modules only inside the checked file’s folder or the Git repository it is in; to check this one too, run kvcert check on the module’s file itself (its parameters take their default values), or keep the module inside the same repository.',
		]);
		// rv20c case 01 (an AVM module cloned beside the repository): the message says what to do.
		const ja = await checkIac(main, 'main.bicep', { readModule: filesReader({}), lang: 'ja' });
		expect(ja.diagnostics.map((d) => d.message)).toEqual([
			'ローカル モジュール ../outside/vm.bicep を読めなかったため、モジュールの中は確認していません (ファイルがないか、呼び出し元のファイルのフォルダーにも、その Git リポジトリにもありません)。kvcert が読むローカル モジュールは、確認するファイルのフォルダーか、そのファイルがある Git リポジトリの中にあるものだけです。このモジュールも確認するには、モジュールのファイルだけを kvcert check で確認する (パラメーターは既定値になります) か、モジュールを同じリポジトリの中に置いてください。',
		]);
	});

	it('keeps today’s info for a registry module that passes an extension', async () => {
		const main = `module web 'br/public:example/vm:1.0.0' = {
  name: 'web'
  params: { extensionType: 'KeyVaultForWindows' }
}
`;
		const result = await checkIac(main, 'main.bicep');
		expect(result.diagnostics.map((d) => `${at(d)} ${d.severity} ${d.messageId}`)).toEqual([
			'KV051 main.bicep 1:1 warning moduleNotChecked',
		]);
	});

	it('says at each local module call that its file is not read where modules cannot be read (the browser)', async () => {
		const main = `module web './vm.bicep' = {
  name: 'web'
  params: { extensionType: 'KeyVaultForWindows' }
}
module net './network.bicep' = {
  name: 'net'
}
module shared 'br/public:avm/res/network/virtual-network:0.1.0' = {
  name: 'shared'
}
`;
		const en = await checkIac(main, 'main.bicep', { lang: 'en' });
		expect(en.diagnostics.map((d) => `${at(d)} ${d.severity} ${d.messageId}`)).toEqual([
			// The call that passes the extension: a warning (that extension is not checked).
			'KV051 main.bicep 1:1 warning moduleNotReadHere',
			'KV051 main.bicep 5:1 info moduleNotReadHere',
		]);
		expect(en.diagnostics[1]!.message).toBe(
			'Module ./network.bicep is not read here (this checker reads only the text you pasted), so what it declares was not checked. To check it too, run kvcert check from the CLI on this file (it follows local modules), or paste the module’s file here.'
		);
		const ja = await checkIac(main, 'main.bicep', { lang: 'ja' });
		expect(ja.diagnostics[1]!.message).toContain(
			'モジュール ./network.bicep はここでは読んでおらず'
		);
		// With a module reader (the CLI), the same calls are followed instead.
		const cli = await checkIac(main, 'main.bicep', {
			readModule: filesReader({ 'vm.bicep': 'param extensionType string\n', 'network.bicep': '' }),
		});
		expect(cli.diagnostics.filter((d) => d.messageId === 'moduleNotReadHere')).toEqual([]);
	});

	it('follows a module called in a loop like a single call, the loop variable unknown', async () => {
		// The shape of AzureDeploymentFramework's VMSS.bicep → VMSS-VM.bicep (JUDGEMENTS.md).
		const main = `param servers array = [ { name: 'web1' }, { name: 'web2' } ]
param certificateUrl string = 'https://kv1.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef'
module web './vm.bicep' = [for (server, index) in servers: if (index < 5) {
  name: 'web\${index}'
  params: {
    vmName: server.name
    certificateUrl: certificateUrl
    pollingInterval: '\${index}'
  }
}]
`;
		const result = await checkIac(main, 'main.bicep', {
			readModule: filesReader({ 'vm.bicep': vmModule }),
		});
		expect(result.extensionCount).toBe(1);
		// The versioned URL passed is found; the interval from the loop index stays unknown (no KV011).
		expect(result.diagnostics.map(at)).toEqual(['KV016 main.bicep 2:72']);
		expect(result.diagnostics[0]!.related.map((r) => `${r.file}:${r.range.start.line}`)).toEqual([
			'vm.bicep:27',
		]);
		// The same as the call without its loop, where the index is a known value.
		const single = main
			.replace('= [for (server, index) in servers: if (index < 5) {', '= {')
			.replace('}]\n', '}\n')
			.replace('server.name', "'web1'")
			.replace("'${index}'", "'3600'");
		const once = await checkIac(single, 'main.bicep', {
			readModule: filesReader({ 'vm.bicep': vmModule }),
		});
		expect(once.diagnostics.map(at)).toEqual(['KV016 main.bicep 2:72']);
	});

	it('reports a module over the grammar’s budget at the call in the caller (issue 24)', async () => {
		const main = `module web './vm.bicep' = {
  name: 'web'
}
`;
		const huge = `param x string = '${'${'.repeat(20_000)}'\n`;
		for (const [lang, text] of [
			['en', 'Local module ./vm.bicep was not read: it is over what kvcert’s grammar reads'],
			['ja', 'ローカル モジュール ./vm.bicep は読んでいません。'],
		] as const) {
			const result = await checkIac(main, 'main.bicep', {
				lang,
				readModule: filesReader({ 'vm.bicep': huge }),
			});
			expect(result.diagnostics.map((d) => `${at(d)} ${d.severity} ${d.messageId}`)).toEqual([
				'KV051 main.bicep 1:1 info moduleParseLimit',
			]);
			expect(result.diagnostics[0]!.message).toContain(text);
		}
	});

	it('stops at a module that calls itself and at a chain deeper than the limit', async () => {
		const self = `module again './self.bicep' = {
  name: 'again'
}
`;
		const cycle = await checkIac(self, 'self.bicep', {
			readModule: filesReader({ 'self.bicep': self }),
		});
		expect(cycle.diagnostics.map((d) => `${at(d)} ${d.messageId}`)).toEqual([
			'KV051 self.bicep 1:1 moduleCycle',
		]);
		const files: Record<string, string> = {};
		for (let i = 0; i < 50; i++)
			files[`m${i}.bicep`] = `module next './m${i + 1}.bicep' = {\n  name: 'm${i + 1}'\n}\n`;
		const reader = filesReader(files);
		const chain = await checkIac(files['m0.bicep']!, 'm0.bicep', { readModule: reader });
		expect(chain.diagnostics.map((d) => `${at(d)} ${d.messageId}`)).toEqual([
			'KV051 m8.bicep 1:1 moduleLimit',
		]);
		expect(reader.asked.length).toBe(8);
	});
});

/** A Terraform module folder: the extension in main.tf, its inputs declared in variables.tf. */
const terraformModule = {
	'modules/kv/variables.tf': `variable "vm_id" {
  type = string
}
variable "certificate_url" {
  type = string
}
variable "extension_version" {
  type    = string
  default = "3.0"
}
`,
	'modules/kv/main.tf': `resource "azurerm_virtual_machine_extension" "kv" {
  name                       = "KeyVaultForLinux"
  virtual_machine_id         = var.vm_id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForLinux"
  type_handler_version       = var.extension_version
  auto_upgrade_minor_version = true
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = "3600"
      observedCertificates = [{ url = var.certificate_url }]
    }
  })
}
`,
};

describe('local Terraform modules are followed (issue 20)', () => {
	it('checks the module folder with the inputs the call passes, placed at the call', async () => {
		const main = `module "kv" {
  source            = "./modules/kv"
  vm_id             = azurerm_linux_virtual_machine.web.id
  certificate_url   = azurerm_key_vault_certificate.web.secret_id
  extension_version = "9.0"
}
`;
		const readModule = filesReader(terraformModule);
		const result = await checkIac(main, 'main.tf', { readModule });
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map(at)).toEqual(['KV042 main.tf 4:57', 'KV003 main.tf 5:23']);
		expect(result.diagnostics[0]!.related).toContainEqual(
			expect.objectContaining({
				file: 'modules/kv/variables.tf',
				message:
					'This value is passed to parameter certificate_url of module ./modules/kv, which was checked with it.',
			})
		);
	});

	it('finds nothing for good inputs, and says which module folder was not read', async () => {
		const good = `module "kv" {
  source          = "./modules/kv"
  vm_id           = azurerm_linux_virtual_machine.web.id
  certificate_url = azurerm_key_vault_certificate.web.versionless_secret_id
}
`;
		const result = await checkIac(good, 'main.tf', { readModule: filesReader(terraformModule) });
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map(at)).toEqual([]);
		const missing = await checkIac(good.replace('./modules/kv', '../elsewhere'), 'main.tf', {
			readModule: filesReader(terraformModule),
		});
		expect(missing.diagnostics.map((d) => `${at(d)} ${d.messageId} ${d.data.path}`)).toEqual([
			'KV051 main.tf 1:1 moduleNotRead ../elsewhere',
		]);
	});

	it('follows module calls written in Terraform JSON, into .tf.json module files', async () => {
		const main = JSON.stringify(
			{
				module: {
					kv: {
						source: './modules/kv',
						vm_id: '${azurerm_linux_virtual_machine.web.id}',
						certificate_url: '${azurerm_key_vault_certificate.web.secret_id}',
						extension_version: '9.0',
					},
				},
			},
			null,
			2
		);
		const json = {
			'modules/kv/variables.tf.json': JSON.stringify({
				variable: {
					vm_id: { type: 'string' },
					certificate_url: { type: 'string' },
					extension_version: { type: 'string', default: '3.0' },
				},
			}),
			'modules/kv/main.tf': terraformModule['modules/kv/main.tf'],
		};
		const result = await checkIac(main, 'main.tf.json', { readModule: filesReader(json) });
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics.map(at)).toEqual([
			'KV042 main.tf.json 6:63',
			'KV003 main.tf.json 7:28',
		]);
		expect(result.diagnostics[0]!.related.map((r) => r.file)).toContain(
			'modules/kv/variables.tf.json'
		);
	});

	it('says at a local module call that its folder is not read where modules cannot be read', async () => {
		const main = `module "kv" {
  source = "./modules/kv"
}
`;
		const result = await checkIac(main, 'main.tf', { lang: 'en' });
		expect(result.diagnostics.map((d) => `${at(d)} ${d.severity} ${d.messageId}`)).toEqual([
			'KV051 main.tf 1:1 info moduleNotReadHere',
		]);
		expect(result.diagnostics[0]!.message).toContain('Module ./modules/kv is not read here');
	});

	it('leaves registry modules to the Verified Module reading', async () => {
		const registry = `module "vm" {
  source = "Azure/avm-res-compute-virtualmachine/azurerm"
}
`;
		const readModule = filesReader(terraformModule);
		await checkIac(registry, 'main.tf', { readModule });
		expect(readModule.asked).toEqual([]);
	});
});
