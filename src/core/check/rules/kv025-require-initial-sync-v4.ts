import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV025: requireInitialSync was removed in 4.0. */
export const requireInitialSyncV4Rule = defineRule({
	id: 'KV025',
	name: 'require-initial-sync-v4',
	severity: 'warning',
	meta: {
		title: {
			ja: 'requireInitialSync は 4.0 で削除されました',
			en: 'requireInitialSync was removed in 4.0',
		},
		docs: {
			ja: 'バージョン 4.0 では `requireInitialSync` が削除され、拡張機能は設定したすべての証明書をインストールできたときだけ成功を報告します。書いても効果はありません。',
			en: 'Version 4.0 removed `requireInitialSync`: the extension reports success only once every configured certificate is installed. The setting has no effect.',
		},
		messages: {
			removed: {
				ja: 'requireInitialSync は 4.0 で削除されました。4.0 は常にすべての証明書のインストールを待ちます。',
				en: 'requireInitialSync was removed in 4.0; 4.0 always waits for all certificates.',
			},
		},
		sources: ['S1', 'S11'],
	},
	check(context) {
		if (context.major !== 4) return;
		const at = child(context.secretsManagementSettings, 'requireInitialSync');
		if (at) context.report({ messageId: 'removed', at: propertyKeyAnchor(at) });
	},
});
