import { defineRule } from '../rule.ts';

/** The passing example: the same comment with its reason, in the reader's language. */
const goodExample = (reason: string) => `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "certificateStoreName": "MY",
    "certificateStoreLocation": "LocalMachine",
    // kvcert-disable-next-line KV015 -- ${reason}
    "observedCertificates": ["https://myvault.vault.azure.net/certificates/web"]
  }
}
`;

/**
 * KV060: a `kvcert-disable…` comment that is incomplete or silences nothing. Reported by the
 * suppression step after the rules have run (suppressions.ts), never by a rule of its own.
 */
export const suppressionCommentRule = defineRule({
	id: 'KV060',
	name: 'suppression-comment',
	severity: 'warning',
	meta: {
		title: {
			ja: '抑制コメントに理由がないか、何も抑制していません',
			en: 'A suppression comment has no reason or silences nothing',
		},
		docs: {
			ja: 'kvcert-disable-next-line (次の行)、kvcert-disable-line (同じ行)、kvcert-disable (ファイル全体) のコメントで、指定したルールの問題を抑制できます。コメントにはルール ID か名前と、`--` に続けて理由を書きます (例: `// kvcert-disable-next-line KV015 -- 移行中のため 3 月まで /certificates/ の URL を使います`)。理由のないコメント、ルールを指定していないコメント、存在しないルールを指定したコメント、何も抑制しなかったコメントをこのルールで知らせます。抑制した問題は結果に表示されませんが、SARIF には理由とともに suppressions として残ります。',
			en: 'A kvcert-disable-next-line (the next line), kvcert-disable-line (the same line) or kvcert-disable (the whole file) comment hides the findings of the rules it names. It names rule ids or names and gives a reason after `--` (for example `// kvcert-disable-next-line KV015 -- migration: certificates/ URLs until March`). This rule reports a comment without a reason, without rules, with a rule that does not exist, and one that silenced nothing. Suppressed findings stay in SARIF as suppressions with their reason.',
		},
		messages: {
			noReason: {
				ja: '抑制の理由がありません。"-- " に続けて、この問題を抑制する理由を書いてください。',
				en: 'The suppression has no reason: write why after "-- ".',
			},
			noRules: {
				ja: '抑制するルールが指定されていないため、このコメントは何も抑制しません。ルール ID か名前 (例: KV015) を書いてください。',
				en: 'The suppression names no rule: write rule ids or names (e.g. KV015). It silences nothing.',
			},
			unknownRule: {
				ja: '"{{rule}}" というルールはありません。ルールの一覧は kvcert rules で確認できます。',
				en: 'There is no rule "{{rule}}" (kvcert rules lists them).',
			},
			unused: {
				ja: 'この抑制コメントで抑制される {{rule}} の問題はありません。コメントが不要になっている場合は削除してください。',
				en: 'This suppression silences no {{rule}} finding: remove it when it is no longer needed.',
			},
		},
		sources: [],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "certificateStoreName": "MY",
    "certificateStoreLocation": "LocalMachine",
    // kvcert-disable-next-line KV015
    "observedCertificates": ["https://myvault.vault.azure.net/certificates/web"]
  }
}
`,
			good: {
				ja: goodExample('移行中のため 3 月まで古い URL を使います'),
				en: goodExample('migration: the old URL stays until March'),
			},
		},
	},
});
