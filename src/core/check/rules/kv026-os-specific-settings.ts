import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor, settingOccurrences } from './util.ts';

const windowsOnly = ['accounts'];
const linuxOnly = ['acls', 'aclEnabled', 'customSymbolicLinkName'];

/** KV026: a setting of the other OS has no effect. */
export const osSpecificSettingsRule = defineRule({
	id: 'KV026',
	name: 'os-specific-settings',
	severity: 'warning',
	meta: {
		title: {
			ja: 'ほかの OS 用の設定は効果がありません',
			en: 'Settings of the other OS have no effect',
		},
		docs: {
			ja: '`accounts` (秘密鍵を読めるアカウント) は Windows、`acls`、`aclEnabled`、`customSymbolicLinkName`、`loggingSettings` は Linux の設定です。ほかの OS の設定を書いても効果はありません (未知の設定が無視されるか拒否されるかはドキュメントに記載がないため警告にしています)。keyExportable は KV024 で扱います。',
			en: '`accounts` (accounts allowed to read the private key) is a Windows setting; `acls`, `aclEnabled`, `customSymbolicLinkName` and `loggingSettings` are Linux settings. A setting of the other OS has no effect (whether unknown settings are ignored or rejected is not confirmed, hence a warning). keyExportable is KV024.',
		},
		messages: {
			otherOs: {
				ja: '{{name}} は {{os}} の設定ではないため効果がありません。',
				en: '{{name}} is not a {{os}} setting and has no effect.',
			},
		},
		sources: ['S2', 'S7'],
	},
	check(context) {
		const { os } = context;
		if (!os) return;
		const names = os === 'windows' ? linuxOnly : windowsOnly;
		const data = (name: string) => ({ name, os: os === 'windows' ? 'Windows' : 'Linux' });
		for (const name of names)
			for (const at of settingOccurrences(context, name))
				context.report({ messageId: 'otherOs', data: data(name), at: propertyKeyAnchor(at) });
		if (os === 'windows') {
			const logging = child(context.settings, 'loggingSettings');
			if (logging)
				context.report({
					messageId: 'otherOs',
					data: data('loggingSettings'),
					at: propertyKeyAnchor(logging),
				});
		}
	},
});
