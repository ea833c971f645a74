import type { Localized } from './types.ts';

/** Texts the formatters and the CLI print around diagnostics, in ja and en. */
export const checkMessages = {
	noExtension: {
		ja: '{{file}}: Key Vault VM 拡張機能は見つかりませんでした。',
		en: '{{file}}: no Key Vault VM extension found.',
	},
	parametersOnly: {
		ja: '{{file}}: このファイルは ARM テンプレートのパラメーター ファイルです。テンプレートと一緒に --parameters で指定してください。',
		en: '{{file}}: this is an ARM parameters file; pass it with --parameters beside its template.',
	},
	clean: {
		ja: '{{file}}: Key Vault VM 拡張機能 {{count}} 件を確認しました。問題は見つかりませんでした。',
		en: '{{file}}: {{count}} Key Vault VM extension(s), no problems found.',
	},
	summary: {
		ja: '問題 {{total}} 件 (エラー {{errors}}、警告 {{warnings}}、情報 {{infos}})。--fix で自動修正できる問題: {{fixable}} 件',
		en: '{{total}} problem(s) ({{errors}} error(s), {{warnings}} warning(s), {{infos}} info); {{fixable}} fixable with --fix',
	},
	unreadSettings: {
		ja: '{{file}}: Key Vault VM 拡張機能 {{count}} 件の settings を読み取れませんでした。これらの settings は確認していません。',
		en: '{{file}}: the settings of {{count}} Key Vault VM extension(s) could not be read and were not checked.',
	},
	fix: { ja: '修正', en: 'fix' },
	note: { ja: '補足', en: 'note' },
	docs: { ja: '説明', en: 'docs' },
	error: { ja: 'エラー', en: 'error' },
	warning: { ja: '警告', en: 'warning' },
	info: { ja: '情報', en: 'info' },
	truncated: {
		ja: '残り {{count}} 件は GitHub の注釈の上限を超えるため、ジョブの概要に出力しました。',
		en: '{{count}} more finding(s) beyond GitHub’s annotation limit were written to the job summary.',
	},
	truncatedNoSummary: {
		ja: '残り {{count}} 件は GitHub の注釈の上限を超えるため表示していません。すべての問題を確認するには、SARIF か JSON で出力してください。',
		en: '{{count}} more finding(s) beyond GitHub’s annotation limit are not shown (use SARIF or JSON for all of them).',
	},
	suppressedBy: { ja: '抑制の理由', en: 'suppressed' },
	knownIn: { ja: 'ベースラインに記録済み', en: 'known, in the baseline' },
	noReason: { ja: '(理由なし)', en: '(no reason given)' },
	suppressedCount_one: {
		ja: 'コメントで抑制した問題: {{count}} 件',
		en: '{{count}} finding suppressed by a comment',
	},
	suppressedCount_other: {
		ja: 'コメントで抑制した問題: {{count}} 件',
		en: '{{count}} findings suppressed by comments',
	},
	knownCount_one: {
		ja: 'ベースラインに記録済みの問題: {{count}} 件 (終了コードには影響しません)',
		en: '{{count}} known finding in the baseline (it does not fail the run)',
	},
	knownCount_other: {
		ja: 'ベースラインに記録済みの問題: {{count}} 件 (終了コードには影響しません)',
		en: '{{count}} known findings in the baseline (they do not fail the run)',
	},
	skippedCount_one: {
		ja: 'スキップしたファイル: {{count}} 件',
		en: '{{count}} file skipped',
	},
	skippedCount_other: {
		ja: 'スキップしたファイル: {{count}} 件',
		en: '{{count}} files skipped',
	},
	skippedIgnored: {
		ja: '設定ファイルの ignores で除外されています',
		en: 'ignored by the config’s ignores',
	},
	skippedNothing: {
		ja: 'kvcert が確認する内容 (Key Vault VM 拡張機能や Azure のコマンド) がありません',
		en: 'nothing kvcert reads (no Key Vault VM extension or Azure command)',
	},
	verboseHint: {
		ja: '(一覧は --verbose で表示できます)',
		en: '(--verbose lists them)',
	},
	morePlaces_one: {
		ja: '同じプレースホルダーがほかに {{count}} か所あります: {{places}}',
		en: 'and {{count}} more place: {{places}}',
	},
	morePlaces_other: {
		ja: '同じプレースホルダーがほかに {{count}} か所あります: {{places}}',
		en: 'and {{count}} more places: {{places}}',
	},
} satisfies Record<string, Localized>;
