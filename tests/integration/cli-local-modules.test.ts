// Issue 20: the local modules a checked Bicep or Terraform file calls are read and checked with the
// values each call passes, within the same confinement as settings files (security review N5).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'kvcert-modules-'));
const repo = join(temp, 'repo');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const bicepModule = `param vmName string
param certificateUrl string

resource vm 'Microsoft.Compute/virtualMachines@2024-03-01' existing = {
  name: vmName
}

resource kv 'Microsoft.Compute/virtualMachines/extensions@2024-03-01' = {
  parent: vm
  name: 'KeyVaultForLinux'
  location: 'japaneast'
  properties: {
    publisher: 'Microsoft.Azure.KeyVault'
    type: 'KeyVaultForLinux'
    typeHandlerVersion: '3.0'
    autoUpgradeMinorVersion: true
    settings: {
      secretsManagementSettings: {
        pollingIntervalInS: '3600'
        observedCertificates: [ { url: certificateUrl } ]
      }
    }
  }
}
`;
const call = (path: string) => `module web '${path}' = {
  name: 'web'
  params: {
    vmName: 'web1'
    certificateUrl: 'https://kv1.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef'
  }
}
`;
const terraformModule = `variable "certificate_url" {
  type = string
}

resource "azurerm_virtual_machine_extension" "kv" {
  name                       = "KeyVaultForLinux"
  virtual_machine_id         = var.vm_id
  publisher                  = "Microsoft.Azure.KeyVault"
  type                       = "KeyVaultForLinux"
  type_handler_version       = "3.0"
  auto_upgrade_minor_version = true
  settings = jsonencode({
    secretsManagementSettings = {
      pollingIntervalInS   = "3600"
      observedCertificates = [{ url = var.certificate_url }]
    }
  })
}
`;

mkdirSync(join(repo, 'infra/modules/kv'), { recursive: true });
execFileSync('git', ['init', '-q', repo]);
writeFileSync(join(repo, 'infra/main.bicep'), call('./modules/vm.bicep'));
writeFileSync(join(repo, 'infra/modules/vm.bicep'), bicepModule);
writeFileSync(join(repo, 'infra/outside.bicep'), call('../../vm.bicep'));
writeFileSync(join(temp, 'vm.bicep'), bicepModule);
writeFileSync(
	join(repo, 'infra/main.tf'),
	`module "kv" {
  source          = "./modules/kv"
  vm_id           = azurerm_linux_virtual_machine.web.id
  certificate_url = "https://kv1.vault.azure.net/secrets/web/0123456789abcdef0123456789abcdef"
}
`
);
writeFileSync(join(repo, 'infra/modules/kv/main.tf'), terraformModule);

function kvcert(args: string[]) {
	const result = spawnSync(process.execPath, [join(root, 'bin/kvcert.mjs'), 'check', ...args], {
		cwd: repo,
		encoding: 'utf8',
		env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', KVCERT_LANG: '' },
	});
	return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

interface SarifResult {
	ruleId: string;
	locations: Array<{
		physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
	}>;
	relatedLocations?: Array<{
		physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
		message: { text: string };
	}>;
}

const where = (r: SarifResult) =>
	`${r.ruleId} ${r.locations[0]!.physicalLocation.artifactLocation.uri}:${r.locations[0]!.physicalLocation.region.startLine}`;

describe('local modules in the CLI', { timeout: 120_000 }, () => {
	it('reads a Bicep module from disk and places the finding at the call, the parameter related', () => {
		const { out } = kvcert(['--format', 'sarif', 'infra/main.bicep']);
		const results = (JSON.parse(out) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!
			.results;
		expect(results.map(where)).toEqual(['KV016 infra/main.bicep:5']);
		expect(
			results[0]!.relatedLocations!.map(
				(r) =>
					`${r.physicalLocation.artifactLocation.uri}:${r.physicalLocation.region.startLine} ${r.message.text}`
			)
		).toContain(
			'infra/modules/vm.bicep:2 This value is passed to parameter certificateUrl of module ./modules/vm.bicep, which was checked with it.'
		);
	});

	it('reads a Terraform module folder and places the finding at the call', () => {
		const { out } = kvcert(['--format', 'sarif', 'infra/main.tf']);
		const results = (JSON.parse(out) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!
			.results;
		expect(results.map(where)).toEqual(['KV016 infra/main.tf:4']);
	});

	it('checks a folder once: the module checked alone adds no repeated finding', () => {
		const { out } = kvcert(['--format', 'sarif', 'infra']);
		const results = (JSON.parse(out) as { runs: Array<{ results: SarifResult[] }> }).runs[0]!
			.results;
		const found = results.map(where);
		expect(found.filter((f) => f === 'KV016 infra/main.bicep:5')).toHaveLength(1);
		expect(found.filter((f) => f === 'KV016 infra/main.tf:4')).toHaveLength(1);
	});

	it('never reads a module outside the checked folder and the repository, and says which path', () => {
		const { out } = kvcert(['infra/outside.bicep']);
		expect(out).toContain('Local module ../../vm.bicep was not read');
		expect(out).not.toContain('KV016');
	});
});
