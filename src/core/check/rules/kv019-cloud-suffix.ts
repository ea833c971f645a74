import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { observedUrls, pieceReport } from './observed-urls.ts';
import { textOf } from './util.ts';

/** The Key Vault suffix of the cloud a region belongs to. */
function suffixForRegion(region: string): string | undefined {
	const name = region.toLowerCase().replace(/\s+/g, '');
	if (!/^[a-z0-9]+$/.test(name) || name === 'global') return undefined;
	if (name.startsWith('china')) return 'vault.azure.cn';
	if (name.startsWith('usgov') || name.startsWith('usdod')) return 'vault.usgovcloudapi.net';
	if (name === 'germanycentral' || name === 'germanynortheast') return 'vault.microsoftazure.de';
	return 'vault.azure.net';
}

/** KV019: the vault's DNS suffix matches the cloud of the deployment's region. */
export const cloudSuffixRule = defineRule({
	id: 'KV019',
	name: 'cloud-suffix',
	severity: 'warning',
	meta: {
		title: {
			ja: 'Key Vault の DNS サフィックスをデプロイ先のクラウドに合わせます',
			en: 'The vault’s DNS suffix should match the target cloud',
		},
		docs: {
			ja: 'Key Vault のホスト名のサフィックスはクラウドごとに違います。Azure は vault.azure.net、21Vianet は vault.azure.cn、US Government は vault.usgovcloudapi.net です。拡張機能や仮想マシンの location が分かる場合は、リージョンのクラウドとサフィックスが合っているかを確認します。どのクラウドでも動くよう、`environment().suffixes.keyvaultDns` を使うことをお勧めします。',
			en: 'Key Vault host suffixes differ per cloud (Azure: vault.azure.net, 21Vianet: vault.azure.cn, US Government: vault.usgovcloudapi.net). When the location of the extension or its machine is known, the rule checks that the suffix belongs to that region’s cloud. `environment().suffixes.keyvaultDns` works in every cloud.',
		},
		messages: {
			mismatch: {
				ja: 'リージョン {{region}} のクラウドでは Key Vault のサフィックスは {{expected}} ですが、URL は {{actual}} です。',
				en: 'In the cloud of region {{region}} the Key Vault suffix is {{expected}}, but the URL uses {{actual}}.',
			},
		},
		sources: ['S13', 'S6'],
	},
	check(context) {
		const { resource, host } = context.extension;
		const region =
			textOf(child(resource?.at, 'location', true)) ??
			textOf(child(host?.resource.at, 'location', true));
		const expected = region ? suffixForRegion(region) : undefined;
		if (!expected) return;
		for (const url of observedUrls(context)) {
			const { suffix, host: hostPiece } = url.shape;
			if (suffix.kind !== 'known') continue;
			const actual = suffix.text.toLowerCase();
			if (actual === expected || !actual.startsWith('vault.')) continue;
			context.report({
				messageId: 'mismatch',
				data: { region: region!, expected, actual },
				...pieceReport(url, hostPiece),
			});
		}
	},
});
