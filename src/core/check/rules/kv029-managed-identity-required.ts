import { hostIdentity } from '../host.ts';
import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';

/** KV029: the VM or scale set has a managed identity. */
export const managedIdentityRequiredRule = defineRule({
	id: 'KV029',
	name: 'managed-identity-required',
	severity: 'error',
	meta: {
		title: {
			ja: '仮想マシンにマネージド ID を割り当てます',
			en: 'The virtual machine needs a managed identity',
		},
		docs: {
			ja: '拡張機能は仮想マシン (またはスケール セット) のマネージド ID で Key Vault に認証します。同じテンプレートの仮想マシンに `identity` がないか、`type` が `None` だと、証明書を取得できません。システム割り当てマネージド ID かユーザー割り当てマネージド ID を割り当ててください。',
			en: 'The extension authenticates to Key Vault with the managed identity of its virtual machine (or scale set). When the machine in the same template has no `identity`, or its `type` is `None`, no certificate can be fetched. Assign a system- or user-assigned identity.',
		},
		messages: {
			missing: {
				ja: '仮想マシンにマネージド ID がありません。identity (SystemAssigned か UserAssigned) を指定してください。',
				en: 'The machine has no managed identity; add an identity (SystemAssigned or UserAssigned).',
			},
			none: {
				ja: '仮想マシンの identity.type が None です。SystemAssigned か UserAssigned にしてください。',
				en: 'The machine’s identity.type is None; use SystemAssigned or UserAssigned.',
			},
		},
		sources: ['S1', 'S7'],
	},
	check(context) {
		const { host } = context.extension;
		if (!host || host.kind === 'arc') return;
		const identity = hostIdentity(host);
		if (identity.type === undefined) return;
		if (identity.systemAssigned || identity.userAssigned) return;
		const related = [{ at: context.extension.anchor, message: relatedMessages.valueUsed }];
		if (!identity.declared) {
			const name = anchorOf(host.resource.at);
			context.report({ messageId: 'missing', at: { ...name, end: name.start + 1 }, related });
		} else context.report({ messageId: 'none', at: anchorOf(identity.at!), related });
	},
});
