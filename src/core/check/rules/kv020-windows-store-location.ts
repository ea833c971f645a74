import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { placeOf, replaceString, settingOccurrences } from './util.ts';

/** KV020: on Windows, certificateStoreLocation is exactly LocalMachine or CurrentUser. */
export const windowsStoreLocationRule = defineRule({
	id: 'KV020',
	name: 'windows-store-location',
	severity: 'error',
	meta: {
		title: {
			ja: 'Windows の certificateStoreLocation は LocalMachine か CurrentUser にします (大文字と小文字を区別します)',
			en: 'On Windows, certificateStoreLocation is LocalMachine or CurrentUser (case sensitive)',
		},
		docs: {
			ja: 'Windows の `certificateStoreLocation` は証明書ストアの場所で、`LocalMachine` か `CurrentUser` のどちらかです。ドキュメントには「大文字と小文字を区別する」とあり、`localmachine` や `LOCAL_MACHINE` は受け付けられません。綴りが一意に分かる場合は正しい書き方に直す修正を提案します。',
			en: 'On Windows, `certificateStoreLocation` names the certificate store location: `LocalMachine` or `CurrentUser`. The docs say it is case sensitive, so `localmachine` or `LOCAL_MACHINE` are not accepted. When the intended value is clear, the fix rewrites it.',
		},
		messages: {
			invalid: {
				ja: 'certificateStoreLocation "{{actual}}" は使えません。LocalMachine か CurrentUser を大文字と小文字も正確に指定してください。',
				en: 'certificateStoreLocation "{{actual}}" is not valid; use LocalMachine or CurrentUser, with exactly this case.',
			},
			fix: { ja: '{{expected}} にする', en: 'Use {{expected}}' },
		},
		sources: ['S2', 'S1', 'S5'],
		examples: {
			bad: `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2024-07-01",
  "name": "vm1/KeyVaultForWindows",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault",
    "type": "KeyVaultForWindows",
    "typeHandlerVersion": "3.0",
    "settings": {
      "secretsManagementSettings": {
        "pollingIntervalInS": "3600",
        "observedCertificates": [
          {
            "url": "https://kvprod.vault.azure.net/secrets/web",
            "certificateStoreName": "MY",
            "certificateStoreLocation": "localmachine"
          }
        ]
      }
    }
  }
}`,
			good: `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2024-07-01",
  "name": "vm1/KeyVaultForWindows",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault",
    "type": "KeyVaultForWindows",
    "typeHandlerVersion": "3.0",
    "settings": {
      "secretsManagementSettings": {
        "pollingIntervalInS": "3600",
        "observedCertificates": [
          {
            "url": "https://kvprod.vault.azure.net/secrets/web",
            "certificateStoreName": "MY",
            "certificateStoreLocation": "LocalMachine"
          }
        ]
      }
    }
  }
}`,
		},
	},
	check(context) {
		if (context.os !== 'windows') return;
		for (const at of settingOccurrences(context, 'certificateStoreLocation')) {
			const value = context.valueOf(at);
			const actual = value && knownText(value);
			if (!value || actual === undefined || actual === 'LocalMachine' || actual === 'CurrentUser')
				continue;
			const squashed = actual.replace(/[\s_]/g, '').toLowerCase();
			const expected =
				squashed === 'localmachine'
					? 'LocalMachine'
					: squashed === 'currentuser'
						? 'CurrentUser'
						: undefined;
			const edits = expected ? replaceString(value, expected) : undefined;
			const { anchor, related } = placeOf(at);
			context.report({
				messageId: 'invalid',
				data: { actual },
				at: anchor,
				related,
				...(edits ? { fix: { messageId: 'fix', data: { expected: expected! }, edits } } : {}),
			});
		}
	},
});
