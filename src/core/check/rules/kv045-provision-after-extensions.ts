import { anchorOf, child, items, resolve } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { textOf } from './util.ts';

/** KV045: other scale-set extensions should wait for the certificates with provisionAfterExtensions. */
export const provisionAfterExtensionsRule = defineRule({
	id: 'KV045',
	name: 'provision-after-extensions',
	severity: 'info',
	meta: {
		title: {
			ja: 'スケール セットのほかの拡張機能は provisionAfterExtensions で証明書のインストールを待たせます',
			en: 'Let other scale-set extensions wait for the certificates with provisionAfterExtensions',
		},
		docs: {
			ja: 'スケール セットで証明書を使う拡張機能 (Service Fabric など) は、証明書のインストール後に動く必要があります。`provisionAfterExtensions` に Key Vault VM 拡張機能の名前を書きます (1.0～3.0 では requireInitialSync も併用します)。どの拡張機能が証明書を使うかは静的には分からないため情報に留めています。',
			en: 'Extensions on a scale set that use the certificates (Service Fabric, for example) list the Key Vault extension’s name in `provisionAfterExtensions` so that they run after the certificates are installed (with requireInitialSync on 1.0–3.0). Which extensions use the certificates cannot be known statically, hence info.',
		},
		messages: {
			noOrdering: {
				ja: 'スケール セットのほかの拡張機能に、"{{name}}" を待つ provisionAfterExtensions がありません。証明書を使う拡張機能には待機を設定してください。',
				en: 'No other extension of the scale set waits for "{{name}}" with provisionAfterExtensions; make the ones that use the certificates wait.',
			},
		},
		sources: ['S12', 'S1'],
	},
	check(context) {
		const { host, name, form } = context.extension;
		if (!host || host.kind !== 'vmss' || form !== 'profile' || host.otherExtensions.length === 0)
			return;
		const own = name ? knownText(name.value) : undefined;
		if (own === undefined || !name?.anchor) return;
		for (const other of host.otherExtensions) {
			const list = child(child(other, 'properties', true), 'provisionAfterExtensions', true);
			if (!list) continue;
			if (resolve(list).at.node.type !== 'array') return;
			if (items(list).some((item) => textOf(item) === undefined || textOf(item) === own)) return;
		}
		context.report({
			messageId: 'noOrdering',
			data: { name: own },
			at: name.anchor,
			related: [{ at: anchorOf(host.resource.at), message: relatedMessages.hostDeclared }],
		});
	},
});
