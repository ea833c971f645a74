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
		const inside = Object.keys(files).filter((f) => f.startsWith(`${full}/`) && f.endsWith('.tf'));
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
			'KV051 main.bicep 1:1 info Local module ../outside/vm.bicep was not read (missing, or outside the checked folder and the repository): what it declares was not checked.',
		]);
	});

	it('keeps today’s info for a registry module, and for any module when modules cannot be read', async () => {
		const main = `module web './vm.bicep' = {
  name: 'web'
  params: { extensionType: 'KeyVaultForWindows' }
}
`;
		const result = await checkIac(main, 'main.bicep');
		expect(result.diagnostics.map((d) => `${at(d)} ${d.messageId}`)).toEqual([
			'KV051 main.bicep 1:1 moduleNotChecked',
		]);
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
