import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV023: linkOnRenewal is Windows-only and removed in 4.0. */
export const linkOnRenewalRule = defineRule({
	id: 'KV023',
	name: 'link-on-renewal',
	severity: 'warning',
	meta: {
		title: {
			ja: 'linkOnRenewal は Windows 1.0/3.0 だけの設定です',
			en: 'linkOnRenewal only exists on Windows 1.0/3.0',
		},
		docs: {
			ja: '`linkOnRenewal` は更新時に古い証明書と新しい証明書をリンクする Windows の設定です。Linux には「ありません」と明記され、Windows 4.0 では削除されました (4.0 は常にリンクします)。',
			en: '`linkOnRenewal` links the old and the renewed certificate on Windows. The Linux docs say it is "not available", and Windows 4.0 removed it (4.0 always links).',
		},
		messages: {
			linux: {
				ja: 'linkOnRenewal は Linux では使えません。',
				en: 'linkOnRenewal is not available on Linux.',
			},
			v4: {
				ja: 'linkOnRenewal は 4.0 で削除されました (常にリンクされます)。',
				en: 'linkOnRenewal was removed in 4.0 (linking always happens).',
			},
		},
		sources: ['S2', 'S1'],
	},
	check(context) {
		const at = child(context.secretsManagementSettings, 'linkOnRenewal');
		if (!at) return;
		if (context.os === 'linux') context.report({ messageId: 'linux', at: propertyKeyAnchor(at) });
		else if (context.os === 'windows' && context.major === 4)
			context.report({ messageId: 'v4', at: propertyKeyAnchor(at) });
	},
});
