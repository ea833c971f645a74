import { hostIdentity } from '../host.ts';
import { anchorOf, child } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { authenticationBlocks, propertyKeyAnchor } from './util.ts';

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
			ja: 'ドキュメントは、ユーザー割り当てマネージド ID を持つ仮想マシンでは `authenticationSettings` を必須としています。`authenticationSettings.msiClientId` には、その ID のクライアント ID を指定します。指定しないと IMDS が "Identity not found" を返し、"Failed to download one or more certificates, retrying..." が続きます。失敗の報告は複数の ID を持つマシンのものです。ユーザー割り当てマネージド ID が 1 つだけでシステム割り当てマネージド ID がない場合に失敗したという報告は見つかっていないため、警告にしています (ドキュメントは msiClientId を求めています)。',
			en: 'The documentation makes `authenticationSettings` required on a machine with any user-assigned managed identity. Without `authenticationSettings.msiClientId` set to that identity’s client ID, IMDS answers "Identity not found" and the extension keeps reporting "Failed to download one or more certificates, retrying...". The failure reports concern machines with several identities; no failure has been reported with exactly one user-assigned identity and no system-assigned one, so that case is a warning (the documentation still asks for msiClientId).',
		},
		messages: {
			missing: {
				ja: '仮想マシンにユーザー割り当てマネージド ID があるのに authenticationSettings.msiClientId がありません。使用するマネージド ID のクライアント ID を指定してください。',
				en: 'The machine has a user-assigned identity but authenticationSettings.msiClientId is missing; set the client ID of the identity to use.',
			},
			missingSingle: {
				ja: '仮想マシンのユーザー割り当てマネージド ID は 1 つだけで、システム割り当てマネージド ID はありません。この構成で msiClientId がなくて失敗したという報告は見つかっていませんが、ドキュメントはユーザー割り当てマネージド ID があれば authenticationSettings.msiClientId を求めています。あとで ID を追加すると失敗するため、指定しておいてください。',
				en: 'The machine has exactly one user-assigned identity and no system-assigned one: no failure without msiClientId has been reported for this case, but the documentation asks for authenticationSettings.msiClientId whenever there is a user-assigned identity, and adding an identity later breaks it. Set it.',
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
		// Written in the wrong place: KV009 says where it belongs; its msiClientId is not missing.
		if (authenticationBlocks(context).misplaced.some((at) => child(at, 'msiClientId'))) return;
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
		// One user-assigned identity and no system-assigned one: the only identity IMDS can pick.
		const single = identity.systemAssigned === false && identity.userAssignedKeys.length === 1;
		context.report({
			messageId: single ? 'missingSingle' : 'missing',
			...(single ? { severity: 'warning' as const } : {}),
			at,
			related: identity.at
				? [{ at: anchorOf(identity.at), message: relatedMessages.identityDeclared }]
				: [],
		});
	},
});
