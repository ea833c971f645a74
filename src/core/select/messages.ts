import type { ReasonId, StrategyId, WarningId } from './strategies.ts';

/** Languages of the selection texts. */
export type SelectLang = 'ja' | 'en';

/** Strategy names, reasons and warnings in both languages; `{name}` placeholders come from the data. */
export const selectMessages: Record<
	SelectLang,
	{
		strategy: Record<StrategyId, string>;
		reason: Record<ReasonId, string>;
		warning: Record<WarningId, string>;
	}
> = {
	en: {
		strategy: {
			'first-match': 'First match',
			'newest-not-before': 'Newest NotBefore',
			'latest-expiry': 'Latest expiry (NotAfter)',
			'valid-now-newest': 'Valid now, newest (recommended)',
			'pinned-thumbprint': 'Pinned thumbprint',
		},
		reason: {
			noSubject: 'Enter a subject to compare.',
			noMatch: 'No certificate has the subject {subject}.',
			firstListed:
				'The first of {count} certificates with this subject, in the order the store lists them.',
			newestNotBefore:
				'The latest NotBefore of {count} certificates with this subject, whatever else is true of it.',
			latestNotAfter: 'The latest NotAfter of {count} certificates with this subject.',
			validNewest:
				'Valid now (NotBefore ≤ now < NotAfter), not known to lack a private key, and the newest NotBefore of those.',
			noneValid:
				'None of the {count} certificates with this subject is valid now with a private key.',
			pinFound: 'The certificate with thumbprint {thumbprint}, whatever its dates.',
			pinMissing:
				'Thumbprint {thumbprint} is not in the store (after a renewal and cleanup, a pin points at nothing).',
			noPin: 'Enter a thumbprint to pin.',
			datesUnreadable:
				'The dates could not be read (see the table), so this strategy cannot be applied.',
		},
		warning: {
			expired: 'Expired: clients will reject it.',
			notYetValid: 'Not valid yet: clients will reject it.',
			noPrivateKey: 'No private key: it cannot serve TLS.',
			notNewest: 'Not the newest certificate with this subject: a renewal is ignored.',
			orderNotGuaranteed:
				'The store does not promise an order; another machine or a reload may pick another one.',
			tie: 'Two certificates tie on this rule; which one wins depends on the order.',
		},
	},
	ja: {
		strategy: {
			'first-match': '最初に一致したもの',
			'newest-not-before': 'NotBefore が最新のもの',
			'latest-expiry': '有効期限 (NotAfter) が最も遅いもの',
			'valid-now-newest': '現在有効で最新のもの (推奨)',
			'pinned-thumbprint': '拇印で固定',
		},
		reason: {
			noSubject: '比較するサブジェクトを入力してください。',
			noMatch: 'サブジェクトが {subject} の証明書はありません。',
			firstListed:
				'このサブジェクトの証明書 {count} 個のうち、ストアが列挙した順序で最初のものです。',
			newestNotBefore:
				'このサブジェクトの証明書 {count} 個のうち、ほかの条件にかかわらず NotBefore が最も新しいものです。',
			latestNotAfter: 'このサブジェクトの証明書 {count} 個のうち、NotAfter が最も遅いものです。',
			validNewest:
				'現在有効 (NotBefore ≤ 現在 < NotAfter) で、秘密鍵がないと分かっているものを除き、その中で NotBefore が最も新しいものです。',
			noneValid:
				'このサブジェクトの証明書 {count} 個のうち、現在有効で秘密鍵を持つものはありません。',
			pinFound: '日付にかかわらず、拇印が {thumbprint} の証明書です。',
			pinMissing:
				'拇印 {thumbprint} の証明書はストアにありません (更新後に古い証明書を削除すると、固定した拇印は何も指さなくなります)。',
			noPin: '固定する拇印を入力してください。',
			datesUnreadable: '日付を読み取れなかったため (表を参照)、この方法は適用できません。',
		},
		warning: {
			expired: '期限切れです。クライアントに拒否されます。',
			notYetValid: 'まだ有効ではありません。クライアントに拒否されます。',
			noPrivateKey: '秘密鍵がないため、TLS に使用できません。',
			notNewest: 'このサブジェクトの最新の証明書ではありません。更新が反映されません。',
			orderNotGuaranteed:
				'ストアは順序を保証しません。別のマシンや再読み込みで別の証明書が選ばれることがあります。',
			tie: 'この条件では 2 つの証明書が同順位です。どちらになるかは順序で決まります。',
		},
	},
};

/** Fills `{name}` placeholders. */
export function fillSelectMessage(template: string, data: Record<string, string>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) => data[key] ?? whole);
}
