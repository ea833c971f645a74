/** Interface strings of the workshop's exercises, progress and timer, in both languages. */
export const workshopStrings = {
	en: {
		'progress.heading': 'Your progress',
		'progress.summary': '{done} of {total} exercises done.',
		'progress.reset': 'Reset progress',
		'progress.resetDone': 'Progress cleared.',
		'progress.done': 'Done',
		'progress.todo': 'Not done yet',
		'exercise.done': 'Done: this exercise is complete.',
		'exercise.check': 'Check',
		'a.label': 'Template (edit it until the checker reports no errors)',
		'a.errors': '{count} errors left:',
		'a.noErrors': 'No errors left. The extension settings are valid.',
		'a.noExtension':
			'The checker finds no Key Vault VM extension in the text: start again from the broken template.',
		'a.warnings': 'Warnings (they do not block the exercise):',
		'a.line': 'line {line}',
		'a.restore': 'Restore the broken template',
		'b.loading': 'Fetching the versions of webcert from the demo vault…',
		'b.live': 'Versions of webcert in the demo vault (fetched just now with the real SDK):',
		'b.static':
			'The demo vault is not running (static site), so these versions come from the simulator:',
		'b.vmOutput': 'The VM printed this:',
		'b.question': 'Which versions are installed on the VM?',
		'b.version': 'Version {ordinal} ({thumbprint}…)',
		'b.wrong': 'Not quite: compare each thumbprint in the VM output with the versions above.',
		'b.failed': 'The demo vault could not be read: {message}',
		'c.waiting':
			'Renew the certificate in the simulator above and run the next poll: then the store holds two certificates with the same subject.',
		'c.question':
			'The app picks the certificate with the recommended rule (valid now, newest). Which one does it pick now?',
		'c.wrong': 'Not that one. Look at NotBefore and NotAfter of each certificate and the VM time.',
		'c.firstMatch': 'An app that takes the first match would pick {thumbprint}.',
		'd.wrong': '{count} answers are not right yet.',
		'timer.heading': 'Timer',
		'timer.start': 'Start',
		'timer.pause': 'Pause',
		'timer.next': 'Next block',
		'timer.reset': 'Reset',
		'timer.current': 'Now: {title} ({left} left)',
		'timer.over': 'Over time in {title} by {over}',
		'timer.finished': 'The 90 minutes are over.',
		'agenda.caption': 'Agenda (90 minutes)',
		'agenda.start': 'Start',
		'agenda.minutes': 'Minutes',
		'agenda.block': 'Block',
		'agenda.minuteUnit': '{n} min',
	},
	ja: {
		'progress.heading': '進捗',
		'progress.summary': '{total} 個の演習のうち {done} 個が完了しています。',
		'progress.reset': '進捗をリセット',
		'progress.resetDone': '進捗を消去しました。',
		'progress.done': '完了',
		'progress.todo': '未完了',
		'exercise.done': '完了: この演習は終わりました。',
		'exercise.check': '確認',
		'a.label': 'テンプレート (チェッカーがエラーを報告しなくなるまで編集してください)',
		'a.errors': '残りのエラーは {count} 個です:',
		'a.noErrors': 'エラーはありません。拡張機能の設定は有効です。',
		'a.noExtension':
			'テキストに Key Vault VM 拡張機能が見つかりません。壊れたテンプレートからやり直してください。',
		'a.warnings': '警告 (演習の完了には影響しません):',
		'a.line': '{line} 行目',
		'a.restore': '壊れたテンプレートに戻す',
		'b.loading': 'デモ用の Key Vault から webcert のバージョンを取得しています…',
		'b.live': 'デモ用の Key Vault にある webcert のバージョン (実際の SDK で今取得したもの):',
		'b.static':
			'デモ用の Key Vault が動作していない (静的サイト) ため、シミュレーターのバージョンを使用します:',
		'b.vmOutput': 'VM の出力は次のとおりです:',
		'b.question': 'VM にインストールされているバージョンはどれですか。',
		'b.version': 'バージョン {ordinal} ({thumbprint}…)',
		'b.wrong': '正しくありません。VM の出力の各拇印を上のバージョンと比べてください。',
		'b.failed': 'デモ用の Key Vault を読み取れませんでした: {message}',
		'c.waiting':
			'上のシミュレーターで証明書を更新し、次のポーリングを実行してください。ストアに同じサブジェクトの証明書が 2 つになります。',
		'c.question':
			'アプリは推奨の方法 (現在有効で最新のもの) で証明書を選びます。今選ばれるのはどれですか。',
		'c.wrong':
			'その証明書ではありません。各証明書の NotBefore と NotAfter、VM の時刻を確認してください。',
		'c.firstMatch': '最初に一致したものを使うアプリなら {thumbprint} を選びます。',
		'd.wrong': '{count} 問がまだ正しくありません。',
		'timer.heading': 'タイマー',
		'timer.start': '開始',
		'timer.pause': '一時停止',
		'timer.next': '次のブロック',
		'timer.reset': 'リセット',
		'timer.current': '現在: {title} (残り {left})',
		'timer.over': '{title} が {over} 超過しています',
		'timer.finished': '90 分が終了しました。',
		'agenda.caption': 'アジェンダ (90 分)',
		'agenda.start': '開始',
		'agenda.minutes': '時間',
		'agenda.block': '内容',
		'agenda.minuteUnit': '{n} 分',
	},
} as const;

