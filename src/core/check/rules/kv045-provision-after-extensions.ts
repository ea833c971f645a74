import { anchorOf, child, items, resolve } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import type { JsonNode } from '../json.ts';
import { knownText, type Located } from '../values.ts';
import { textOf } from './util.ts';

/** Extension types documented to use the machine's certificates (research S12: Service Fabric). */
const certificateUsers = /^servicefabric(?:linux)?node$|^servicefabricmcnode$/i;

/**
 * Whether another extension of the scale set uses the certificates: a Service Fabric node extension,
 * or settings that speak of certificates or thumbprints. Health probes, monitoring agents and the
 * like do not, and need not wait.
 */
function usesCertificates(other: Located): boolean {
	const properties = child(other, 'properties', true);
	const type = textOf(child(properties, 'type', true));
	if (type !== undefined && certificateUsers.test(type)) return true;
	const settings = child(properties, 'settings', true);
	return settings ? speaksOfCertificates(resolve(settings).at) : false;
}

/**
 * Whether settings name a certificate: a key such as `SSLCert` or `certificateThumbprint`, or a
 * value that says certificate or thumbprint. Keys and values only: a commented-out line
 * (`// Thumbprint: …` in Bicep) is not the settings.
 */
function speaksOfCertificates(at: Located): boolean {
	const stack: JsonNode[] = [at.node];
	for (let seen = 0; stack.length > 0 && seen < 5_000; seen++) {
		const node = stack.pop()!;
		if (node.type === 'property') {
			const key = node.children?.[0]?.value;
			if (typeof key === 'string' && /cert|thumbprint/i.test(key)) return true;
			if (node.children?.[1]) stack.push(node.children[1]);
		} else if (node.type === 'object' || node.type === 'array')
			stack.push(...(node.children ?? []));
		else if (node.type === 'string') {
			const text = knownText(resolve({ ...at, node }).value);
			if (text !== undefined && /certificate|thumbprint/i.test(text)) return true;
		}
	}
	return false;
}

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
			ja: 'スケール セットで証明書を使う拡張機能 (Service Fabric など) は、証明書のインストール後に動く必要があります。`provisionAfterExtensions` に Key Vault VM 拡張機能の名前を書きます (1.0～3.0 では requireInitialSync も併用します)。ほかの拡張機能が証明書を使うと読み取れる場合 (Service Fabric のノード拡張機能、または settings に証明書や拇印の設定がある場合) にだけ知らせます。それでも確かではないため情報に留めています。',
			en: 'Extensions on a scale set that use the certificates (Service Fabric, for example) list the Key Vault extension’s name in `provisionAfterExtensions` so that they run after the certificates are installed (with requireInitialSync on 1.0–3.0). It is reported only when another extension is seen to use certificates (a Service Fabric node extension, or settings that name a certificate or thumbprint); even then it cannot be certain, hence info.',
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
		const users = host.otherExtensions.filter(usesCertificates);
		if (users.length === 0) return;
		for (const other of users) {
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
