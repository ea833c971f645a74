import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/**
 * KV031: the docs ask for msiEndpoint when msiClientId is used. A warning, not an error: no failure
 * without it is known (research kvvm-extension.md and addenda.md record none), and Microsoft's
 * reference deployment mspnp/iaas-landing-zone-baseline sets msiClientId alone for
 * KeyVaultForLinux 2.2.
 */
export const msiEndpointRequiredRule = defineRule({
	id: 'KV031',
	name: 'msi-endpoint-required',
	severity: 'warning',
	meta: {
		title: {
			ja: 'ドキュメントでは msiClientId と一緒に msiEndpoint が必要です',
			en: 'The docs ask for msiEndpoint with msiClientId',
		},
		docs: {
			ja: 'ドキュメントには「msiClientId を使う場合は msiEndpoint が必要」とあります。Azure の仮想マシンでの値は `http://169.254.169.254/metadata/identity` です (Windows の例では `/oauth2/token` 付き)。Azure Arc 対応サーバーでの値は `http://localhost:40342/metadata/identity` です。ただし、msiEndpoint がないと失敗するという報告は見つかっていません。Microsoft のリファレンス実装 mspnp/iaas-landing-zone-baseline も、KeyVaultForLinux 2.2 で msiClientId だけを指定しています。そのためエラーではなく警告にしています。',
			en: 'The docs say msiEndpoint is "required when the msiClientId property is used". On Azure VMs it is `http://169.254.169.254/metadata/identity` (Windows samples add `/oauth2/token`); on Azure Arc it is `http://localhost:40342/metadata/identity`. No failure without it has been reported, though, and Microsoft’s reference deployment mspnp/iaas-landing-zone-baseline sets msiClientId alone for KeyVaultForLinux 2.2, so this is a warning, not an error.',
		},
		messages: {
			missing: {
				ja: 'msiClientId があるのに msiEndpoint がありません。ドキュメントでは、msiClientId を使う場合は msiEndpoint も必要です。Azure の VM での値は http://169.254.169.254/metadata/identity です。',
				en: 'msiClientId is set without msiEndpoint; the docs ask for both (Azure VM: http://169.254.169.254/metadata/identity).',
			},
		},
		sources: ['S1', 'S2', 'S7'],
	},
	check(context) {
		const auth = context.authenticationSettings;
		const clientId = child(auth, 'msiClientId');
		if (!clientId || child(auth, 'msiEndpoint')) return;
		context.report({ messageId: 'missing', at: propertyKeyAnchor(clientId) });
	},
});
