import type { Rule } from './rule.ts';
import type { Lang, Localized } from './types.ts';

/** A public page a rule's facts come from. */
export interface SourceLink {
	/** The address; Microsoft Learn pages have one per language. */
	url: string | Localized;
	title: Localized;
}

const learn = (path: string, title: Localized): SourceLink => ({
	url: {
		ja: `https://learn.microsoft.com/ja-jp/${path}`,
		en: `https://learn.microsoft.com/en-us/${path}`,
	},
	title,
});

const issue = (repo: string, number: number, kind: 'issues' | 'pull' = 'issues'): SourceLink => ({
	url: `https://github.com/${repo}/${kind}/${number}`,
	title: {
		ja: `GitHub の${kind === 'pull' ? 'プルリクエスト' : ' issue'} ${repo}#${number}`,
		en: `GitHub ${kind === 'pull' ? 'pull request' : 'issue'} ${repo}#${number}`,
	},
});

const code = (repo: string, commit: string, path: string): SourceLink => ({
	url: `https://github.com/${repo}/blob/${commit}/${path}`,
	title: { ja: `${repo} の ${path}`, en: `${path} in ${repo}` },
});

/** The Learn article for KeyVaultForWindows: every rule page cites it. */
export const windowsDoc = learn('azure/virtual-machines/extensions/key-vault-windows', {
	ja: 'Windows 用の Azure Key Vault 仮想マシン拡張機能',
	en: 'Azure Key Vault virtual machine extension for Windows',
});

/** The Learn article for KeyVaultForLinux: every rule page cites it. */
export const linuxDoc = learn('azure/virtual-machines/extensions/key-vault-linux', {
	ja: 'Linux 用の Key Vault 仮想マシン拡張機能',
	en: 'Key Vault virtual machine extension for Linux',
});

/**
 * The public pages behind the evidence tags of rule metadata (research/kvvm-extension.md §9). Older
 * copies of the Windows and Linux articles (S2–S4, S8–S10) point at the current article.
 */
