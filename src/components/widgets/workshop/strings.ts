/**
 * Interface strings of the workshop's exercises, progress, timer and answer keys, in both languages.
 * A string with a count has `<key>_one` and `<key>_other` in English, chosen with Intl.PluralRules;
 * Japanese has only `<key>_other` (CONTRACTS §1).
 */
const en = {
	'progress.heading': 'Your progress',
	'progress.summary_one': '{done} of {total} exercise done.',
	'progress.summary_other': '{done} of {total} exercises done.',
	'progress.kept':
		'Kept in this browser for this language only: the Japanese page keeps its own progress.',
	'progress.reset': 'Reset progress',
	'progress.resetDone': 'Progress cleared.',
	'progress.done': 'Done',
	'progress.todo': 'Not done yet',
	'exercise.done': 'This exercise is complete.',
	'exercise.check': 'Check',
	'exercise.right': 'Right.',
	'exercise.notYet': 'Not yet.',
	'a.label': 'Template (edit it until the checker reports no errors)',
	'a.errors_one': '{count} error left:',
	'a.errors_other': '{count} errors left:',
	'a.noErrors': 'No errors left: the extension settings are valid and every URL is versionless.',
	'a.noExtension':
		'The checker finds no Key Vault VM extension in the text: start again from the broken template.',
	'a.counted':
		'(counted as an error in this exercise: a URL with a version never receives a renewal)',
	'a.missing': 'The template no longer observes {name}: fix its entry instead of removing it.',
	'a.warnings': 'Warnings (they do not block the exercise):',
	'a.line': 'line {line}',
	'a.goToLine': 'Go to line {line}',
	'a.restore': 'Restore the broken template',
	'a.printNote': 'The template to fix (line numbers on the left):',
	'b.loading': 'Fetching the versions of webcert from the demo vault…',
	'b.live': 'Versions of webcert in the demo vault (fetched just now with the real SDK):',
	'b.static':
		'This copy of the site has no server, so these versions come from the simulator (the thumbprints differ from those of a room’s server):',
	'b.refused':
		'The server refused the request for this address: {message} These versions come from the simulator instead. Tell the facilitator.',
	'b.busy': 'The server is busy. Trying again in {seconds} s…',
	'b.failed':
		'The demo vault could not be read: {message} These versions come from the simulator instead.',
	'b.retry': 'Fetch from the server again',
	'b.vmOutput': 'The VM printed this:',
	'b.version': 'Version {ordinal} ({thumbprint}…)',
	'b.q1': 'Question 1: which versions are installed on the VM?',
	'b.q2':
		'Question 2: which version does Key Vault return now for the versionless URL …/secrets/webcert?',
	'b.q3': 'Question 3: why are two versions on the VM?',
	'b.q3.beside': 'The extension installs each new version beside the ones it installed before.',
	'b.q3.both': 'Key Vault returns both versions for the versionless URL.',
	'b.q3.failed': 'The extension failed to remove the old version.',
	'b.has': 'Version {ordinal}: its thumbprint {thumbprint}… is in the VM output, so the VM has it.',
	'b.hasNot':
		'Version {ordinal}: its thumbprint {thumbprint}… appears nowhere in the VM output, so the VM does not have it.',
	'b.q1.right':
		'Right: the VM has versions {versions}. Version {oldest} expired before this VM was deployed, so the extension never installed it.',
	'b.q2.right':
		'Right: version {ordinal}, the newest enabled version. The extension asks for the versionless URL at every poll and installs what Key Vault returns.',
	'b.q2.wrong':
		'Not that one. Which version did Key Vault create last, and is it enabled? Compare the dates of the versions.',
	'b.q3.right':
		'Right: the extension installed version {previous} when it was current and added version {current} beside it after the renewal. It never deletes a certificate: cleaning up old ones is the team’s job.',
	'b.q3.wrong':
		'Not that one. Key Vault returns one version for a versionless URL (question 2), and nothing failed: think about what the extension does with a certificate it installed earlier.',
	'b.unanswered': 'Choose an answer.',
	'c.predict':
		'Step 1, before you renew: after the renewal and the next poll, what does the store hold?',
	'c.predict.replace': 'Only the renewed certificate: it replaces the old one.',
	'c.predict.beside': 'Both certificates: the renewed one is added beside the old one.',
	'c.predict.restart': 'Only the old one, until the VM restarts.',
	'c.predict.right':
		'Right: the extension adds the renewed certificate and leaves the old one in the store. Now do it in the simulator and watch the store table.',
	'c.predict.wrong':
		'Not quite. Keep your guess in mind, then do step 2 and watch the store table when you press {poll}.',
	'c.waiting':
		'Step 2: in the simulator above, press {renew}, then {poll}. In live mode, press {renew} and wait for the next poll. The questions below appear when the store holds two certificates for www.contoso.test.',
	'c.step2First': 'Do step 2 first: the store does not hold the renewed certificate yet.',
	'c.use': 'Step 3: which certificate should the application use from now on?',
	'c.first':
		'Step 4: the application’s code takes the first certificate whose subject matches, as many samples do. Which one does it get?',
	'c.option': '{thumbprint} (NotBefore {notBefore}, NotAfter {notAfter})',
	'c.vmTime': 'The VM’s time: {now}',
	'c.use.right':
		'Right: it is valid now and has the latest NotBefore. The old certificate stays valid until {notAfter}, so nothing fails today, which is why the choice matters.',
	'c.use.wrong':
		'Not that one. Both are valid today: compare NotBefore of the two with the VM’s time. Which one did the renewal create?',
	'c.first.right':
		'Right: the store lists the old certificate first, so this code keeps serving it until it expires on {notAfter}, and then TLS fails although a valid certificate is installed. The store does not promise an order either.',
	'c.first.wrong':
		'Not that one. Look at the order of the rows in the store table: which certificate was installed first?',
	'd.option1': '1: a service principal credential stored on the machine',
	'd.option2': '2: managed identity, Key Vault read from code',
	'd.option3': '3: the Key Vault VM extension',
	'd.scenario': 'Scenario {n}',
	'd.wrong_one': 'Scenario {list} is not right yet: read its hint.',
	'd.wrong_other': 'Scenarios {list} are not right yet: read their hints.',
	'd.unanswered': 'No answer chosen yet.',
	'e.label': 'Your template, settings or command (it never leaves this browser)',
	'e.empty':
		'Paste a template, parameters file, settings JSON, Bicep or Terraform file, or an az CLI or PowerShell command.',
	'e.checking': 'Checking…',
	'e.unrecognised':
		'The checker could not read this text as any kind it knows (ARM JSON, parameters, settings, Bicep, Terraform, az CLI, PowerShell).',
	'e.grammarFailed':
		'The Bicep or Terraform reader could not be loaded. Reload the page, or try an ARM template.',
	'e.notStored': 'This text is not saved: it is gone when you reload the page.',
	'e.tooLong':
		'This text is longer than {limit} characters: check it in the template checker instead.',
	'timer.heading': 'Timer',
	'timer.start': 'Start',
	'timer.pause': 'Pause',
	'timer.resume': 'Resume',
	'timer.previous': 'Previous block',
	'timer.next': 'Next block',
	'timer.reset': 'Reset',
	'timer.idle': 'Press Start when the session begins. The timer keeps counting if you reload.',
	'timer.paused': 'Paused in {title}.',
	'timer.current': 'Now: {title} ({left} left)',
	'timer.over': 'Over time in {title} by {over}',
	'timer.finished': 'The 90 minutes are over.',
	'agenda.caption': 'Agenda (90 minutes)',
	'agenda.start': 'Start',
	'agenda.minutes': 'Minutes',
	'agenda.block': 'Block',
	'agenda.minuteUnit': '{n} min',
	'key.a.caption': 'Exercise A: the mistakes in the broken template',
	'key.line': 'Line',
	'key.rule': 'Rule',
	'key.finding': 'What the checker says',
	'key.fix': 'Fix',
	'key.d.caption': 'Exercise D: the expected answers',
	'key.scenario': 'Scenario',
	'key.answer': 'Best answer',
	'key.why': 'Why, and the runner-up',
} as const;

