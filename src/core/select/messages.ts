import type { Localized } from '../i18n/index.ts';
import type { ReasonId, StrategyId, WarningId } from './strategies.ts';

/** Strategy names, reasons and warnings in both languages; `{{name}}` placeholders come from the data. */
export const selectMessages: {
	strategy: Record<StrategyId, Localized>;
	reason: Record<ReasonId, Localized>;
	warning: Record<WarningId, Localized>;
} = {
	strategy: {
		'first-match': {
			ja: '最初に一致したもの',
			en: 'First match',
		},
		'newest-not-before': {
			ja: 'NotBefore が最新のもの',
			en: 'Newest NotBefore',
		},
		'latest-expiry': {
			ja: '有効期限 (NotAfter) が最も遅いもの',
			en: 'Latest expiry (NotAfter)',
		},
		'valid-now-newest': {
			ja: '現在有効で最新のもの (推奨)',
			en: 'Valid now, newest (recommended)',
		},
		'pinned-thumbprint': {
			ja: '拇印で固定',
			en: 'Pinned thumbprint',
		},
	},
	reason: {
		noSubject: {
			ja: '比較するサブジェクトを入力してください。',
			en: 'Enter a subject to compare.',
		},
		noMatch: {
			ja: 'サブジェクトが {{subject}} の証明書はありません。',
			en: 'No certificate has the subject {{subject}}.',
		},
		firstListed: {
			ja: 'このサブジェクトの証明書 {{count}} 個のうち、ストアが列挙した順序で最初のものです。',
			en: 'The first of {{count}} certificates with this subject, in the order the store lists them.',
		},
		newestNotBefore: {
			ja: 'このサブジェクトの証明書 {{count}} 個のうち、ほかの条件にかかわらず NotBefore が最も新しいものです。',
			en: 'The latest NotBefore of {{count}} certificates with this subject, whatever else is true of it.',
		},
		latestNotAfter: {
			ja: 'このサブジェクトの証明書 {{count}} 個のうち、NotAfter が最も遅いものです。',
			en: 'The latest NotAfter of {{count}} certificates with this subject.',
		},
		validNewest: {
			ja: '現在有効 (NotBefore 以降、NotAfter より前) で、秘密鍵がないと分かっているものを除いた中で、NotBefore が最も新しいものです。',
			en: 'Valid now (NotBefore ≤ now < NotAfter), not known to lack a private key, and the newest NotBefore of those.',
		},
		noneValid: {
			ja: 'このサブジェクトの証明書 {{count}} 個のうち、現在有効で秘密鍵を持つものはありません。',
			en: 'None of the {{count}} certificates with this subject is valid now with a private key.',
		},
		pinFound: {
			ja: '日付にかかわらず、拇印が {{thumbprint}} の証明書です。',
			en: 'The certificate with thumbprint {{thumbprint}}, whatever its dates.',
		},
		pinMissing: {
			ja: '拇印 {{thumbprint}} の証明書はストアにありません (更新の後で古い証明書を削除すると、固定した拇印はどの証明書も指さなくなります)。',
			en: 'Thumbprint {{thumbprint}} is not in the store (after a renewal and cleanup, a pin points at nothing).',
		},
		noPin: {
			ja: '固定する拇印を入力してください。',
			en: 'Enter a thumbprint to pin.',
		},
		datesUnreadable: {
			ja: '日付を読み取れなかったため (表を参照)、この方法は適用できません。',
			en: 'The dates could not be read (see the table), so this strategy cannot be applied.',
		},
	},
	warning: {
		expired: {
			ja: '期限切れです。クライアントに拒否されます。',
			en: 'Expired: clients will reject it.',
		},
		notYetValid: {
			ja: 'まだ有効ではありません。クライアントに拒否されます。',
			en: 'Not valid yet: clients will reject it.',
		},
		noPrivateKey: {
			ja: '秘密鍵がないため、TLS に使用できません。',
			en: 'No private key: it cannot serve TLS.',
		},
		notNewest: {
			ja: 'このサブジェクトの最新の証明書ではありません。更新が反映されません。',
			en: 'Not the newest certificate with this subject: a renewal is ignored.',
		},
		orderNotGuaranteed: {
			ja: 'ストアは順序を保証しません。別のマシンで実行したときや再読み込みの後は、違う証明書を選ぶことがあります。',
			en: 'The store does not promise an order; another machine or a reload may pick another one.',
		},
		tie: {
			ja: 'この条件では 2 つの証明書が同順位です。どちらになるかは順序で決まります。',
			en: 'Two certificates tie on this rule; which one wins depends on the order.',
		},
	},
};