export const sourceLinks: Record<string, SourceLink[]> = {
	S1: [windowsDoc],
	S2: [windowsDoc],
	S3: [windowsDoc],
	S4: [windowsDoc],
	S5: [
		code(
			'MicrosoftDocs/azure-docs',
			'56136687',
			'articles/virtual-machines/extensions/KeyVaultVMExtension.md'
		),
	],
	S6: [
		{
			url: 'https://docs.azure.cn/zh-cn/virtual-machines/extensions/key-vault-windows',
			title: {
				ja: 'Azure China (21Vianet) の Windows 用 Key Vault 仮想マシン拡張機能の記事',
				en: 'The Key Vault virtual machine extension for Windows article for Azure China (21Vianet)',
			},
		},
	],
	S7: [linuxDoc],
	S8: [linuxDoc],
	S9: [linuxDoc],
	S10: [linuxDoc],
	S11: [linuxDoc],
	S12: [
		learn('azure/service-fabric/cluster-security-certificate-management', {
			ja: 'Service Fabric クラスターでの証明書管理',
			en: 'Manage certificates in Service Fabric clusters',
		}),
	],
	S13: [
		learn('azure/key-vault/general/about-keys-secrets-certificates', {
			ja: 'Azure Key Vault のキー、シークレット、証明書の概要',
			en: 'Azure Key Vault keys, secrets, and certificates overview',
		}),
	],
	S14: [
		learn('azure/azure-resource-manager/management/resource-name-rules', {
			ja: 'Azure リソースの名前付け規則と制限事項',
			en: 'Naming rules and restrictions for Azure resources',
		}),
	],
	S15: [
		learn('azure/role-based-access-control/built-in-roles/security', {
			ja: 'セキュリティ用の Azure 組み込みロール',
			en: 'Azure built-in roles for Security',
		}),
	],
	S18: [
		learn('azure/azure-resource-manager/templates/child-resource-name-type', {
			ja: 'ARM テンプレートで子リソースの名前と種類を設定する',
			en: 'Set name and type for child resources in ARM templates',
		}),
	],
	S20: [
		{
			url: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/virtual_machine_extension',
			title: { ja: 'azurerm_virtual_machine_extension', en: 'azurerm_virtual_machine_extension' },
		},
	],
	S22: [
		code(
			'microsoft/AzureTRE',
			'19f905a0',
			'templates/shared_services/sonatype-nexus-vm/terraform/vm.tf'
		),
	],
	S23: [
		code(
			'aztfmod/terraform-azurerm-caf',
			'5380ea94',
			'modules/compute/virtual_machine_extensions/keyvaultforwindows.tf'
		),
	],
	S23b: [
		learn('azure/azure-arc/servers/manage-vm-extensions-template', {
			ja: 'ARM テンプレートを使用して Azure VM 拡張機能を有効にする (Azure Arc 対応サーバー)',
			en: 'Enable Azure VM extensions using ARM templates (Azure Arc-enabled servers)',
		}),
	],
	S24: [code('Azure/certlc', '47d751f7', '.scripts/kvextensionWin.ps1')],
	S26: [code('microsoft/lisa', '0839b7fe', 'microsoft/testsuites/vm_extensions/kvvm_extension.py')],
	S28: [
		learn('cli/azure/vm/extension', {
			ja: 'az vm extension',
			en: 'az vm extension',
		}),
	],
	S29: [
		learn('javascript/api/@azure/arm-compute/virtualmachineextensionupdate', {
			ja: 'VirtualMachineExtensionUpdate (Azure SDK リファレンス)',
			en: 'VirtualMachineExtensionUpdate (Azure SDK reference)',
		}),
	],
	S31: [
		learn('javascript/api/@azure/arm-keyvault/secretproperties', {
			ja: 'SecretProperties (Azure SDK リファレンス)',
			en: 'SecretProperties (Azure SDK reference)',
		}),
	],
	// az CLI's shell_safe_json_parse: json.loads, then ast.literal_eval, then "Failed to parse JSON".
	C1: [code('Azure/azure-cli', '75c41683', 'src/azure-cli-core/azure/cli/core/util.py')],
	I1: [issue('MicrosoftDocs/azure-docs', 41837)],
	I2: [issue('MicrosoftDocs/azure-docs', 43099)],
	I3: [issue('MicrosoftDocs/azure-docs', 49224)],
	I6: [issue('MicrosoftDocs/azure-docs', 56136)],
	I7: [issue('MicrosoftDocs/azure-docs', 66632), issue('MicrosoftDocs/azure-docs', 109667)],
	I8: [issue('MicrosoftDocs/azure-docs', 103281)],
	I9: [issue('MicrosoftDocs/azure-docs', 67886)],
	I10: [issue('MicrosoftDocs/azure-docs', 43898)],
	I13: [issue('MicrosoftDocs/azure-docs', 124819)],
	I17: [issue('Azure/azure-linux-extensions', 1915)],
	I19: [issue('microsoft/AzureTRE', 3492)],
	I21: [issue('Azure/azure-powershell', 8173), issue('MicrosoftDocs/azure-docs', 55085)],
	I22: [issue('MicrosoftDocs/azure-docs', 42955, 'pull')],
};

/** A source link in one language. */
export interface ResolvedSource {
	url: string;
	title: string;
}

/**
 * The sources of a rule's reference page: the Windows and Linux articles first, then every page its
 * metadata cites, each once.
 */
export function ruleSources(rule: Pick<Rule, 'meta'>, lang: Lang): ResolvedSource[] {
	const links = [
		windowsDoc,
		linuxDoc,
		...rule.meta.sources.flatMap((tag) => sourceLinks[tag] ?? []),
	];
	const seen = new Set<string>();
	const out: ResolvedSource[] = [];
	for (const link of links) {
		const url = typeof link.url === 'string' ? link.url : link.url[lang];
		if (seen.has(url)) continue;
		seen.add(url);
		out.push({ url, title: link.title[lang] });
	}
	return out;
}
