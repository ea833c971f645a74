import type { Localized } from '../../core/check/index.ts';

/** Messages of the `kvcert check` command, in ja and en. */
export const cliMessages = {
	usage: {
		ja: `使い方: kvcert check [パス | フォルダー | glob | -] [オプション]

Key Vault VM 拡張機能の設定を確認します。読めるのは ARM テンプレート、Bicep (.bicep)、
Terraform (.tf、.tf.json)、拡張機能の settings、Azure CLI と PowerShell のコマンドです。
フォルダーや glob を指定した場合、kvcert が確認する内容のないファイル (Azure のコマンドが
ないスクリプトや package.json など) はスキップし、その件数を表示します。

オプション:
  --format text|json|sarif|github|junit  出力形式 (既定: text)
  --lang ja|en                     メッセージの言語 (既定: 設定ファイルの lang、
                                   環境変数 KVCERT_LANG、LC_ALL、LANG から)
  --fail-on error|warning|info     この重大度以上の問題があれば終了コード 1 で終了します (既定: error)
  --parameters <ファイル>          テンプレートのパラメーター ファイル (ARM の JSON か .bicepparam)
  --fix                            自動修正できる問題を修正し、ファイルに書き戻します
  --output <ファイル>              結果を標準出力ではなくファイルに書き込みます
  -q, --quiet                      エラーだけを出力します (警告と情報は出力しません)
  -v, --verbose                    抑制した問題とスキップしたファイルも表示します
  --max-warnings <数>              警告がこの数を超えたら終了コード 1 で終了します
                                   (--quiet でも警告を数えます)
  --config <ファイル>              設定ファイル (既定: 確認するファイルのフォルダーから上位へたどって
                                   最初に見つかった kvcert.config.json)
  --baseline <ファイル>            ベースライン ファイル。ここに記録済みの問題では失敗せず、
                                   新しい問題だけで失敗します
  --update-baseline                現在の問題をすべてベースライン ファイルに書き込みます
                                   (既定のファイル名: kvcert-baseline.json)
  --docs-url <URL>                 ルールの説明ページがあるサイトの URL
                                   (環境変数 KVCERT_DOCS_URL でも指定できます。指定がない場合、
                                   結果には kvcert explain <ID> を表示します)
  --no-color                       出力に色を付けません (環境変数 NO_COLOR に空でない値を
                                   設定しても同じです。色は端末に出力するときだけ付きます)
  --max-input-size <サイズ>        入力の上限サイズ。これより大きい入力は読み込みません
                                   (既定: 32MB。環境変数 KVCERT_MAX_INPUT_SIZE でも指定できます)
  -h, --help                       このヘルプを表示します

終了コード: 0 = --fail-on 以上の問題がなく、警告が --max-warnings 以下
            1 = --fail-on 以上の問題がある、または警告が --max-warnings を超えている
            2 = 使い方の誤り、または入力、設定、ベースライン、出力のファイルを読み書きできない`,
		en: `Usage: kvcert check [paths | folders | globs | -] [options]

Checks Azure Key Vault VM extension settings in ARM templates, Bicep (.bicep), Terraform
(.tf, .tf.json), extension settings JSON, and az CLI / PowerShell commands. Folders and globs
skip files that hold nothing kvcert reads (scripts without Azure commands, package.json…) and
count them.

Options:
  --format text|json|sarif|github|junit  output format (default: text)
  --lang ja|en                     message language (default: from the config, KVCERT_LANG, LC_ALL or LANG)
  --fail-on error|warning|info     exit 1 when a finding is at or above this severity (default: error)
  --parameters <file>              parameters file for the template (ARM JSON or .bicepparam)
  --fix                            write the certain fixes back to the files
  --output <file>                  write the report to a file instead of stdout
  -q, --quiet                      report errors only (no warnings or info)
  -v, --verbose                    also show suppressed findings and the files skipped
  --max-warnings <n>               exit 1 when there are more than n warnings (counted even with --quiet)
  --config <file>                  the config file (default: the nearest kvcert.config.json at or
                                   above each checked file)
  --baseline <file>                findings recorded in this file do not fail the run; new ones do
  --update-baseline                write every current finding to the baseline file
                                   (default name: kvcert-baseline.json)
  --docs-url <address>             where the rule docs are (or KVCERT_DOCS_URL; without one,
                                   the report names kvcert explain <id>)
  --no-color                       no colours (as does a non-empty NO_COLOR; colours are only
                                   used when writing to a terminal)
  --max-input-size <size>          refuse larger inputs (default: 32MB; env KVCERT_MAX_INPUT_SIZE)
  -h, --help                       show this help

Exit codes: 0 = nothing at or above --fail-on, and at most --max-warnings warnings
            1 = findings at or above --fail-on, or more than --max-warnings warnings
            2 = usage error, or an input, config, baseline or output file that cannot be
                read or written`,
	},
	badOption: { ja: 'kvcert check: {{detail}}', en: 'kvcert check: {{detail}}' },
	badValue: {
		ja: 'kvcert check: {{option}} に "{{value}}" は指定できません (指定できる値: {{allowed}})。',
		en: 'kvcert check: invalid value "{{value}}" for {{option}} (allowed: {{allowed}}).',
	},
	noInput: {
		ja: 'kvcert check: 確認するファイルを指定してください (標準入力から読み込む場合は "-")。',
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
		ja: 'kvcert check: --fix は標準入力と一緒には使えません。',
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
	baselineWritten: {
		ja: 'kvcert check: ベースライン ファイル {{file}} に {{count}} 件の問題を書き込みました。',
		en: 'kvcert check: wrote {{count}} finding(s) to the baseline {{file}}.',
	},
	nothingFixed: {
		ja: '自動修正できる問題はありませんでした。',
		en: 'No finding had a certain fix.',
	},
} satisfies Record<string, Localized>;