/** A key of the workshop's strings. */
export type WorkshopKey = keyof typeof en;
/** Keys that exist only in English (the `_one` form of plurals). */
type EnglishOnly = Extract<WorkshopKey, `${string}_one`>;

const ja: Record<Exclude<WorkshopKey, EnglishOnly>, string> = {
	'progress.heading': '進捗',
	'progress.summary_other': '{total} 個の演習のうち {done} 個が完了しています。',
	'progress.kept': '進捗は言語ごとに、このブラウザーで保存されます。英語のページの進捗とは別です。',
	'progress.reset': '進捗をリセット',
	'progress.resetDone': '進捗を消去しました。',
	'progress.done': '完了',
	'progress.todo': '未完了',
	'exercise.done': 'この演習は完了です。',
	'exercise.check': '確認',
	'exercise.right': '正解です。',
	'exercise.notYet': 'まだ正しくありません。',
	'a.label': 'テンプレート (チェッカーがエラーを報告しなくなるまで編集してください)',
	'a.errors_other': '残りのエラーは {count} 個です:',
	'a.noErrors':
		'エラーはありません。拡張機能の設定は有効で、すべての URL がバージョンなしの URL です。',
	'a.noExtension':
		'テキストに Key Vault VM 拡張機能が見つかりません。壊れたテンプレートからやり直してください。',
	'a.counted':
		'(この演習ではエラーとして数えます。バージョンを含む URL では、更新後の証明書を受け取れません)',
	'a.missing': 'テンプレートが {name} を監視していません。エントリを削除せずに直してください。',
	'a.warnings': '警告 (演習の完了には影響しません):',
	'a.line': '{line} 行目',
	'a.goToLine': '{line} 行目に移動',
	'a.restore': '壊れたテンプレートに戻す',
	'a.printNote': '修正するテンプレート (左端は行番号):',
	'b.loading': 'デモ用の Key Vault から webcert のバージョンを取得しています…',
	'b.live': 'デモ用の Key Vault にある webcert のバージョン (実際の SDK で今取得したもの):',
	'b.static':
		'このサイトにはサーバーがないため、シミュレーターのバージョンを表示しています (会場のサーバーとは拇印が異なります):',
	'b.refused':
		'サーバーがこのアドレスからの要求を拒否しました: {message} 代わりにシミュレーターのバージョンを表示しています。進行役に伝えてください。',
	'b.busy': 'サーバーが混み合っています。{seconds} 秒後にもう一度取得します…',
	'b.failed':
		'デモ用の Key Vault を読み取れませんでした: {message} 代わりにシミュレーターのバージョンを表示しています。',
	'b.retry': 'サーバーからもう一度取得',
	'b.vmOutput': 'VM の出力は次のとおりです:',
	'b.version': 'バージョン {ordinal} ({thumbprint}…)',
	'b.q1': '問 1: VM にインストールされているバージョンはどれですか。',
	'b.q2':
		'問 2: バージョンなしの URL (…/secrets/webcert) に対して、Key Vault が今返すのはどのバージョンですか。',
	'b.q3': '問 3: VM に 2 つのバージョンがあるのはなぜですか。',
	'b.q3.beside':
		'拡張機能は、以前にインストールしたバージョンを残したまま、新しいバージョンを追加でインストールするから。',
	'b.q3.both': 'バージョンなしの URL に対して、Key Vault が両方のバージョンを返すから。',
	'b.q3.failed': '拡張機能が古いバージョンの削除に失敗したから。',
	'b.has': 'バージョン {ordinal}: 拇印 {thumbprint}… が VM の出力にあるので、VM にあります。',
	'b.hasNot':
		'バージョン {ordinal}: 拇印 {thumbprint}… は VM の出力のどこにもないので、VM にはありません。',
	'b.q1.right':
		'正解です。VM にあるのはバージョン {versions} です。バージョン {oldest} は、この VM をデプロイする前に期限が切れていたため、拡張機能がインストールすることはありませんでした。',
	'b.q2.right':
		'正解です。有効なバージョンのうち最新のバージョン {ordinal} です。拡張機能はポーリングのたびにバージョンなしの URL を要求し、Key Vault が返したものをインストールします。',
	'b.q2.wrong':
		'そのバージョンではありません。Key Vault が最後に作成したバージョンはどれで、それは有効ですか。各バージョンの日付を比べてください。',
	'b.q3.right':
		'正解です。拡張機能は、バージョン {previous} が最新だったときにそれをインストールし、更新後にバージョン {current} を追加でインストールしました。拡張機能は証明書を削除しません。古い証明書の後片付けはチームの仕事です。',
	'b.q3.wrong':
		'正しくありません。バージョンなしの URL に対して Key Vault が返すバージョンは 1 つです (問 2)。失敗した処理もありません。以前にインストールした証明書を拡張機能がどう扱うかを考えてください。',
	'b.unanswered': '答えを選んでください。',
	'c.predict':
		'ステップ 1 (更新する前に): 更新して次のポーリングが終わった後、ストアには何が入っていますか。',
	'c.predict.replace': '更新後の証明書だけが入っている。古い証明書は置き換えられている。',
	'c.predict.beside':
		'両方の証明書が入っている。古い証明書を残したまま、更新後の証明書が追加されている。',
	'c.predict.restart': 'VM を再起動するまでは、古い証明書だけが入っている。',
	'c.predict.right':
		'正解です。拡張機能は、古い証明書を残したまま更新後の証明書を追加します。シミュレーターで実際に試し、ストアの表を確認してください。',
	'c.predict.wrong':
		'正しくありません。予想を覚えておき、ステップ 2 で {poll} を押したときのストアの表を確認してください。',
	'c.waiting':
		'ステップ 2: 上のシミュレーターで {renew}、{poll} の順に押します。ライブ モードでは {renew} を押し、次のポーリングを待ちます。ストアに www.contoso.test の証明書が 2 つ入ると、次の問いが表示されます。',
	'c.step2First': '先にステップ 2 を行ってください。ストアにはまだ更新後の証明書がありません。',
	'c.use': 'ステップ 3: これからアプリケーションが使うべき証明書はどれですか。',
	'c.first':
		'ステップ 4: アプリケーションのコードは、多くのサンプルと同じように、サブジェクトが一致する最初の証明書を使います。どの証明書が選ばれますか。',
	'c.option': '{thumbprint} (NotBefore {notBefore}、NotAfter {notAfter})',
	'c.vmTime': 'VM の時刻: {now}',
	'c.use.right':
		'正解です。現在有効で、NotBefore が最も新しい証明書です。古い証明書も {notAfter} までは有効なので、今日は何も失敗しません。だからこそ、どちらを選ぶかが重要です。',
	'c.use.wrong':
		'その証明書ではありません。どちらも今日は有効です。2 つの証明書の NotBefore を VM の時刻と比べてください。更新で作成されたのはどちらですか。',
	'c.first.right':
		'正解です。ストアでは古い証明書が先に並んでいるため、このコードは古い証明書を {notAfter} に期限が切れるまで使い続けます。期限が切れると、有効な証明書がインストールされているのに TLS が失敗します。ストアは順序も保証しません。',
	'c.first.wrong':
		'その証明書ではありません。ストアの表の行の順序を見てください。先にインストールされたのはどちらですか。',
	'd.option1': '1: マシンに保存したサービス プリンシパルの資格情報',
	'd.option2': '2: マネージド ID を使い、コードから Key Vault を読み取る',
	'd.option3': '3: Key Vault VM 拡張機能',
	'd.scenario': 'シナリオ {n}',
	'd.wrong_other': 'シナリオ {list} がまだ正しくありません。ヒントを読んでください。',
	'd.unanswered': 'まだ答えを選んでいません。',
	'e.label': '自分のテンプレート、設定、コマンド (このブラウザーの外には送信されません)',
	'e.empty':
		'テンプレート、パラメーター ファイル、設定の JSON、Bicep または Terraform のファイル、az CLI または PowerShell のコマンドを貼り付けてください。',
	'e.checking': 'チェックしています…',
	'e.unrecognised':
		'チェッカーが読み取れる形式 (ARM の JSON、パラメーター ファイル、設定、Bicep、Terraform、az CLI、PowerShell) のどれとしても読み取れませんでした。',
	'e.grammarFailed':
		'Bicep または Terraform の読み取り機能を読み込めませんでした。ページを再読み込みするか、ARM テンプレートで試してください。',
	'e.notStored': 'このテキストは保存されません。ページを再読み込みすると消えます。',
	'e.tooLong':
		'テキストが {limit} 文字を超えています。テンプレート チェッカーでチェックしてください。',
	'timer.heading': 'タイマー',
	'timer.start': '開始',
	'timer.pause': '一時停止',
	'timer.resume': '再開',
	'timer.previous': '前のブロック',
	'timer.next': '次のブロック',
	'timer.reset': 'リセット',
	'timer.idle':
		'ワークショップを始めるときに「開始」を押します。ページを再読み込みしても、タイマーは止まりません。',
	'timer.paused': '{title} で一時停止しています。',
	'timer.current': '現在: {title} (残り {left})',
	'timer.over': '{title} が {over} 超過しています',
	'timer.finished': '90 分が終了しました。',
	'agenda.caption': 'アジェンダ (90 分)',
	'agenda.start': '開始',
	'agenda.minutes': '時間',
	'agenda.block': '内容',
	'agenda.minuteUnit': '{n} 分',
	'key.a.caption': '演習 A: 壊れたテンプレートの誤り',
	'key.line': '行',
	'key.rule': 'ルール',
	'key.finding': 'チェッカーのメッセージ',
	'key.fix': '直し方',
	'key.d.caption': '演習 D: 正解',
	'key.scenario': 'シナリオ',
	'key.answer': '最適な答え',
	'key.why': '理由と次点',
};

