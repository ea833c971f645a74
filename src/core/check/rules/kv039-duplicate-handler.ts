import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import type { ExtensionSite } from '../model.ts';

function handler(site: ExtensionSite): string | undefined {
	const type = site.type && knownText(site.type.value);
	return type?.toLowerCase();
}

/** KV039: only one Key Vault extension (per handler) per machine (declared or named, within one deployment). */
export const duplicateHandlerRule = defineRule({
	id: 'KV039',
	name: 'duplicate-handler',
	severity: 'error',
	meta: {
		title: {
			ja: 'Key Vault VM 拡張機能は 1 台のマシンに 1 つだけです',
			en: 'One Key Vault extension per machine',
		},
		docs: {
			ja: '1 台のマシンにインストールできるのは、同じハンドラー (発行元と type) の拡張機能 1 つだけです。2 つ目は "Multiple VMExtensions per handler not supported" で失敗します。複数の証明書は 1 つの拡張機能の observedCertificates に並べてください。',
			en: 'A machine cannot have two extensions of the same handler (publisher and type); the deployment fails with "Multiple VMExtensions per handler not supported". List several certificates in one extension’s observedCertificates.',
		},
		messages: {
			duplicate: {
				ja: 'このマシンには {{type}} 拡張機能がすでにあります。1 つの拡張機能の observedCertificates にまとめてください。',
				en: 'This machine already has a {{type}} extension; combine them into one extension’s observedCertificates.',
			},
		},
		sources: ['I21'],
	},
	check(context) {
		const site = context.extension;
		const own = handler(site);
		if (site.machine === undefined || own === undefined) return;
		const first = site.document.extensions.find(
			(other) => other.machine === site.machine && handler(other) === own
		);
		if (!first || first === site) return;
		context.report({
			messageId: 'duplicate',
			data: { type: knownText(site.type!.value)! },
			at: site.anchor,
			related: [{ at: first.anchor, message: relatedMessages.firstExtension }],
		});
	},
});
