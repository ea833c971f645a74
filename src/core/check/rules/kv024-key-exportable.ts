import { defineRule } from '../rule.ts';
import { propertyKeyAnchor, settingOccurrences } from './util.ts';

/** KV024: keyExportable exists only in Windows 3.0. */
export const keyExportableRule = defineRule({
	id: 'KV024',
	name: 'key-exportable',
	severity: 'warning',
	meta: {
		title: {
			ja: 'keyExportable は Windows 3.0 だけの設定です',
			en: 'keyExportable only exists in Windows 3.0',
		},
		docs: {
			ja: '`keyExportable` は、インストールした秘密鍵をエクスポート可能にする Windows 3.0 の設定です。Windows 4.0 では削除され (秘密鍵はエクスポートできません)、Linux にはありません。',
			en: '`keyExportable` makes the installed private key exportable in Windows 3.0. Windows 4.0 removed it (private keys are not exportable), and Linux never had it.',
		},
		messages: {
			notHere: {
				ja: 'keyExportable は {{os}} {{version}} にはありません (Windows 3.0 だけの設定です)。',
				en: 'keyExportable does not exist in {{os}} {{version}} (it is a Windows 3.0 setting).',
			},
		},
		sources: ['S2', 'S1'],
	},
	check(context) {
		const { os, major, version } = context;
		if (!os || (os === 'windows' && (major === undefined || major === 3))) return;
		for (const at of settingOccurrences(context, 'keyExportable'))
			context.report({
				messageId: 'notHere',
				data: { os: os === 'windows' ? 'Windows' : 'Linux', version: version ?? '' },
				at: propertyKeyAnchor(at),
			});
	},
});
