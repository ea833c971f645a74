import type { Localized } from './types.ts';

/** A catalog rule that kvcert check cannot decide from the text it reads, and why. */
export interface NotCheckableRule {
	id: string;
	reason: Localized;
}

/** Catalog rules (research/kvvm-extension.md §8) that are not statically checkable here. */
export const notCheckableRules: NotCheckableRule[] = [
	{
		id: 'KV047',
		reason: {
			ja: '秘密鍵をエクスポートできるかは Key Vault の証明書ポリシーで決まります。証明書は ARM テンプレートでは作れないため、テンプレートにポリシーは現れず、Key Vault の実際の状態を見ないと判断できません。',
			en: 'Whether the private key is exportable is set by the certificate policy in Key Vault. ARM templates cannot create certificates, so the policy never appears in a template; only the vault’s actual state tells.',
		},
	},
	{
		id: 'KV048',
		reason: {
			ja: 'バージョンの引き下げや、Linux 1.0/2.0 から 3.0 以降への変更に当たるかどうかは、仮想マシンに今インストールされている拡張機能 (デプロイ済みの状態) と比べなければ分かりません。',
			en: 'A downgrade, or a change from Linux 1.0/2.0 to 3.0 or later, can only be told by comparing with the extension already installed on the machine (the deployed state).',
		},
	},
];