/** The workshop's strings per language (Japanese has no `_one` forms). */
export const workshopStrings: { en: typeof en; ja: typeof ja } = { en, ja };

/** The keys of strings with a count, without their `_one` / `_other` suffix. */
export type WorkshopPluralKey = WorkshopKey extends infer K
	? K extends `${infer Base}_other`
		? Base
		: never
	: never;

const fill = (template: string, data: Record<string, string | number>) =>
	template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in data ? String(data[name]) : whole
	);

/** Fills `{name}` placeholders of a workshop string. */
export function workshopText(
	lang: 'ja' | 'en',
	key: Exclude<WorkshopKey, EnglishOnly>,
	data: Record<string, string | number> = {}
): string {
	return fill(workshopStrings[lang][key], data);
}

/** Items joined as a list in the page's language: `2 and 5`, `2、5`. */
export function workshopList(lang: 'ja' | 'en', items: (string | number)[]): string {
	return new Intl.ListFormat(lang, { type: 'conjunction' }).format(items.map(String));
}

/**
 * A string with a count: `<key>_one` or `<key>_other` by `Intl.PluralRules`, falling back to
 * `_other` (Japanese has only that form).
 */
export function workshopPlural(
	lang: 'ja' | 'en',
	key: WorkshopPluralKey,
	count: number,
	data: Record<string, string | number> = {}
): string {
	const category = new Intl.PluralRules(lang).select(count);
	const table = workshopStrings[lang] as Record<string, string>;
	return fill(table[`${key}_${category}`] ?? table[`${key}_other`]!, { count, ...data });
}
