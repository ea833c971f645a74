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
			ja: 'Azure CLI の長いオプションはハイフン 2 つで書きます',
			en: 'az CLI long options take two dashes',
		},
		docs: {
			ja: 'Azure CLI のオプションは `--name`、`--resource-group` のようにハイフン 2 つで始まります。`-name` のように 1 つだと、az は短いオプション `-n` とその値 `ame` のように読むか、知らない引数として扱い、コマンドは失敗します。PowerShell のコマンドレットの書き方 (`-Name`) から移るときに起きやすい誤りです。kvcert はオプションを意図どおりに読んで残りの確認を続け、ハイフンを足す修正を示します。',
			en: 'az CLI options start with two dashes: `--name`, `--resource-group`. With one (`-name`), az reads the short option `-n` with the value `ame`, or an argument it does not know, and the command fails. It happens when moving from PowerShell cmdlets (`-Name`). kvcert reads the option as meant, checks the rest, and offers the fix that adds the dash.',
		},
		messages: {
			oneDash: {
				ja: 'az のオプション {{written}} はハイフンが 1 つです。{{meant}} と書いてください (このままではコマンドが失敗します)。',
				en: 'The az option {{written}} has one dash; write {{meant}} (as written, the command fails).',
			},
			enDash: {
				ja: 'az のオプション {{written}} の先頭は en ダッシュ (–) です。ハイフン 2 つで {{meant}} と書いてください (このままでは az がオプションと認識せず、コマンドが失敗します)。',
				en: 'The az option {{written}} starts with an en dash (–), not two hyphens; write {{meant}} (as written, az does not see an option and the command fails).',
			},
			emDash: {
				ja: 'az のオプション {{written}} の先頭は em ダッシュ (—) です。ハイフン 2 つで {{meant}} と書いてください (このままでは az がオプションと認識せず、コマンドが失敗します)。',
				en: 'The az option {{written}} starts with an em dash (—), not two hyphens; write {{meant}} (as written, az does not see an option and the command fails).',
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

/**
 * The finding for an az option written with one dash, or with an en or em dash where `--` belongs
 * (`–settings`, as documentation typography makes it), with the fix that writes two hyphens.
 */
export function oneDashOption(
	written: string,
	meant: string,
	at: Anchor,
	dash?: 'en' | 'em'
): ReportDescriptor {
	if (dash)
		return {
			messageId: dash === 'en' ? 'enDash' : 'emDash',
			data: { written, meant },
			at,
			fix: {
				messageId: 'fix',
				data: { meant },
				edits: [{ at: { ...at, end: at.start + 1 }, text: '--' }],
			},
		};
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
