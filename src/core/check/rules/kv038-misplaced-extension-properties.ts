import { entries } from '../json.ts';
import { defineRule } from '../rule.ts';
import { propertyKeyAnchor } from './util.ts';

const extensionProperties = [
	'autoUpgradeMinorVersion',
	'enableAutomaticUpgrade',
	'typeHandlerVersion',
	'publisher',
	'type',
];

/** KV038: extension properties written inside settings have no effect there. */
export const misplacedExtensionPropertiesRule = defineRule({
	id: 'KV038',
	name: 'misplaced-extension-properties',
	severity: 'warning',
	meta: {
		title: {
			ja: '拡張機能のプロパティは settings の中に書きません',
			en: 'Extension properties do not belong inside settings',
		},
		docs: {
			ja: '`autoUpgradeMinorVersion`、`enableAutomaticUpgrade`、`typeHandlerVersion` などは拡張機能リソースの `properties` に書くプロパティです。`settings` の中に書いても、自動アップグレードの有効化やバージョンの指定にはなりません (公開されたテスト コードにこの誤りがあります)。無視されるかどうかはドキュメントに記載がないため警告にしています。',
			en: '`autoUpgradeMinorVersion`, `enableAutomaticUpgrade`, `typeHandlerVersion` and the like are properties of the extension resource’s `properties`; inside `settings` they neither enable upgrades nor choose a version (public test code makes this mistake). Whether they are ignored is not confirmed, hence a warning.',
		},
		messages: {
			misplaced: {
				ja: '{{name}} は settings ではなく拡張機能の properties に書いてください。',
				en: 'Put {{name}} in the extension’s properties, not in settings.',
			},
		},
		sources: ['S29', 'S26'],
	},
	check(context) {
		for (const object of [context.settings, context.secretsManagementSettings]) {
			if (!object) continue;
			for (const [name, node] of entries(object.node))
				if (extensionProperties.includes(name))
					context.report({
						messageId: 'misplaced',
						data: { name },
						at: propertyKeyAnchor({ ...object, node }),
					});
		}
	},
});
