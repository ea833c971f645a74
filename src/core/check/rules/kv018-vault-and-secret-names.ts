import { defineRule } from '../rule.ts';
import { observedUrls, pieceReport } from './observed-urls.ts';

/** KV018: vault and secret names follow the naming rules. */
export const vaultAndSecretNamesRule = defineRule({
	id: 'KV018',
	name: 'vault-and-secret-names',
	severity: 'error',
	meta: {
		title: {
			ja: 'Key Vault 名とシークレット名は命名規則に従います',
			en: 'Vault and secret names must follow the naming rules',
		},
		docs: {
			ja: 'Key Vault の名前は 3～24 文字の英数字とハイフンです。英字で始まり、英数字で終わり、ハイフンは連続できません。証明書 (シークレット) の名前は 1～127 文字の英数字とハイフンです。規則に合わない名前の URL は存在し得ません。',
			en: 'A Key Vault name has 3–24 letters, digits and hyphens, starts with a letter, ends with a letter or digit and has no consecutive hyphens. A certificate (secret) name has 1–127 letters, digits and hyphens. A URL with a name outside these rules cannot exist.',
		},
		messages: {
			vault: {
				ja: 'Key Vault 名 "{{actual}}" は命名規則に合いません (3～24 文字の英数字とハイフン。英字で始まり、英数字で終わり、"--" を含まない)。',
				en: 'Vault name "{{actual}}" breaks the naming rules (3–24 letters, digits and hyphens; starts with a letter, ends with a letter or digit; no "--").',
			},
			secret: {
				ja: '証明書名 "{{actual}}" は命名規則 (1～127 文字の英数字とハイフン) に合いません。',
				en: 'Certificate name "{{actual}}" breaks the naming rules (1–127 letters, digits and hyphens).',
			},
		},
		sources: ['S13', 'S14'],
	},
	check(context) {
		for (const url of observedUrls(context)) {
			const { vaultName, segments } = url.shape;
			if (vaultName?.known) {
				const name = vaultName.text;
				if (!/^[A-Z][A-Z0-9-]{1,22}[A-Z0-9]$/i.test(name) || name.includes('--'))
					context.report({
						messageId: 'vault',
						data: { actual: name },
						...pieceReport(url, vaultName),
					});
			}
			const secret = segments[1];
			if (secret?.known && secret.text !== '' && !/^[A-Z0-9-]{1,127}$/i.test(secret.text))
				context.report({
					messageId: 'secret',
					data: { actual: secret.text },
					...pieceReport(url, secret),
				});
		}
	},
});
