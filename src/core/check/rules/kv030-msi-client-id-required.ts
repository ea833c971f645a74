import { hostIdentity } from '../host.ts';
import { anchorOf, child } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV030: with any user-assigned identity, authenticationSettings.msiClientId is required. */
export const msiClientIdRequiredRule = defineRule({
	id: 'KV030',
	name: 'msi-client-id-required',
	severity: 'error',
	meta: {
		title: {
			ja: 'ユーザー割り当てマネージド ID がある場合は authenticationSettings.msiClientId を指定します',
			en: 'With a user-assigned identity, set authenticationSettings.msiClientId',
		},
		docs: {
			ja: '仮想マシンにユーザー割り当てマネージド ID が 1 つでもあると、拡張機能はどの ID を使うか判断できません。`authenticationSettings.msiClientId` には、その ID のクライアント ID を指定します。指定しないと IMDS が "Identity not found" を返し、"Failed to download one or more certificates, retrying..." が続きます。',
			en: 'When the machine has any user-assigned managed identity, the extension cannot tell which identity to use. Without `authenticationSettings.msiClientId` set to that identity’s client ID, IMDS answers "Identity not found" and the extension keeps reporting "Failed to download one or more certificates, retrying...".',
		},
		messages: {
			missing: {
				ja: '仮想マシンにユーザー割り当てマネージド ID があるのに authenticationSettings.msiClientId がありません。使用するマネージド ID のクライアント ID を指定してください。',
				en: 'The machine has a user-assigned identity but authenticationSettings.msiClientId is missing; set the client ID of the identity to use.',
			},
		},
		sources: ['S1', 'S7', 'I2', 'I13'],
	},
	check(context) {
		const { host, settings } = context.extension;
		if (!host || host.kind === 'arc' || !context.settings) return;
		const identity = hostIdentity(host);
		if (!identity.userAssigned) return;
		if (child(context.authenticationSettings, 'msiClientId')) return;
		if (
			context.authenticationSettings === undefined &&
			child(context.settings, 'authenticationSettings')
		)
			return;
		const at = context.authenticationSettings
			? propertyKeyAnchor(context.authenticationSettings)
			: settings
				? propertyKeyAnchor(settings)
				: context.extension.anchor;
		context.report({
			messageId: 'missing',
			at,
			related: identity.at
				? [{ at: anchorOf(identity.at), message: relatedMessages.identityDeclared }]
				: [],
		});
	},
});
