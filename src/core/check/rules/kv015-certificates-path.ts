import { defineRule } from '../rule.ts';
import { observedUrls, pieceReport } from './observed-urls.ts';

/** KV015: observed URLs use /secrets/, not /certificates/ or /keys/. */
export const certificatesPathRule = defineRule({
	id: 'KV015',
	name: 'certificates-path',
	severity: 'error',
	meta: {
		title: {
			ja: '証明書の URL には /certificates/ ではなく /secrets/ を使います',
			en: 'Use /secrets/ in certificate URLs, not /certificates/',
		},
		docs: {
			ja: 'Key Vault は証明書を 3 つの形式で持ちます: メタデータ (`/certificates/`)、キー (`/keys/`)、秘密鍵付きの証明書本体 (`/secrets/`)。拡張機能が秘密鍵ごと証明書をインストールできるのは `/secrets/` の URL だけです。`/certificates/` では秘密鍵が届きません。',
			en: 'Key Vault keeps a certificate in three forms: its metadata (`/certificates/`), its key (`/keys/`) and the certificate with its private key (`/secrets/`). Only a `/secrets/` URL lets the extension install the certificate with its private key; `/certificates/` does not deliver the private key.',
		},
		messages: {
			wrongCollection: {
				ja: 'URL が /{{actual}}/ を指しています。秘密鍵を含む証明書を取得するには /secrets/ を使ってください。',
				en: 'The URL points to /{{actual}}/; use /secrets/ so that the certificate comes with its private key.',
			},
			fix: { ja: '/{{actual}}/ を /secrets/ にする', en: 'Replace /{{actual}}/ with /secrets/' },
		},
		sources: ['S1', 'S2', 'S7', 'S12'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/certificates/web",
        "certificateStoreName": "MY",
        "certificateStoreLocation": "LocalMachine"
      }
    ]
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
  }
}`,
		},
	},
	check(context) {
		for (const url of observedUrls(context)) {
			const collection = url.shape.segments[0];
			if (!collection?.known) continue;
			const actual = collection.text;
			if (!/^(?:certificates|keys)$/i.test(actual)) continue;
			const place = pieceReport(url, collection);
			context.report({
				messageId: 'wrongCollection',
				data: { actual },
				...place,
				...(place.exact
					? {
							fix: {
								messageId: 'fix',
								data: { actual },
								edits: [{ at: place.exact, text: 'secrets' }],
							},
						}
					: {}),
			});
		}
	},
});
