import { format, type Lang, type Localized } from '../i18n/index.ts';
import type { LogLine, NoteId } from './types.ts';

/** The simulator's remarks in both languages; `{{name}}` placeholders are filled from the note's data. */
export const noteMessages: Record<NoteId, Localized> = {
	unknownVersion: {
		ja: '[シミュレーター] typeHandlerVersion "{{version}}" は {{os}} 向けのドキュメントに記載されたバージョンではありません。動作を推測せず、シミュレーションしません。',
		en: '[simulator] typeHandlerVersion "{{version}}" is not a documented version for {{os}}; the simulator does not guess its behaviour.',
	},
	pollingNotString: {
		ja: '[シミュレーター] pollingIntervalInS が数値 {{value}} です。"3600" のような文字列で指定する必要があります。拡張機能はここで停止します (KeyVaultForWindows で報告されたメッセージです)。',
		en: '[simulator] pollingIntervalInS is the number {{value}}; it must be a string such as "3600". The extension stops here (message reported for KeyVaultForWindows).',
	},
	pollingDefaultUndocumented: {
		ja: '[シミュレーター] pollingIntervalInS が指定されていません。このバージョンの既定値はドキュメントに記載がないため、{{seconds}} 秒ごとにポーリングするものとしてシミュレーションします。',
		en: '[simulator] pollingIntervalInS is not set. The default for this version is undocumented; the simulator polls every {{seconds}} seconds.',
	},
	pollingDefault: {
		ja: '[シミュレーター] pollingIntervalInS が指定されていません。バージョン 4.0 は 1 時間に 1 回 ({{seconds}} 秒) ポーリングします。',
		en: '[simulator] pollingIntervalInS is not set: version 4.0 polls once each hour ({{seconds}} s).',
	},
	pollingClamped: {
		ja: '[シミュレーター] pollingIntervalInS {{value}} は 300～3600 秒の範囲外です。Linux 4.x のドキュメントによると、範囲内の値に補正されます。Windows 4.0 のドキュメントには範囲外の値の扱いが書かれていないため、Windows でも {{seconds}} 秒として扱います。',
		en: '[simulator] pollingIntervalInS {{value}} is outside 300–3600 seconds. The Linux 4.x documentation says it is clamped; the Windows 4.0 documentation does not say, so it is treated as {{seconds}} seconds too.',
	},
	pollingInvalid: {
		ja: '[シミュレーター] pollingIntervalInS "{{value}}" は秒数ではありません。拡張機能は開始できません。',
		en: '[simulator] pollingIntervalInS "{{value}}" is not a number of seconds; the extension cannot start.',
	},
	stringFormV4: {
		ja: '[シミュレーター] {{url}}: Linux 4.x は URL 文字列のリスト形式の observedCertificates をサポートしなくなりました。各エントリは "url" を持つオブジェクトにする必要があります。インストールされません。',
		en: '[simulator] {{url}}: Linux 4.x no longer supports observedCertificates as a list of URL strings; each entry must be an object with "url". Not installed.',
	},
	stringFormUndocumented: {
		ja: '[シミュレーター] {{url}}: バージョン {{version}} のドキュメントに記載されているのは "url" を持つオブジェクトです。URL 文字列を指定した場合の動作はドキュメントに記載がないため、何もインストールしません。',
		en: '[simulator] {{url}}: version {{version}} documents objects with "url"; what it does with a plain URL string is undocumented. The simulator installs nothing for it.',
	},
	objectFormUndocumented: {
		ja: '[シミュレーター] {{url}}: バージョン {{version}} のドキュメントに記載されているのは URL 文字列のリストです。オブジェクトを指定した場合の動作はドキュメントに記載がないため、何もインストールしません。',
		en: '[simulator] {{url}}: version {{version}} documents a list of URL strings; what it does with an object entry is undocumented. The simulator installs nothing for it.',
	},
	versionedRejected: {
		ja: '[シミュレーター] {{url}}: バージョン 4.0 では証明書の特定のバージョンを指定できません。監視する URL はバージョンなしにする必要があります。インストールされません。',
		en: '[simulator] {{url}}: version 4.0 does not accept a specific version of a certificate; observed URLs must be versionless. Not installed.',
	},
	versionedUndocumented: {
		ja: '[シミュレーター] {{url}} は特定のバージョンを指定しています。バージョン {{version}} がそのバージョンに固定するのか更新を無視するのかはドキュメントに記載がないため、何もインストールしません。バージョンなしの URL を使用してください。',
		en: '[simulator] {{url}} names a specific version. Whether version {{version}} pins it or ignores renewals is undocumented; the simulator installs nothing for it. Use the versionless URL.',
	},
	notSecretsUrl: {
		ja: '[シミュレーター] {{url}} は /{{collection}}/ を使用しています。秘密鍵を含むのはシークレットだけなので /secrets/ を使用してください。この URL での拡張機能の動作はドキュメントに記載がないため、何もインストールしません。',
		en: '[simulator] {{url}} uses /{{collection}}/. Use /secrets/: only the secret carries the private key. What the extension does with this URL is undocumented; the simulator installs nothing for it.',
	},
	notSecretsUrlRejected: {
		ja: '[シミュレーター] {{url}} は /{{collection}}/ を使用しています。Linux 4.x では /secrets/ の URL が必須です。インストールされません。',
		en: '[simulator] {{url}} uses /{{collection}}/; Linux 4.x requires /secrets/ URLs. Not installed.',
	},
	badUrl: {
		ja: '[シミュレーター] "{{url}}" は https://<vault>.vault.azure.net/secrets/<name> 形式の Key Vault URL ではありません。インストールされません。',
		en: '[simulator] "{{url}}" is not a Key Vault URL of the form https://<vault>.vault.azure.net/secrets/<name>. Not installed.',
	},
	storeDefault: {
		ja: '[シミュレーター] 証明書ストアが指定されていません。既定値 (MY、LocalMachine) がドキュメントに記載されているのはバージョン 4.0 だけですが、{{version}} でも同じ値を使用します。',
		en: '[simulator] No certificate store given. The default (MY, LocalMachine) is documented for version 4.0 only; the simulator uses it for {{version}} too.',
	},
	linuxFolderConflict: {
		ja: '[シミュレーター] 保存先フォルダーが指定されていません。2.0 のスキーマの説明は /var/lib/waagent/Microsoft.Azure.KeyVault、表とログは {{folder}} としています。後者を使用します。',
		en: '[simulator] No store folder given. The 2.0 schema text names /var/lib/waagent/Microsoft.Azure.KeyVault, the tables and logs {{folder}}; the simulator uses the latter.',
	},
	linuxNamingUndocumented: {
		ja: '[シミュレーター] Linux 1.0/2.0 のファイル名はドキュメントに記載がありません (ユーザーの報告では <vault>.<certificate>.<GUID>.<n>.<n>.PEM)。3.0 と同じ名前を付けます。',
		en: '[simulator] File names of Linux 1.0/2.0 are undocumented (a user report shows <vault>.<certificate>.<GUID>.<n>.<n>.PEM); the simulator names files as 3.0 does.',
	},
	v4TimestampUndocumented: {
		ja: '[シミュレーター] Linux 4.x はファイル名にタイムスタンプを付けます。形式はドキュメントに記載がないため、Unix 秒を使用します。',
		en: '[simulator] Linux 4.x adds a timestamp to file names; its format is undocumented, the simulator uses Unix seconds.',
	},
	keptAfterFailure: {
		ja: '[シミュレーター] {{name}} のインストール済みの証明書はそのまま残ります。削除する動作はドキュメントに記載がないため、シミュレーターは何も削除しません。',
		en: '[simulator] The certificates already installed for {{name}} stay in place: no removal is documented, so the simulator removes nothing.',
	},
	keptAfterDelete: {
		ja: '[シミュレーター] {{name}} は Key Vault から削除されました。インストール済みのコピーを拡張機能が削除するかどうかはドキュメントに記載がないため、残したままにします。',
		en: '[simulator] {{name}} was deleted from the vault. Whether the extension then removes installed copies is undocumented; the simulator keeps them.',
	},
	olderVersionDisabled: {
		ja: '[シミュレーター] {{thumbprint}} のバージョンは Key Vault で無効になっています。インストール済みのコピーを拡張機能が削除するかどうかはドキュメントに記載がないため、残したままにします。',
		en: '[simulator] Version of {{thumbprint}} is now disabled in the vault. Whether the extension removes its installed copy is undocumented; the simulator keeps it.',
	},
	v4OlderVersionsKept: {
		ja: '[シミュレーター] バージョン 4.0 は最新の 2 バージョンをインストールします。古いバージョンを削除するかどうかはドキュメントに記載がないため、ストアには {{count}} 個すべてが残ります。',
		en: '[simulator] Version 4.0 installs the two newest versions; whether it removes older ones is undocumented, so the store keeps all {{count}}.',
	},
	secondNewestUnavailable: {
		ja: '[シミュレーター] 2 番目に新しいバージョン {{version}} は無効なため Key Vault が取得を拒否します。最新のバージョンだけをインストールします。',
		en: '[simulator] The second-newest version {{version}} is disabled, so the vault refuses it; the simulator installs only the newest.',
	},
	noPrivateKey: {
		ja: '[シミュレーター] {{thumbprint}}: 証明書ポリシーがエクスポート不可のため、シークレットに秘密鍵が含まれません。',
		en: '[simulator] {{thumbprint}}: the certificate policy is not exportable, so the secret carries no private key.',
	},
	linked: {
		ja: '[シミュレーター] 更新のリンク: {{old}} が {{new}} を指すようになりました (CERT_RENEWAL_PROP_ID、サブジェクト代替名で照合)。',
		en: '[simulator] Linked renewal: {{old}} now points to {{new}} (CERT_RENEWAL_PROP_ID, matched on the subject alternative names).',
	},
	iisRebind: {
		ja: '[シミュレーター] バージョン 4.0 はイベント 1001 を発行します。IIS で自動再バインドを有効にしていれば、IIS はこのイベントで更新後の証明書にバインドし直します。',
		en: '[simulator] Version 4.0 raises Event 1001; with automatic rebind enabled, IIS uses it to rebind to the renewed certificate.',
	},
	initialSyncRetries: {
		ja: '[シミュレーター] requireInitialSync: すべての証明書がインストールされてから成功を報告します。古いドキュメントは無期限に再試行、新しいドキュメントは最大 25 回再試行してからエラーになると説明しています。',
		en: '[simulator] requireInitialSync: success is reported only after every certificate is installed. Older docs say it retries indefinitely, newer ones up to 25 times before Error.',
	},
	identityMissing: {
		ja: '[シミュレーター] 拡張機能が使用できるマネージド ID が VM にないため、トークンを取得できず、ダウンロードもできません。',
		en: '[simulator] The VM has no managed identity the extension can use, so no token and no download.',
	},
	chainIncluded: {
		ja: '[シミュレーター] PEM ファイルには、リーフ証明書、発行者の証明書、秘密鍵が含まれます。',
		en: '[simulator] The PEM file holds the leaf certificate, its issuer certificates and the private key.',
	},
	nothingNew: {
		ja: '[シミュレーター] Key Vault に新しいものはありません。ストアは変わりません。',
		en: '[simulator] Nothing new in the vault: the store is unchanged.',
	},
};

/** One log line as text: the extension's own lines as they are, the simulator's remarks in the reader's language. */
export function formatLogLine(entry: LogLine, lang: Lang): string {
	const time = new Date(entry.at * 1000).toISOString().replace('.000Z', 'Z');
	const level = entry.level.toUpperCase();
	const text =
		entry.kind === 'extension' ? entry.text : format(noteMessages[entry.id][lang], entry.data);
	return `${time} [${level}] ${text}`;
}
