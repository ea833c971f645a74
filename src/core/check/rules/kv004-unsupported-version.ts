import type { OsKind } from '../model.ts';
import { defineRule } from '../rule.ts';
import type { Localized } from '../types.ts';
import { fieldPlace } from './util.ts';

/**
 * The page that says it, per OS: the Windows article ("Get support" of the revision with ms.date
 * 07/14/2026, read in MicrosoftDocs' articles/virtual-machines/extensions/key-vault-windows.md; the
 * 05/07/2026 revision of research S1 did not have it) and the Linux 4.x article (S11) carry the same
 * sentence; with the OS unknown, both are named.
 */
const statedIn: Record<OsKind | 'unknown', Localized> = {
	windows: { ja: 'Windows 版のドキュメントに記載', en: 'as the Windows documentation states it' },
	linux: { ja: 'Linux 版のドキュメントに記載', en: 'as the Linux documentation states it' },
	unknown: {
		ja: 'Windows 版と Linux 版のドキュメントに記載',
		en: 'as the Windows and Linux documentation state it',
	},
};

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
			ja: 'Microsoft がサポートするのは、Key Vault VM 拡張機能のメジャー バージョン 3.0 以降です。Windows 版 (2026 年 7 月 14 日の改訂以降) と Linux 4.x 版のドキュメントの、サポートについてのセクション (「Get support」) に記載されています。1.0 を使っている場合は、サポートを依頼する前に最新バージョンへ更新するよう案内されています。メッセージには、拡張機能の OS に応じて記載のあるドキュメントを示します (OS が分からない場合は両方)。拡張機能は動作するため、警告にしています。Windows 版の記載は、英語版の記事の ms.date 07/14/2026 の改訂で確認しました。その記事の URL は `https://learn.microsoft.com/en-us/azure/virtual-machines/extensions/key-vault-windows#get-support` です。',
			en: 'The "Get support" section of the Windows documentation (from its revision of 14 July 2026) and of the Linux 4.x documentation says Microsoft supports only major version 3.0 and later of the Key Vault VM extension, and tells users of 1.0 to upgrade before asking for support. The message names the documentation of the extension’s OS (both when the OS is not known). The extension still works, so this is a warning. The Windows statement was read at `https://learn.microsoft.com/en-us/azure/virtual-machines/extensions/key-vault-windows#get-support` (the revision with ms.date 07/14/2026).',
		},
		messages: {
			old: {
				ja: 'typeHandlerVersion {{actual}} は Microsoft のサポート対象外です ({{statedIn}})。3.0 以降 (できれば 4.0) に更新してください。',
				en: 'typeHandlerVersion {{actual}} is outside Microsoft’s support ({{statedIn}}); upgrade to 3.0 or later (preferably 4.0).',
			},
		},
		sources: ['S1', 'S11'],
	},
	check(context) {
		const { version } = context.extension;
		if (!version || context.major === undefined || context.major >= 3) return;
		const { anchor, related } = fieldPlace(version);
		context.report({
			messageId: 'old',
			data: { actual: context.version ?? '' },
			phrases: { statedIn: statedIn[context.os ?? 'unknown'] },
			at: anchor,
			related,
		});
	},
});
