import { anchorOf } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { documentedVersions, fieldPlace, isLiteral } from './util.ts';

/** KV003: typeHandlerVersion is a "Major.Minor" string and a documented version for the OS. */
export const typeHandlerVersionRule = defineRule({
	id: 'KV003',
	name: 'type-handler-version',
	severity: 'error',
	meta: {
		title: {
			ja: 'typeHandlerVersion は "Major.Minor" 形式で、ドキュメント記載のバージョンを指定します',
			en: 'typeHandlerVersion must be a documented "Major.Minor" version',
		},
		docs: {
			ja: 'typeHandlerVersion は API では文字列です。"Major.Minor" (例: "3.0") の形式で指定します。ドキュメントに記載されているのは、Windows では 1.0/3.0/4.0、Linux では 1.0/2.0/3.0/4.0 です (Windows に 2.0 はありません)。数値や存在しないバージョンを指定するとデプロイが失敗します。',
			en: 'typeHandlerVersion is a string in the API, written as "Major.Minor" (e.g. "3.0"). Documented versions are 1.0, 3.0 and 4.0 on Windows and 1.0, 2.0, 3.0 and 4.0 on Linux (there is no Windows 2.0). A number or a version that does not exist makes the deployment fail.',
		},
		messages: {
			format: {
				ja: 'typeHandlerVersion "{{actual}}" は "Major.Minor" 形式ではありません (例: "3.0")。',
				en: 'typeHandlerVersion "{{actual}}" is not in "Major.Minor" form (e.g. "3.0").',
			},
			number: {
				ja: 'typeHandlerVersion が数値 {{actual}} になっています。文字列 "{{actual}}" にしてください。',
				en: 'typeHandlerVersion is the number {{actual}}; write it as the string "{{actual}}".',
			},
			undocumented: {
				ja: '{{os}} の Key Vault VM 拡張機能にバージョン {{actual}} はありません。{{versions}} のいずれかを指定してください。',
				en: 'There is no version {{actual}} of the {{os}} Key Vault VM extension; use one of {{versions}}.',
			},
			missing: {
				ja: 'typeHandlerVersion がありません。"3.0" や "4.0" のように指定してください。',
				en: 'typeHandlerVersion is missing; set it, e.g. "3.0" or "4.0".',
			},
			fix: { ja: '文字列にする', en: 'Quote the version' },
		},
		sources: ['S29', 'S1', 'S2', 'S7', 'S11'],
		examples: {
			bad: `{
  "type": "Microsoft.Compute/virtualMachines/extensions",
  "apiVersion": "2024-07-01",
  "name": "vm1/KeyVaultForWindows",
  "location": "japaneast",
  "properties": {
    "publisher": "Microsoft.Azure.KeyVault",
    "type": "KeyVaultForWindows",
    "typeHandlerVersion": 3.0,
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
		const { version, properties, form } = context.extension;
		if (!version) {
			// Arc extensions may omit it (the latest version is installed); VM and scale-set ones may not.
			if (
				properties &&
				form !== 'command' &&
				form !== 'settings' &&
				context.extension.hostKind !== 'arc'
			)
				context.report({ messageId: 'missing', at: context.extension.anchor });
			return;
		}
		const { anchor, related } = fieldPlace(version);
		const { value } = version;
		if (value.kind === 'number') {
			const raw = value.at
				? value.at.doc.text.slice(value.at.node.offset, value.at.node.offset + value.at.node.length)
				: String(value.value);
			const fixable = value.at && isLiteral(value.at) && /^\d+\.\d+$/.test(raw);
			context.report({
				messageId: 'number',
				data: { actual: raw },
				at: anchor,
				related,
				...(fixable
					? { fix: { messageId: 'fix', edits: [{ at: anchorOf(value.at!), text: `"${raw}"` }] } }
					: {}),
			});
			return;
		}
		const actual = knownText(value);
		if (actual === undefined) return;
		if (!/^\d+\.\d+$/.test(actual)) {
			context.report({ messageId: 'format', data: { actual }, at: anchor, related });
			return;
		}
		if (!context.os) return;
		const versions = documentedVersions[context.os];
		if (versions.includes(actual)) return;
		context.report({
			messageId: 'undocumented',
			data: {
				actual,
				os: context.os === 'windows' ? 'Windows' : 'Linux',
				versions: versions.join(', '),
			},
			at: anchor,
			related,
		});
	},
});
