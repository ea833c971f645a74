import { resourceName } from '../find.ts';
import { hostIdentity } from '../host.ts';
import { anchorOf, child, items, resolve } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import type { Located } from '../values.ts';
import { booleanOf, propertyKeyAnchor } from './util.ts';

/** KV037: requireInitialSync with a system-assigned identity granted in the same template deadlocks. */
export const initialSyncDeadlockRule = defineRule({
	id: 'KV037',
	name: 'initial-sync-deadlock',
	severity: 'warning',
	meta: {
		title: {
			ja: 'requireInitialSync と、同じテンプレート内でのシステム割り当てマネージド ID へのアクセス権の付与を併用するとデプロイが行き詰まります',
			en: 'requireInitialSync with a system-assigned identity granted in the same template deadlocks',
		},
		docs: {
			ja: '`requireInitialSync: true` の拡張機能は証明書をすべて取得するまで完了しません。システム割り当てマネージド ID は仮想マシンと一緒に作られるため、その ID へのアクセス ポリシーやロールの割り当てを同じテンプレートで作ると、付与は仮想マシン (と拡張機能) の完了を待ち、拡張機能は付与を待つことになります。ドキュメントは、事前にアクセス権を付与した 1 つのユーザー割り当てマネージド ID を使うよう勧めています。',
			en: 'With `requireInitialSync: true` the extension does not finish until every certificate is fetched. A system-assigned identity is created with the VM, so an access policy or role assignment for that identity in the same template waits for the VM (and its extension), while the extension waits for the grant. The docs recommend a single user-assigned identity granted beforehand.',
		},
		messages: {
			deadlock: {
				ja: 'requireInitialSync が true です。しかも、仮想マシンのシステム割り当てマネージド ID に対するアクセス権の付与を、同じテンプレートで行っています。デプロイは行き詰まるおそれがあります。事前にアクセス権を付与したユーザー割り当てマネージド ID を使ってください。',
				en: 'requireInitialSync is true and the VM’s system-assigned identity is granted access in the same template; the deployment can deadlock. Use a user-assigned identity granted beforehand.',
			},
		},
		sources: ['S1', 'S2', 'S7'],
	},
	check(context) {
		const { host, document } = context.extension;
		if (!host || host.kind === 'arc' || (context.major !== undefined && context.major >= 4)) return;
		const sync = child(context.secretsManagementSettings, 'requireInitialSync');
		if (booleanOf(sync) !== true) return;
		const identity = hostIdentity(host);
		if (identity.systemAssigned !== true || identity.userAssigned) return;
		const name = resourceName(host.resource);
		if (name === undefined) return;
		const token = name.replace(/\uE001/g, '');
		const principals: Located[] = [];
		const candidates = [
			...(document.byType.get('microsoft.authorization/roleassignments') ?? []),
			...(document.byType.get('microsoft.keyvault/vaults') ?? []),
			...(document.byType.get('microsoft.keyvault/vaults/accesspolicies') ?? []),
		];
		for (const resource of candidates) {
			const properties = child(resource.at, 'properties', true);
			if (resource.type === 'microsoft.authorization/roleassignments') {
				const principal = child(properties, 'principalId', true);
				if (principal) principals.push(principal);
			}
			if (
				resource.type === 'microsoft.keyvault/vaults' ||
				resource.type === 'microsoft.keyvault/vaults/accesspolicies'
			)
				for (const policy of items(child(properties, 'accessPolicies', true))) {
					const objectId = child(policy, 'objectId', true);
					if (objectId) principals.push(objectId);
				}
		}
		const grant = principals.find((at) => {
			const value = resolve(at).value;
			if (value.kind !== 'unknown' || value.hole.tag !== 'principalId') return false;
			const key = value.hole.key;
			return (
				key.includes(token) &&
				(key.includes('/virtualmachines') || key.startsWith(`reference(${token}`))
			);
		});
		if (!grant) return;
		context.report({
			messageId: 'deadlock',
			at: propertyKeyAnchor(sync!),
			related: [
				{ at: anchorOf(grant), message: relatedMessages.grantHere },
				...(identity.at
					? [{ at: anchorOf(identity.at), message: relatedMessages.identityDeclared }]
					: []),
			],
		});
	},
});
