import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { isLiteral, placeOf, settingOccurrences } from './util.ts';

const booleanSettings = ['linkOnRenewal', 'requireInitialSync', 'aclEnabled', 'keyExportable'];

/** KV028: boolean settings are JSON booleans, not "true"/"false" strings. */
export const booleanStringsRule = defineRule({
	id: 'KV028',
	name: 'boolean-strings',
	severity: 'warning',
	meta: {
		title: {
			ja: '真偽値の設定は JSON の true または false にします',
			en: 'Boolean settings take JSON true / false',
		},
		docs: {
			ja: '`linkOnRenewal`、`requireInitialSync`、`aclEnabled`、`keyExportable` は JSON の真偽値です。`"true"` のような文字列が公開モジュールや Issue で見られますが、どう解釈されるかはドキュメントに記載がないため警告にしています。値が JSON にそのまま書かれている場合は引用符を外す修正を提案します。',
			en: '`linkOnRenewal`, `requireInitialSync`, `aclEnabled` and `keyExportable` are JSON booleans. Strings such as `"true"` appear in public modules and issues, but how they are read is not confirmed, so this is a warning. When the value is written in place, the fix removes the quotes.',
		},
		messages: {
			string: {
				ja: '{{name}} が文字列 "{{actual}}" です。JSON の {{expected}} にしてください。',
				en: '{{name}} is the string "{{actual}}"; use the JSON boolean {{expected}}.',
			},
			fix: { ja: '{{expected}} にする', en: 'Use {{expected}}' },
		},
		sources: ['S2', 'S7', 'S23', 'I17'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "requireInitialSync": "true",
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  }
}`,
			good: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "requireInitialSync": true,
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  }
}`,
		},
	},
	check(context) {
		for (const name of booleanSettings)
			for (const at of settingOccurrences(context, name)) {
				const value = context.valueOf(at);
				const actual = value && knownText(value);
				if (!value || actual === undefined || !/^(?:true|false)$/i.test(actual)) continue;
				const expected = actual.toLowerCase();
				const { anchor, related } = placeOf(at);
				const direct = at.node.type === 'string' && isLiteral(at) && at.doc.direct;
				const edits = direct ? [{ at: anchor, text: expected }] : undefined;
				context.report({
					messageId: 'string',
					data: { name, actual, expected },
					at: anchor,
					related,
					...(edits ? { fix: { messageId: 'fix', data: { expected }, edits } } : {}),
				});
			}
	},
});
