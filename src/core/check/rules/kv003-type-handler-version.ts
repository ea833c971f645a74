import { documentedVersions, publishedMinors, versionStatus } from '../../extension/index.ts';
import { anchorOf } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { fieldPlace, isLiteral } from './util.ts';

/**
 * KV003: typeHandlerVersion is a "Major.Minor" string of a version that exists for the OS: a
 * documented major, or a minor version a public source shows (core/extension/versions.ts).
 */
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
			ja: 'typeHandlerVersion は API では文字列です。"Major.Minor" (例: "3.0") の形式で指定します。ドキュメントに記載されているのは、Windows では 1.0/3.0/4.0、Linux では 1.0/2.0/3.0/4.0 です (Windows に 2.0 はありません)。このほか、公開されているログやバージョン一覧に現れるマイナー バージョン (Windows の 3.1/3.2/3.3/3.6、Linux の 2.2 など) も受け付けます。数値や存在しないバージョンを指定するとデプロイが失敗します。Windows は `az vm extension image list-versions` の出力全体が公開されているため、そこにないマイナー バージョンはエラーにします。Linux はそうした一覧が見つかっていないため、知られていないマイナー バージョンは警告にとどめます。',
			en: 'typeHandlerVersion is a string in the API, written as "Major.Minor" (e.g. "3.0"). Documented versions are 1.0, 3.0 and 4.0 on Windows and 1.0, 2.0, 3.0 and 4.0 on Linux (there is no Windows 2.0). Minor versions that public logs and version listings show (Windows 3.1, 3.2, 3.3 and 3.6, Linux 2.2…) are accepted too. A number or a version that does not exist makes the deployment fail. For Windows a whole `az vm extension image list-versions` output is public, so a minor version missing from it is an error; no such listing was found for Linux, so an unknown Linux minor version is a warning.',
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
			unpublishedMinor: {
				ja: '{{os}} の Key Vault VM 拡張機能にバージョン {{actual}} はありません (公開されているバージョン一覧にありません)。{{minors}} のいずれかを指定してください。',
				en: 'There is no version {{actual}} of the {{os}} Key Vault VM extension (it is not in the published list of versions); use one of {{minors}}.',
			},
			unlistedMinor: {
				ja: '{{os}} の Key Vault VM 拡張機能のバージョン {{actual}} は、kvcert が参照しているどのドキュメントにも記載がありません。az vm extension image list-versions で存在を確かめるか、{{minors}} のいずれかを指定してください。',
				en: 'Version {{actual}} of the {{os}} Key Vault VM extension appears in no source kvcert knows; check that it exists with az vm extension image list-versions, or use one of {{minors}}.',
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
		const status = versionStatus(context.os, actual);
		if (status === 'published') return;
		const os = context.os === 'windows' ? 'Windows' : 'Linux';
		if (status === 'unknown-major')
			context.report({
				messageId: 'undocumented',
				data: { actual, os, versions: documentedVersions(context.os).join(', ') },
				at: anchor,
				related,
			});
		else
			context.report({
				messageId: status === 'unpublished-minor' ? 'unpublishedMinor' : 'unlistedMinor',
				...(status === 'unlisted-minor' ? { severity: 'warning' as const } : {}),
				data: { actual, os, minors: publishedMinors(context.os, actual).join(', ') },
				at: anchor,
				related,
			});
	},
});
