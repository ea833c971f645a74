import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { placeOf, replaceString } from './util.ts';

/** KV034: msiEndpoint is an http:// URI with a host. */
export const msiEndpointFormatRule = defineRule({
	id: 'KV034',
	name: 'msi-endpoint-format',
	severity: 'error',
	meta: {
		title: {
			ja: 'msiEndpoint はホストを含む http の URI にします',
			en: 'msiEndpoint must be an http:// URI with a host',
		},
		docs: {
			ja: '`msiEndpoint` は IMDS のエンドポイントで、`http://169.254.169.254/metadata/identity` (または `/oauth2/token` 付き) です。`http:///169…` のような誤りは "URI must contain a hostname" で失敗します。ドキュメントにあった `ouath2` の綴り誤りや、https の指定も見つけます。誤りが一意に分かる場合は修正を提案します。',
			en: '`msiEndpoint` is the IMDS endpoint, `http://169.254.169.254/metadata/identity` (or with `/oauth2/token`). A typo such as `http:///169…` fails with "URI must contain a hostname". The rule also finds the `ouath2` misspelling once present in the docs, and https. When the mistake is clear, it offers the fix.',
		},
		messages: {
			malformed: {
				ja: 'msiEndpoint "{{actual}}" はホストを含む http の URI ではありません (例: http://169.254.169.254/metadata/identity)。',
				en: 'msiEndpoint "{{actual}}" is not an http:// URI with a host (e.g. http://169.254.169.254/metadata/identity).',
			},
			typo: {
				ja: 'msiEndpoint の "ouath2" は "oauth2" の綴り誤りです。',
				en: 'msiEndpoint has "ouath2", a misspelling of "oauth2".',
			},
			fix: { ja: '"{{expected}}" にする', en: 'Use "{{expected}}"' },
		},
		sources: ['I7', 'I8'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  },
  "authenticationSettings": {
    "msiEndpoint": "http:///169.254.169.254/metadata/identity",
    "msiClientId": "00000000-0000-0000-0000-000000000000"
  }
}`,
			good: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
  },
  "authenticationSettings": {
    "msiEndpoint": "http://169.254.169.254/metadata/identity",
    "msiClientId": "00000000-0000-0000-0000-000000000000"
  }
}`,
		},
	},
	check(context) {
		const at = child(context.authenticationSettings, 'msiEndpoint');
		const value = context.valueOf(at);
		const actual = value && knownText(value);
		if (!at || !value || actual === undefined) return;
		const { anchor, related } = placeOf(at);
		let expected: string | undefined;
		let messageId: string | undefined;
		if (/ouath2/i.test(actual)) {
			messageId = 'typo';
			expected = actual.replace(/ouath2/gi, 'oauth2');
		}
		const match = /^([a-z]+):\/\/([^/]*)(?:\/.*)?$/i.exec(actual.replace(/ouath2/gi, 'oauth2'));
		if (!match || match[1]!.toLowerCase() !== 'http' || match[2] === '') {
			messageId = 'malformed';
			const repaired = (expected ?? actual)
				.replace(/^http:\/{3,}/i, 'http://')
				.replace(/^https:\/\//i, 'http://');
			expected = /^http:\/\/[^/]+\//.test(repaired) ? repaired : undefined;
		}
		if (!messageId) return;
		const edits = expected ? replaceString(value, expected) : undefined;
		context.report({
			messageId,
			data: { actual },
			at: anchor,
			related,
			...(edits ? { fix: { messageId: 'fix', data: { expected: expected! }, edits } } : {}),
		});
	},
});
