import { anchorOf } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { isLiteral, placeOf } from './util.ts';

/** KV013: version 4 no longer accepts observedCertificates as a list of URL strings. */
export const v4StringListRule = defineRule({
	id: 'KV013',
	name: 'v4-string-list',
	severity: 'error',
	meta: {
		title: {
			ja: 'バージョン 4.0 では observedCertificates に URL 文字列を並べられません',
			en: 'Version 4.0 does not accept observedCertificates as URL strings',
		},
		docs: {
			ja: 'バージョン 4.0 では、observedCertificates を URL 文字列のリストで書く古いスキーマはサポートされなくなりました。各要素を `{ "url": "…" }` のオブジェクトにします (Windows 4.0 のストアの既定値は MY と LocalMachine です)。文字列がそのまま書かれている場合は、オブジェクトに包む修正を提案します。',
			en: 'Version 4.0 no longer supports the legacy schema where observedCertificates is a list of URL strings. Each item must be an object `{ "url": "…" }` (on Windows 4.0 the store defaults to MY / LocalMachine). When the string is written in place, the fix wraps it in an object.',
		},
		messages: {
			string: {
				ja: 'バージョン 4.0 では URL 文字列を直接並べられません。{ "url": "…" } のオブジェクトにしてください。',
				en: 'Version 4.0 does not accept a plain URL string here; use an object { "url": "…" }.',
			},
			fix: { ja: '{ "url": … } に包む', en: 'Wrap it in { "url": … }' },
		},
		sources: ['S11', 'S1'],
		examples: {
			bad: `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2024-07-01",
  "name": "vm1/KeyVaultForLinux",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault",
    "type": "KeyVaultForLinux",
    "typeHandlerVersion": "4.0",
    "settings": {
      "secretsManagementSettings": {
        "pollingIntervalInS": "3600",
        "observedCertificates": [
          "https://kvprod.vault.azure.net/secrets/web"
        ]
      }
    }
  }
}`,
			good: `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2024-07-01",
  "name": "vm1/KeyVaultForLinux",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault",
    "type": "KeyVaultForLinux",
    "typeHandlerVersion": "4.0",
    "settings": {
      "secretsManagementSettings": {
        "pollingIntervalInS": "3600",
        "observedCertificates": [
          { "url": "https://kvprod.vault.azure.net/secrets/web" }
        ]
      }
    }
  }
}`,
		},
	},
	check(context) {
		if (context.major !== 4) return;
		for (const entry of context.observedCertificates ?? []) {
			if (entry.shape !== 'string') continue;
			const { anchor, related } = placeOf(entry.at);
			const direct = isLiteral(entry.at) && entry.at.doc.direct;
			const text = entry.at.doc.text.slice(
				entry.at.node.offset,
				entry.at.node.offset + entry.at.node.length
			);
			context.report({
				messageId: 'string',
				at: anchor,
				related,
				...(direct
					? {
							fix: {
								messageId: 'fix',
								edits: [{ at: anchorOf(entry.at), text: `{ "url": ${text} }` }],
							},
						}
					: {}),
			});
		}
	},
});
