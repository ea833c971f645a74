import { defineRule } from '../rule.ts';
import { propertyKeyAnchor, settingOccurrences } from './util.ts';

/** KV022: certificateStoreName is ignored on Linux. */
export const linuxStoreNameRule = defineRule({
	id: 'KV022',
	name: 'linux-store-name',
	severity: 'info',
	meta: {
		title: {
			ja: 'Linux では certificateStoreName は無視されます',
			en: 'certificateStoreName is ignored on Linux',
		},
		docs: {
			ja: 'Linux の拡張機能は `certificateStoreName` を使いません。書いても害はありませんが、効果があると誤解しないよう知らせます。',
			en: 'The Linux extension does not use `certificateStoreName`. It does no harm, but it has no effect either.',
		},
		messages: {
			ignored: {
				ja: 'certificateStoreName は Linux では無視されます。',
				en: 'certificateStoreName is ignored on Linux.',
			},
		},
		sources: ['S7', 'S11'],
	},
	check(context) {
		if (context.os !== 'linux') return;
		for (const at of settingOccurrences(context, 'certificateStoreName'))
			context.report({ messageId: 'ignored', at: propertyKeyAnchor(at) });
	},
});
