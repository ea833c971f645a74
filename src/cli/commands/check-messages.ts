import type { Localized } from '../../core/check/types.ts';

/** Messages of the `kvcert check` command, in ja and en. */
export const cliMessages = {
	usage: {
		ja: `使い方: kvcert check [パス | フォルダー | glob | -] [オプション]

ARM テンプレート、Bicep (.bicep)、Terraform (.tf、.tf.json)、拡張機能の settings、
az CLI / PowerShell のコマンドに含まれる Azure Key Vault VM 拡張機能の設定を確認します。
フォルダーと glob では、kvcert が確認する内容のないファイル (Azure のコマンドのないスクリプト、
package.json など) を飛ばし、その件数を表示します。

オプション:
  --format text|json|sarif|github|junit  出力形式 (既定: text)
  --lang ja|en                     メッセージの言語 (既定: 設定ファイル、環境変数 KVCERT_LANG、LC_ALL、LANG から)
  --fail-on error|warning|info     この重大度以上の問題があれば終了コード 1 (既定: error)
  --parameters <ファイル>           テンプレートのパラメーター ファイル (ARM の JSON か .bicepparam)
  --fix                            確実な修正をファイルに書き戻します
  --output <ファイル>               結果を標準出力ではなくファイルに書きます
  -q, --quiet                      エラーだけを出力します (警告と情報は表示しません)
  -v, --verbose                    抑制した問題と、確認しなかったファイルも表示します
  --max-warnings <数>               警告がこの数を超えたら終了コード 1 (--quiet でも数えます)
  --config <ファイル>               設定ファイル (既定: 確認するファイルのフォルダーから上にたどって
                                   最初に見つかる kvcert.config.json)
  --baseline <ファイル>             このファイルに記録済みの問題では失敗しません (新しい問題だけで失敗します)
  --update-baseline                いまの問題をすべてベースライン ファイルに書きます
                                   (既定のファイル名: kvcert-baseline.json)
  --docs-url <アドレス>             ルールの説明ページのアドレス (環境変数 KVCERT_DOCS_URL でも指定できます。
                                   ないときは kvcert explain <ID> を案内します)
  --no-color                       色を付けません (環境変数 NO_COLOR でも同じです。
                                   色は端末に出力するときだけ付きます)
  --max-input-size <サイズ>         これより大きい入力は読みません (既定: 32MB、環境変数 KVCERT_MAX_INPUT_SIZE)
  -h, --help                       このヘルプを表示します

終了コード: 0 = --fail-on 以上の問題がなく警告も --max-warnings 以下、
            1 = 問題あり、2 = 使い方の誤り、または入力パスや設定ファイルを読めない`,
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

Exit codes: 0 = nothing at or above --fail-on and at most --max-warnings warnings,
            1 = findings over those limits, 2 = usage error, or an input path or config
            that cannot be read`,
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
	unwritable: {
		ja: 'kvcert check: {path} に書き込めません ({reason})。',
		en: 'kvcert check: cannot write {path} ({reason}).',
	},
	fixStdin: {
		ja: 'kvcert check: 標準入力には --fix を使えません。',
		en: 'kvcert check: --fix cannot be used with standard input.',
	},
	fixed: {
		ja: '{file}:{line}:{column} {ruleId} を修正しました: {description}',
		en: '{file}:{line}:{column} fixed {ruleId}: {description}',
	},
	tooManyWarnings: {
		ja: 'kvcert check: 警告が {count} 件あり、--max-warnings の {max} 件を超えています。',
		en: 'kvcert check: {count} warnings, more than --max-warnings {max}.',
	},
	baselineWritten: {
		ja: 'kvcert check: {count} 件の問題をベースライン {file} に書きました。',
		en: 'kvcert check: wrote {count} finding(s) to the baseline {file}.',
	},
	nothingFixed: {
		ja: '確実に直せる問題はありませんでした。',
		en: 'No finding had a certain fix.',
	},
} satisfies Record<string, Localized>;
