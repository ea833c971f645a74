import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV031: msiEndpoint is required when msiClientId is used. */
export const msiEndpointRequiredRule = defineRule({
	id: 'KV031',
	name: 'msi-endpoint-required',
	severity: 'error',
	meta: {
		title: {
			ja: 'msiClientId を使うときは msiEndpoint も指定します',
			en: 'msiEndpoint is required with msiClientId',
		},
		docs: {
			ja: 'ドキュメントには「msiClientId を使う場合は msiEndpoint が必要」とあります。Azure の仮想マシンでは `http://169.254.169.254/metadata/identity` です (Windows の例では `/oauth2/token` 付き)。Azure Arc では `http://localhost:40342/metadata/identity` です。',
			en: 'The docs say msiEndpoint is "required when the msiClientId property is used". On Azure VMs it is `http://169.254.169.254/metadata/identity` (Windows samples add `/oauth2/token`); on Azure Arc it is `http://localhost:40342/metadata/identity`.',
		},
		messages: {
			missing: {
				ja: 'msiClientId があるのに msiEndpoint がありません (Azure VM: http://169.254.169.254/metadata/identity)。',
				en: 'msiClientId is set but msiEndpoint is missing (Azure VM: http://169.254.169.254/metadata/identity).',
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
