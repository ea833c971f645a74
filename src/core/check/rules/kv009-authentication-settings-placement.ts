import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

/** KV009: authenticationSettings is a sibling of secretsManagementSettings inside settings. */
export const authenticationSettingsPlacementRule = defineRule({
	id: 'KV009',
	name: 'authentication-settings-placement',
	severity: 'error',
	meta: {
		title: {
			ja: 'authenticationSettings は settings の中で secretsManagementSettings と並べます',
			en: 'authenticationSettings belongs inside settings, beside secretsManagementSettings',
		},
		docs: {
			ja: 'どのバージョンの公式スキーマでも、`authenticationSettings` は `settings` の直下で `secretsManagementSettings` と同じ階層に置きます。settings の外に置くと "Attempt to get non-existent AuthConfig" で失敗します。secretsManagementSettings の中では、設定として読まれないおそれがあります。',
			en: 'In every official schema, `authenticationSettings` sits directly under `settings`, beside `secretsManagementSettings`. Outside settings it fails with "Attempt to get non-existent AuthConfig"; nested inside secretsManagementSettings it may not be read.',
		},
		messages: {
			insideSecrets: {
				ja: 'authenticationSettings が secretsManagementSettings の中にあります。settings の直下へ移してください。',
				en: 'authenticationSettings is inside secretsManagementSettings; move it directly under settings.',
			},
			outsideSettings: {
				ja: 'authenticationSettings が settings の外にあります。settings の中へ移してください。',
				en: 'authenticationSettings is outside settings; move it into settings.',
			},
		},
		sources: ['S1', 'S7', 'I17', 'I19'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": "3600",
    "authenticationSettings": {
      "msiEndpoint": "http://169.254.169.254/metadata/identity",
      "msiClientId": "00000000-0000-0000-0000-000000000000"
    },
    "observedCertificates": [
      {
        "url": "https://kvprod.vault.azure.net/secrets/web",
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
  },
  "authenticationSettings": {
    "msiEndpoint": "http://169.254.169.254/metadata/identity",
    "msiClientId": "00000000-0000-0000-0000-000000000000"
  }
}`,
		},
	},
	check(context) {
		const inside = child(context.secretsManagementSettings, 'authenticationSettings');
		if (inside) context.report({ messageId: 'insideSecrets', at: propertyKeyAnchor(inside) });
		const outside = child(context.extension.properties, 'authenticationSettings', true);
		if (outside) context.report({ messageId: 'outsideSettings', at: propertyKeyAnchor(outside) });
	},
});
