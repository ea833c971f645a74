import { defineRule } from '../rule.ts';
import { propertyKeyAnchor, settingOccurrences } from './util.ts';

/** KV027: Linux 4.x removed customSymbolicLinkName and aclEnabled. */
export const linuxV4RemovedSettingsRule = defineRule({
	id: 'KV027',
	name: 'linux-v4-removed-settings',
	severity: 'warning',
	meta: {
		title: {
			ja: 'customSymbolicLinkName と aclEnabled は Linux 4.x で削除されました',
			en: 'Linux 4.x removed customSymbolicLinkName and aclEnabled',
		},
		docs: {
			ja: 'Linux 4.x では `customSymbolicLinkName` と `aclEnabled` が削除されました (ACL は常に有効です)。書いても効果はありません。',
			en: 'Linux 4.x removed `customSymbolicLinkName`, and `aclEnabled` too (ACLs are always on). They have no effect.',
		},
		messages: {
			removed: {
				ja: '{{name}} は Linux 4.x で削除されました。',
				en: '{{name}} was removed in Linux 4.x.',
			},
		},
		sources: ['S11'],
	},
	check(context) {
		if (context.os !== 'linux' || context.major !== 4) return;
		for (const name of ['customSymbolicLinkName', 'aclEnabled'])
			for (const at of settingOccurrences(context, name))
				context.report({ messageId: 'removed', data: { name }, at: propertyKeyAnchor(at) });
	},
});
