import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV044: the extension needs no protectedSettings. */
export const protectedSettingsRule = defineRule({
	id: 'KV044',
	name: 'protected-settings',
	severity: 'info',
	meta: {
		title: {
			ja: 'この拡張機能に protectedSettings は不要です',
			en: 'This extension needs no protectedSettings',
		},
		docs: {
			ja: 'ドキュメントには「拡張機能は保護された設定を必要としません。すべての設定は公開情報とみなされます」とあります。protectedSettings に書いた設定が読まれるかは確認できないため、settings に書いてください。',
			en: 'The docs say "The extension doesn’t require protected settings. All settings are considered public information." Whether protectedSettings are read at all is not confirmed, so write the settings in settings.',
		},
		messages: {
			present: {
				ja: 'Key Vault VM 拡張機能は protectedSettings を使いません。設定は settings に書いてください。',
				en: 'The Key Vault VM extension does not use protectedSettings; put the settings in settings.',
			},
		},
		sources: ['S1', 'S2'],
	},
	check(context) {
		const at = child(context.extension.properties, 'protectedSettings', true);
		// `null` is what the az CLI prints for an extension without protected settings.
		if (at && at.node.type !== 'null')
			context.report({ messageId: 'present', at: propertyKeyAnchor(at) });
	},
});
