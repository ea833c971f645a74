import type { Localized } from '../../core/check/types.ts';

/** Messages of the `kvcert check` command, in ja and en. */
export const cliMessages = {
	usage: {
		ja: `使い方: kvcert check [パス | glob | -] [オプション]

ARM テンプレート、拡張機能の settings、az CLI / PowerShell のコマンドに含まれる
Azure Key Vault VM 拡張機能の設定を確認します。

オプション:
  --format text|json|sarif|github  出力形式 (既定: text)
  --lang ja|en                     メッセージの言語 (既定: 環境変数 LANG から)
  --fail-on error|warning|info     この重大度以上の問題があれば終了コード 1 (既定: error)
  --parameters <ファイル>           テンプレートのパラメーター ファイル
  --fix                            確実な修正をファイルに書き戻します
  --output <ファイル>               結果を標準出力ではなくファイルに書きます
  --max-input-size <サイズ>         これより大きい入力は読みません (既定: 32MB、環境変数 KVCERT_MAX_INPUT_SIZE)
  -h, --help                       このヘルプを表示します

終了コード: 0 = --fail-on 以上の問題なし、1 = あり、2 = 使い方の誤りか入力を読めない`,
		en: `Usage: kvcert check [paths | globs | -] [options]

Checks Azure Key Vault VM extension settings in ARM templates, extension settings JSON,
and az CLI / PowerShell commands.

Options:
  --format text|json|sarif|github  output format (default: text)
  --lang ja|en                     message language (default: from LANG)
  --fail-on error|warning|info     exit 1 when a finding is at or above this severity (default: error)
  --parameters <file>              ARM parameters file for the template
  --fix                            write the certain fixes back to the files
  --output <file>                  write the report to a file instead of stdout
  --max-input-size <size>          refuse larger inputs (default: 32MB; env KVCERT_MAX_INPUT_SIZE)
  -h, --help                       show this help

Exit codes: 0 = nothing at or above --fail-on, 1 = something is, 2 = usage error or unreadable input`,
	},
	badOption: { ja: 'kvcert check: {detail}', en: 'kvcert check: {detail}' },
	badValue: {
		ja: 'kvcert check: {option} の値 "{value}" は使えません。{allowed} のいずれかを指定してください。',
		en: 'kvcert check: invalid value "{value}" for {option} (one of {allowed}).',
	},
	noInput: {
		ja: 'kvcert check: 確認するファイルを指定してください (標準入力は "-")。',
		en: 'kvcert check: give the files to check ("-" for standard input).',
	},
	noMatch: {
		ja: 'kvcert check: "{pattern}" に一致するファイルがありません。',
		en: 'kvcert check: no files match "{pattern}".',
	},
	unreadableReference: {
		ja: 'kvcert check: {path} を読めません ({file}:{line}:{column} で参照されています)。',
		en: 'kvcert check: cannot read {path} (referenced at {file}:{line}:{column}).',
	},
	fixStdin: {
		ja: 'kvcert check: 標準入力には --fix を使えません。',
		en: 'kvcert check: --fix cannot be used with standard input.',
	},
	fixed: {
		ja: '{file}:{line}:{column} {ruleId} を修正しました: {description}',
		en: '{file}:{line}:{column} fixed {ruleId}: {description}',
	},
	nothingFixed: {
		ja: '確実に直せる問題はありませんでした。',
		en: 'No finding had a certain fix.',
	},
} satisfies Record<string, Localized>;
