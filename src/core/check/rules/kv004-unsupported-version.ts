import { defineRule } from '../rule.ts';
import { fieldPlace } from './util.ts';

/** KV004: versions below 3.0 are not supported by Microsoft. */
export const unsupportedVersionRule = defineRule({
	id: 'KV004',
	name: 'unsupported-version',
	severity: 'warning',
	meta: {
		title: {
			ja: 'バージョン 3.0 未満の拡張機能はサポート対象外です',
			en: 'Extension versions below 3.0 are not supported',
		},
		docs: {
			ja: 'Microsoft がサポートするのは Key Vault VM 拡張機能のメジャー バージョン 3.0 以降です。1.0 や 2.0 を使っている場合は、サポートを依頼する前に最新バージョンへ更新するよう案内されています。動作はするため警告にしています。',
			en: 'Microsoft supports only major version 3.0 and later of the Key Vault VM extension; users of 1.0 are told to upgrade before asking for support. It still works, so this is a warning.',
		},
		messages: {
			old: {
				ja: 'typeHandlerVersion {{actual}} はサポート対象外です。3.0 以降 (できれば 4.0) に更新してください。',
				en: 'typeHandlerVersion {{actual}} is not supported; upgrade to 3.0 or later (preferably 4.0).',
			},
		},
		sources: ['S11'],
	},
	check(context) {
		const { version } = context.extension;
		if (!version || context.major === undefined || context.major >= 3) return;
		const { anchor, related } = fieldPlace(version);
		context.report({
			messageId: 'old',
			data: { actual: context.version ?? '' },
			at: anchor,
			related,
		});
	},
});
