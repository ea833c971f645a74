/** Interface strings of the certificate chooser, in both languages. */
export const chooserStrings = {
	en: {
		listingLabel: 'Output of Get-ChildItem Cert:\\LocalMachine\\My | Format-List * on the VM',
		subjectLabel: 'Subject the application looks for',
		nowLabel: 'The VM\u2019s local time',
		pinLabel: 'Pinned thumbprint (optional)',
		loadSample: 'Load a sample after a renewal',
		resultsCaption: 'What each strategy picks',
		certificatesCaption: 'Certificates read from the output',
		'col.strategy': 'Strategy',
		'col.picked': 'Picks',
		'col.why': 'Why',
		'col.warnings': 'Watch out',
		'col.line': 'Line',
		'col.subject': 'Subject',
		'col.thumbprint': 'Thumbprint',
		'col.notBefore': 'NotBefore',
		'col.notAfter': 'NotAfter',
		'col.privateKey': 'Private key',
		nothing: 'Nothing',
		none: '–',
		unknown: 'Not listed',
		yes: 'Yes',
		no: 'No',
		ambiguous: '{text} (day or month first? Set the date format in the output or use ISO dates)',
		unreadable: '{text} (not a date this tool can read)',
		found: '{count} certificates read.',
		empty: 'Paste the output above, or load the sample.',
		noneFound: 'No certificate found: the text has no "Thumbprint :" or "Subject :" lines.',
		skipped: 'Lines not read: {lines}.',
		truncated: 'The text was cut at 1,000,000 characters.',
		fromSimulator:
			'The simulator\u2019s store is loaded (dates in UTC, VM time set to the last poll).',
	},
	ja: {
		listingLabel: 'VM で実行した Get-ChildItem Cert:\\LocalMachine\\My | Format-List * の出力',
		subjectLabel: 'アプリケーションが探すサブジェクト',
		nowLabel: 'VM のローカル時刻',
		pinLabel: '固定する拇印 (省略可能)',
		loadSample: '更新後のサンプルを読み込む',
		resultsCaption: '各方法が選ぶ証明書',
		certificatesCaption: '出力から読み取った証明書',
		'col.strategy': '方法',
		'col.picked': '選ばれる証明書',
		'col.why': '理由',
		'col.warnings': '注意点',
		'col.line': '行',
		'col.subject': 'サブジェクト',
		'col.thumbprint': '拇印',
		'col.notBefore': 'NotBefore',
		'col.notAfter': 'NotAfter',
		'col.privateKey': '秘密鍵',
		nothing: 'なし',
		none: '–',
		unknown: '出力にありません',
		yes: 'あり',
		no: 'なし',
		ambiguous: '{text} (日と月のどちらが先か判断できません。ISO 形式の日付で出力してください)',
		unreadable: '{text} (読み取れない日付です)',
		found: '{count} 個の証明書を読み取りました。',
		empty: '上に出力を貼り付けるか、サンプルを読み込んでください。',
		noneFound: '証明書が見つかりません。"Thumbprint :" または "Subject :" の行がありません。',
		skipped: '読み取れなかった行: {lines}',
		truncated: 'テキストは 1,000,000 文字で切り捨てられました。',
		fromSimulator:
			'シミュレーターのストアを読み込みました (日付は UTC、VM の時刻は最後のポーリングの時刻です)。',
	},
} as const;

/** A key of the chooser's strings. */
export type ChooserKey = keyof (typeof chooserStrings)['en'];

/** The sample listing: two versions of one certificate after a renewal, the old one listed first. */
export const sampleListing = `Subject       : CN=www.contoso.test, O=Contoso
Issuer        : CN=www.contoso.test, O=Contoso
Thumbprint    : 8A1F3C0D9B7E26F4A5C3B2D1E0F9A8B7C6D5E4F3
FriendlyName  :
NotBefore     : 3/10/2025 9:00:00 AM
NotAfter      : 3/10/2026 9:00:00 AM
HasPrivateKey : True

Subject       : CN=www.contoso.test, O=Contoso
Issuer        : CN=www.contoso.test, O=Contoso
Thumbprint    : 2C9E5B7A1D3F4E6C8B0A9F1E2D3C4B5A69788796
FriendlyName  :
NotBefore     : 2/8/2026 9:00:00 AM
NotAfter      : 2/8/2027 9:00:00 AM
HasPrivateKey : True

Subject       : CN=www.contoso.test, O=Contoso
Issuer        : CN=www.contoso.test, O=Contoso
Thumbprint    : F0E1D2C3B4A5968778695A4B3C2D1E0F1A2B3C4D
FriendlyName  :
NotBefore     : 4/1/2026 9:00:00 AM
NotAfter      : 4/1/2027 9:00:00 AM
HasPrivateKey : True`;

/** The VM time the sample is meant for. */
export const sampleNow = '2026-03-01T12:00';
/** The subject the sample uses. */
export const sampleSubject = 'CN=www.contoso.test, O=Contoso';
