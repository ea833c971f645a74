import { resolve } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { placeOf } from './util.ts';

/** KV007: ARM `properties.settings` is a JSON object, not a JSON string. */
export const settingsObjectRule = defineRule({
	id: 'KV007',
	name: 'settings-object',
	severity: 'error',
	meta: {
		title: { ja: 'settings は JSON オブジェクトにします', en: 'settings must be a JSON object' },
		docs: {
			ja: 'ARM テンプレートと API では `properties.settings` は JSON オブジェクトです。JSON を文字列にして渡すと、拡張機能は "Failed to parse the configuration settings with: \'not an object\'" で失敗します。PowerShell で文字列を渡した場合も同じです。',
			en: 'In ARM templates and the API, `properties.settings` is a JSON object. A JSON-encoded string makes the extension fail with "Failed to parse the configuration settings with: \'not an object\'" (the same happens when PowerShell passes a string).',
		},
		messages: {
			string: {
				ja: 'settings が文字列になっています。JSON オブジェクト ({ "secretsManagementSettings": … }) にしてください。',
				en: 'settings is a string; it must be a JSON object ({ "secretsManagementSettings": … }).',
			},
			other: {
				ja: 'settings が {{kind}} になっています。JSON オブジェクト ({ "secretsManagementSettings": … }) にしてください。',
				en: 'settings is {{kind}}; it must be a JSON object ({ "secretsManagementSettings": … }).',
			},
		},
		sources: ['I3', 'S20'],
	},
	check(context) {
		const { settings } = context.extension;
		if (!settings) return;
		const resolved = resolve(settings);
		const kind = resolved.value.kind;
		if (kind === 'unknown' || (kind === 'node' && resolved.at.node.type === 'object')) return;
		if (kind === 'string' && resolved.value.parts.some((p) => 'hole' in p)) return;
		const { anchor, related } = placeOf(settings);
		if (kind === 'string') context.report({ messageId: 'string', at: anchor, related });
		else
			context.report({
				messageId: 'other',
				data: { kind: kind === 'node' ? 'array' : kind },
				at: anchor,
				related,
			});
	},
});