/** A key of the workshop's strings. */
export type WorkshopKey = keyof (typeof workshopStrings)['en'];

/** Fills `{name}` placeholders of a workshop string. */
export function workshopText(
	lang: 'ja' | 'en',
	key: WorkshopKey,
	data: Record<string, string | number> = {}
): string {
	return workshopStrings[lang][key].replace(/\{(\w+)\}/g, (w, k: string) =>
		k in data ? String(data[k]) : w
	);
}

/** The quiz of exercise D: scenarios and the architecture that fits (1, 2 or 3). */
export const quiz = {
	en: {
		legendPrefix: 'Scenario',
		options: [
			'1: a secret (service principal) on the VM',
			'2: managed identity, Key Vault from code',
			'3: the Key Vault VM extension',
		],
		questions: [
			{
				text: 'An IIS site on an Azure VM must get its renewed TLS certificate without any code change.',
				answer: 2,
			},
			{
				text: 'A build agent outside Azure, with no managed identity available, must read a secret from Key Vault.',
				answer: 0,
			},
			{
				text: 'A service on an Azure VM reads a database password stored as a Key Vault secret (not a certificate) when it starts.',
				answer: 1,
			},
			{
				text: 'nginx on a Linux VM serves a certificate from Key Vault; the team wants no credential and no Key Vault code on the VM.',
				answer: 2,
			},
		],
	},
	ja: {
		legendPrefix: 'シナリオ',
		options: [
			'1: VM 上のシークレット (サービスプリンシパル)',
			'2: マネージド ID とコードからの Key Vault アクセス',
			'3: Key Vault VM 拡張機能',
		],
		questions: [
			{
				text: 'Azure VM 上の IIS サイトが、コードを変更せずに更新後の TLS 証明書を使う必要があります。',
				answer: 2,
			},
			{
				text: 'Azure の外にあり、マネージド ID を使えないビルドエージェントが Key Vault のシークレットを読み取る必要があります。',
				answer: 0,
			},
			{
				text: 'Azure VM 上のサービスが、起動時に Key Vault のシークレット (証明書ではない) に保存したデータベースのパスワードを読み取ります。',
				answer: 1,
			},
			{
				text: 'Linux VM 上の nginx が Key Vault の証明書を使います。VM に資格情報も Key Vault のコードも置きたくありません。',
				answer: 2,
			},
		],
	},
} as const;

/** The broken template of exercise A: three errors a beginner makes. */
export const brokenTemplate = `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2023-09-01",
  "name": "vm01/KeyVaultForWindows",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault",
    "type": "KeyVaultForWindows",
    "typeHandlerVersion": "3.0",
    "autoUpgradeMinorVersion": true,
    "settings": {
      "secretsManagementSettings": {
        "pollingIntervalInS": 3600,
        "observedCertificates": [
          {
            "url": "https://contoso-kv.vault.azure.net/certificates/webcert",
            "certificateStoreName": "MY",
            "certificateStoreLocation": "localMachine"
          }
        ]
      }
    }
  }
}
`;
