import type { Localized } from '../../core/check/types.ts';

/** Messages of the `kvcert check` command, in ja and en. */
export const cliMessages = {
	usage: {
		ja: `使い方: kvcert check [パス | glob | -] [オプション]

ARM テンプレート、Bicep (.bicep)、Terraform (.tf、.tf.json)、拡張機能の settings、
az CLI / PowerShell のコマンドに含まれる Azure Key Vault VM 拡張機能の設定を確認します。

オプション:
  --format text|json|sarif|github  出力形式 (既定: text)
  --lang ja|en                     メッセージの言語 (既定: 環境変数 KVCERT_LANG、LC_ALL、LANG から)
  --fail-on error|warning|info     この重大度以上の問題があれば終了コード 1 (既定: error)
  --parameters <ファイル>           テンプレートのパラメーター ファイル (ARM の JSON か .bicepparam)
  --fix                            確実な修正をファイルに書き戻します
  --output <ファイル>               結果を標準出力ではなくファイルに書きます
  -q, --quiet                      エラーだけを出力します (警告と情報は表示しません)
  --max-warnings <数>               警告がこの数を超えたら終了コード 1 (--quiet でも数えます)
  --no-color                       色を付けません (環境変数 NO_COLOR でも同じです。
                                   色は端末に出力するときだけ付きます)
  --max-input-size <サイズ>         これより大きい入力は読みません (既定: 32MB、環境変数 KVCERT_MAX_INPUT_SIZE)
  -h, --help                       このヘルプを表示します

終了コード: 0 = --fail-on 以上の問題がなく警告も --max-warnings 以下、
            1 = 問題あり、2 = 使い方の誤り、入力パスを読めない、
            または kvcert が読まない種類のテキスト`,
		en: `Usage: kvcert check [paths | globs | -] [options]

Checks Azure Key Vault VM extension settings in ARM templates, Bicep (.bicep), Terraform
(.tf, .tf.json), extension settings JSON, and az CLI / PowerShell commands.

Options:
  --format text|json|sarif|github  output format (default: text)
  --lang ja|en                     message language (default: from KVCERT_LANG, LC_ALL or LANG)
  --fail-on error|warning|info     exit 1 when a finding is at or above this severity (default: error)
  --parameters <file>              parameters file for the template (ARM JSON or .bicepparam)
  --fix                            write the certain fixes back to the files
  --output <file>                  write the report to a file instead of stdout
  -q, --quiet                      report errors only (no warnings or info)
  --max-warnings <n>               exit 1 when there are more than n warnings (counted even with --quiet)
  --no-color                       no colours (as does a non-empty NO_COLOR; colours are only
                                   used when writing to a terminal)
  --max-input-size <size>          refuse larger inputs (default: 32MB; env KVCERT_MAX_INPUT_SIZE)
  -h, --help                       show this help

 Exit codes: 0 = nothing at or above --fail-on and at most --max-warnings warnings,
            1 = findings over those limits, 2 = usage error, unreadable input path,
            or text kvcert does not read`,
	},
	badOption: { ja: 'kvcert check: {{detail}}', en: 'kvcert check: {{detail}}' },
	badValue: {
		ja: 'kvcert check: {{option}} の値 "{{value}}" は使えません。{{allowed}} のいずれかを指定してください。',
		en: 'kvcert check: invalid value "{{value}}" for {{option}} (one of {{allowed}}).',
	},
	noInput: {
		ja: 'kvcert check: 確認するファイルを指定してください (標準入力は "-")。',
		en: 'kvcert check: give the files to check ("-" for standard input).',
	},
	noMatch: {
		ja: 'kvcert check: "{{pattern}}" に一致するファイルがありません。',
		en: 'kvcert check: no files match "{{pattern}}".',
	},
	unwritable: {
		ja: 'kvcert check: {{path}} に書き込めません ({{reason}})。',
		en: 'kvcert check: cannot write {{path}} ({{reason}}).',
	},
	fixStdin: {
		ja: 'kvcert check: 標準入力には --fix を使えません。',
		en: 'kvcert check: --fix cannot be used with standard input.',
	},
	fixed: {
		ja: '{{file}}:{{line}}:{{column}} {{ruleId}} を修正しました: {{description}}',
		en: '{{file}}:{{line}}:{{column}} fixed {{ruleId}}: {{description}}',
	},
	tooManyWarnings: {
		ja: 'kvcert check: 警告が {{count}} 件あり、--max-warnings の {{max}} 件を超えています。',
		en: 'kvcert check: {{count}} warnings, more than --max-warnings {{max}}.',
	},
	nothingFixed: {
		ja: '確実に直せる問題はありませんでした。',
		en: 'No finding had a certain fix.',
	},
} satisfies Record<string, Localized>;
