import { defineRule } from '../rule.ts';
import { fieldPlace } from './util.ts';

/** KV004: versions below 3.0 are not supported by Microsoft. */
export const unsupportedVersionRule = defineRule({
	id: 'KV004',
	name: 'unsupported-version',
	severity: 'warning',
	meta: {
		title: {
			ja: 'バージョン 3.0 未満の拡張機能は Microsoft のサポート対象外です',
			en: 'Extension versions below 3.0 are outside Microsoft’s support',
		},
		docs: {
			ja: 'Linux 4.x のドキュメントによると、Microsoft がサポートするのは Key Vault VM 拡張機能のメジャー バージョン 3.0 以降です。1.0 を使っている場合は、サポートを依頼する前に最新バージョンへ更新するよう案内されています。Windows のドキュメントには同じ記述がありません。拡張機能は動作するため、警告にしています。',
			en: 'The Linux 4.x documentation says Microsoft supports only major version 3.0 and later of the Key Vault VM extension, and tells users of 1.0 to upgrade before asking for support; the Windows documentation does not repeat the statement. The extension still works, so this is a warning.',
		},
		messages: {
			old: {
				ja: 'typeHandlerVersion {{actual}} は Microsoft のサポート対象外です (Linux 4.x のドキュメントの記述)。3.0 以降 (できれば 4.0) に更新してください。',
				en: 'typeHandlerVersion {{actual}} is outside Microsoft’s support (as the Linux 4.x documentation states it); upgrade to 3.0 or later (preferably 4.0).',
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
