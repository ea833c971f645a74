import type { Anchor } from '../navigate.ts';
import { defineRule, type ReportDescriptor } from '../rule.ts';

/**
 * KV053: az CLI long options take two dashes. Reported by the command reader (it reads the option
 * as meant, so the rest of the command is still checked).
 */
export const azOptionDashesRule = defineRule({
	id: 'KV053',
	name: 'az-option-dashes',
	severity: 'error',
	meta: {
		title: {
			ja: 'az CLI の長いオプションはハイフン 2 つで書きます',
			en: 'az CLI long options take two dashes',
		},
		docs: {
			ja: 'az CLI のオプションは `--name`、`--resource-group` のようにハイフン 2 つで始まります。`-name` のように 1 つだと、az は短いオプション `-n` とその値 `ame` のように読むか、知らない引数として扱い、コマンドは失敗します。PowerShell のコマンドレットの書き方 (`-Name`) から移るときに起きやすい誤りです。kvcert はオプションを意図どおりに読んで残りの確認を続け、ハイフンを足す修正を示します。',
			en: 'az CLI options start with two dashes: `--name`, `--resource-group`. With one (`-name`), az reads the short option `-n` with the value `ame`, or an argument it does not know, and the command fails. It happens when moving from PowerShell cmdlets (`-Name`). kvcert reads the option as meant, checks the rest, and offers the fix that adds the dash.',
		},
		messages: {
			oneDash: {
				ja: 'az のオプション {{written}} はハイフンが 1 つです。{{meant}} と書いてください (このままではコマンドが失敗します)。',
				en: 'The az option {{written}} has one dash; write {{meant}} (as written, the command fails).',
			},
			fix: { ja: '{{meant}} にする', en: 'Write {{meant}}' },
		},
		sources: ['S28'],
		examples: {
			bad: `az vm extension set -name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --resource-group rg --vm-name vm1 --version 3.0 --settings '{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": [{"url": "https://kvprod.vault.azure.net/secrets/web"}]}}'`,
			good: `az vm extension set --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --resource-group rg --vm-name vm1 --version 3.0 --settings '{"secretsManagementSettings": {"pollingIntervalInS": "3600", "observedCertificates": [{"url": "https://kvprod.vault.azure.net/secrets/web"}]}}'`,
		},
	},
});

/** The finding for an az option written with one dash, with the fix that adds the other. */
export function oneDashOption(written: string, meant: string, at: Anchor): ReportDescriptor {
	return {
		messageId: 'oneDash',
		data: { written, meant },
		at,
		fix: {
			messageId: 'fix',
			data: { meant },
			edits: [{ at: { ...at, end: at.start }, text: '-' }],
		},
	};
}
