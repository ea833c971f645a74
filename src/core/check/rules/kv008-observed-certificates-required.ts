import { anchorOf, child, resolve } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { placeOf, propertyKeyAnchor } from './util.ts';

/** KV008: settings.secretsManagementSettings.observedCertificates exists and is a non-empty array. */
export const observedCertificatesRequiredRule = defineRule({
	id: 'KV008',
	name: 'observed-certificates-required',
	severity: 'error',
	meta: {
		title: {
			ja: 'secretsManagementSettings.observedCertificates は空でない配列にします',
			en: 'secretsManagementSettings.observedCertificates must be a non-empty array',
		},
		docs: {
			ja: '拡張機能が監視する証明書は `settings.secretsManagementSettings.observedCertificates` に並べます。secretsManagementSettings や observedCertificates がない、または空の配列だと、拡張機能は何もインストールしません。',
			en: 'The certificates the extension watches are listed in `settings.secretsManagementSettings.observedCertificates`. Without secretsManagementSettings or observedCertificates, or with an empty array, the extension installs nothing.',
		},
		messages: {
			noSettings: {
				ja: 'settings がありません。secretsManagementSettings.observedCertificates を指定してください。',
				en: 'settings is missing; set secretsManagementSettings.observedCertificates.',
			},
			noSecretsManagementSettings: {
				ja: 'settings に secretsManagementSettings がありません。',
				en: 'settings has no secretsManagementSettings.',
			},
			noObservedCertificates: {
				ja: 'secretsManagementSettings に observedCertificates がありません。',
				en: 'secretsManagementSettings has no observedCertificates.',
			},
			empty: {
				ja: 'observedCertificates が空です。監視する証明書の URL を 1 つ以上指定してください。',
				en: 'observedCertificates is empty; list at least one certificate URL.',
			},
			notArray: {
				ja: 'observedCertificates が配列ではありません。',
				en: 'observedCertificates is not an array.',
			},
		},
		sources: ['S1', 'S7'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "observedCertificates": []
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
		const { extension, settings, secretsManagementSettings } = context;
		if (extension.settingsUnknown) return;
		if (!extension.settings) {
			if (extension.properties || extension.form === 'command')
				context.report({ messageId: 'noSettings', at: extension.anchor });
			return;
		}
		if (!settings) return;
		// Settings JSON with syntax errors: what is "missing" may just not have been parsed (KV050 says so).
		if (settings.doc.errors.length > 0) return;
		if (!secretsManagementSettings) {
			const written = child(settings, 'secretsManagementSettings');
			if (written && resolve(written).value.kind === 'unknown') return;
			context.report({
				messageId: 'noSecretsManagementSettings',
				at: written ? anchorOf(written) : propertyKeyAnchor(extension.settings),
			});
			return;
		}
		const observed = child(secretsManagementSettings, 'observedCertificates');
		if (!observed) {
			context.report({
				messageId: 'noObservedCertificates',
				at: propertyKeyAnchor(secretsManagementSettings),
			});
			return;
		}
		const resolved = resolve(observed);
		const { anchor, related } = placeOf(observed);
		if (resolved.at.node.type === 'array') {
			if ((resolved.at.node.children ?? []).length === 0)
				context.report({ messageId: 'empty', at: anchor, related });
			return;
		}
		if (resolved.value.kind === 'unknown') return;
		if (resolved.value.kind === 'string' && resolved.value.parts.some((p) => 'hole' in p)) return;
		context.report({ messageId: 'notArray', at: anchor, related });
	},
});
