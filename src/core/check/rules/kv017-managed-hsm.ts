import { defineRule } from '../rule.ts';
import { observedUrls, pieceReport } from './observed-urls.ts';

/** KV017: Managed HSM does not hold secrets, so it cannot serve certificates to the extension. */
export const managedHsmRule = defineRule({
	id: 'KV017',
	name: 'managed-hsm',
	severity: 'error',
	meta: {
		title: { ja: 'Managed HSM の URL は使えません', en: 'Managed HSM URLs cannot be used' },
		docs: {
			ja: 'Managed HSM (`*.managedhsm.azure.net`) はシークレットをサポートしないため、拡張機能が読む `/secrets/` の証明書を置けません。通常の Key Vault (`*.vault.azure.net`) を使ってください。',
			en: 'Managed HSM (`*.managedhsm.azure.net`) does not support secrets, so it cannot hold the `/secrets/` certificates the extension reads. Use a regular Key Vault (`*.vault.azure.net`).',
		},
		messages: {
			hsm: {
				ja: 'Managed HSM ({{actual}}) はシークレットをサポートしません。Key Vault の URL を使ってください。',
				en: 'Managed HSM ({{actual}}) does not support secrets; use a Key Vault URL.',
			},
		},
		sources: ['S13'],
	},
	check(context) {
		for (const url of observedUrls(context)) {
			const { suffix, host } = url.shape;
			if (suffix.kind !== 'known' || !suffix.text.toLowerCase().endsWith('managedhsm.azure.net'))
				continue;
			context.report({
				messageId: 'hsm',
				data: { actual: host?.text.replace(/\uE000/g, '…') ?? '' },
				...pieceReport(url, host),
			});
		}
	},
});
