import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { fieldPlace, replaceString } from './util.ts';

/** KV001: the publisher must be exactly `Microsoft.Azure.KeyVault`. */
export const publisherRule = defineRule({
	id: 'KV001',
	name: 'publisher',
	severity: 'error',
	meta: {
		title: {
			ja: 'publisher は "Microsoft.Azure.KeyVault" にします',
			en: 'The publisher must be "Microsoft.Azure.KeyVault"',
		},
		docs: {
			ja: 'Key Vault VM 拡張機能の発行元は `Microsoft.Azure.KeyVault` です。2017 年のプレビューで使われた `Microsoft.Azure.KeyVault.Edp` や綴り違いでは拡張機能が見つからず、デプロイが失敗します。',
			en: 'The Key Vault VM extension is published as `Microsoft.Azure.KeyVault`. The 2017 preview publisher `Microsoft.Azure.KeyVault.Edp` or a misspelling does not resolve to the extension, and the deployment fails.',
		},
		messages: {
			wrong: {
				ja: 'publisher が "{{actual}}" になっています。"Microsoft.Azure.KeyVault" を指定してください。',
				en: 'The publisher is "{{actual}}"; use "Microsoft.Azure.KeyVault".',
			},
			missing: {
				ja: 'publisher がありません。"Microsoft.Azure.KeyVault" を指定してください。',
				en: 'The publisher is missing; set it to "Microsoft.Azure.KeyVault".',
			},
			fix: {
				ja: 'publisher を "Microsoft.Azure.KeyVault" にする',
				en: 'Set the publisher to "Microsoft.Azure.KeyVault"',
			},
		},
		sources: ['S1', 'S5', 'I22'],
		examples: {
			bad: `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2024-07-01",
  "name": "vm1/KeyVaultForWindows",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault.Edp",
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
		const { publisher } = context.extension;
		if (!publisher) {
			if (context.extension.properties && context.extension.form !== 'settings')
				context.report({ messageId: 'missing', at: context.extension.anchor });
			return;
		}
		const actual = knownText(publisher.value);
		if (actual === undefined || actual === 'Microsoft.Azure.KeyVault' || !publisher.anchor) return;
		const { anchor, related } = fieldPlace(publisher);
		const edits = /^microsoft\.azure\.keyvault(?:\.edp)?$/i.test(actual)
			? replaceString(publisher.value, 'Microsoft.Azure.KeyVault')
			: undefined;
		context.report({
			messageId: 'wrong',
			data: { actual },
			at: anchor,
			related,
			...(edits ? { fix: { messageId: 'fix', edits } } : {}),
		});
	},
});
