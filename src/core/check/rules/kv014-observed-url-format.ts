import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { observedUrls, pieceReport } from './observed-urls.ts';
import { vaultSuffixes } from './url.ts';

/** KV014: each observed URL is https://<vault>.<Key Vault suffix>/secrets/<name>[/<version>]. */
export const observedUrlFormatRule = defineRule({
	id: 'KV014',
	name: 'observed-url-format',
	severity: 'error',
	meta: {
		title: {
			ja: 'observedCertificates の URL は `https://<Key Vault 名>.vault.azure.net/secrets/<名前>` の形式にします',
			en: 'Observed certificate URLs must be https://<vault>.vault.azure.net/secrets/<name>',
		},
		docs: {
			ja: '監視する証明書の URL は `https://<Key Vault 名>.<Key Vault の DNS サフィックス>/secrets/<証明書名>` です。サフィックスはクラウドごとに vault.azure.net、vault.azure.cn、vault.usgovcloudapi.net、vault.microsoftazure.de で、公式例には `:443` 付きもあります。https 以外、別のホスト、パスの段数の誤りはエラーです。末尾の `/` を受け付けるかはドキュメントに記載がないため、エラーではなく警告にしています。式の一部しか分からない場合は、分かる部分だけを確認します。',
			en: 'An observed certificate URL is `https://<vault-name>.<Key Vault DNS suffix>/secrets/<certificate-name>`. The suffix is vault.azure.net, vault.azure.cn, vault.usgovcloudapi.net or vault.microsoftazure.de depending on the cloud; official samples also use `:443`. Another scheme, another host or a wrong number of path segments is an error. Whether a trailing `/` is accepted is not confirmed by any source, so it is a warning rather than an error. When an expression is only partly known, only the known parts are checked.',
		},
		messages: {
			malformed: {
				ja: '"{{actual}}" は Key Vault の URL の形式になっていません。`https://<Key Vault 名>.vault.azure.net/secrets/<証明書名>` の形式にしてください。',
				en: '"{{actual}}" is not a Key Vault URL; use https://<vault-name>.vault.azure.net/secrets/<certificate-name>.',
			},
			scheme: {
				ja: 'URL のスキームが "{{actual}}" です。https にしてください。',
				en: 'The URL scheme is "{{actual}}"; use https.',
			},
			host: {
				ja: 'ホストのサフィックス "{{actual}}" は Key Vault のものではありません ({{suffixes}})。',
				en: 'Host suffix "{{actual}}" is not a Key Vault suffix ({{suffixes}}).',
			},
			path: {
				ja: 'URL のパスは /secrets/<証明書名> にしてください (バージョンを付ける場合はその後ろ)。',
				en: 'The URL path must be /secrets/<certificate-name> (optionally followed by a version).',
			},
			trailingSlash: {
				ja: 'URL の末尾に "/" があります。受け付けられるかは確認されていないため、外してください。',
				en: 'The URL ends with "/"; whether this is accepted is not confirmed, so remove it.',
			},
			fixSlash: { ja: '末尾の "/" を削除する', en: 'Remove the trailing "/"' },
		},
		sources: ['S1', 'S13', 'S5', 'S24', 'S11'],
	},
	check(context) {
		for (const url of observedUrls(context)) {
			const { shape } = url;
			if (shape.hole) continue;
			if (!shape.parsed) {
				const actual = knownText(shape.value);
				if (actual !== undefined)
					context.report({
						messageId: 'malformed',
						data: { actual },
						...pieceReport(url, undefined),
					});
				continue;
			}
			if (shape.scheme?.known && shape.scheme.text.toLowerCase() !== 'https') {
				context.report({
					messageId: 'scheme',
					data: { actual: shape.scheme.text },
					...pieceReport(url, shape.scheme),
				});
				continue;
			}
			const suffix = shape.suffix.kind === 'known' ? shape.suffix.text.toLowerCase() : undefined;
			if (
				suffix !== undefined &&
				!suffix.endsWith('managedhsm.azure.net') &&
				!vaultSuffixes.includes(suffix)
			) {
				context.report({
					messageId: 'host',
					data: { actual: suffix, suffixes: vaultSuffixes.join(', ') },
					...pieceReport(url, shape.host),
				});
				continue;
			}
			const segments = [...shape.segments];
			if (segments.some((s) => !s.known)) continue;
			const last = segments[segments.length - 1];
			if (segments.length > 1 && last?.text === '') {
				segments.pop();
				const previous = segments[segments.length - 1]!;
				const place = pieceReport(url, { ...last, start: previous.end, end: last.end });
				context.report({
					messageId: 'trailingSlash',
					severity: 'warning',
					...place,
					...(place.exact
						? { fix: { messageId: 'fixSlash', edits: [{ at: place.exact, text: '' }] } }
						: {}),
				});
			}
			const collection = segments[0]?.text.toLowerCase();
			const valid =
				collection === 'secrets' || collection === 'certificates' || collection === 'keys';
			if (
				segments.length < 2 ||
				segments.length > 3 ||
				!valid ||
				segments.some((s) => s.text === '')
			)
				context.report({ messageId: 'path', ...pieceReport(url, undefined) });
		}
	},
});
