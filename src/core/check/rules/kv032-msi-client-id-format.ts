import { child } from '../navigate.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { knownText, type Located } from '../values.ts';
import { authenticationBlocks, isGuid, isTaggedHole, placeOf } from './util.ts';

/** KV032: msiClientId is the identity's client ID (a GUID), not a resource ID or principal ID. */
export const msiClientIdFormatRule = defineRule({
	id: 'KV032',
	name: 'msi-client-id-format',
	severity: 'warning',
	meta: {
		title: {
			ja: 'msiClientId にはマネージド ID のクライアント ID (GUID) を指定します',
			en: 'msiClientId takes the identity’s client ID (a GUID)',
		},
		docs: {
			ja: '`msiClientId` はユーザー割り当てマネージド ID の**クライアント ID** です。ARM では `reference(<マネージド ID のリソース ID>, <API バージョン>).clientId` で取得できます。リソース ID やプリンシパル ID (オブジェクト ID) を渡している例が公開コードにありますが、IMDS はクライアント ID を求めます。',
			en: '`msiClientId` is the **client ID** of the user-assigned managed identity; in ARM, `reference(<identity resource ID>, <apiVersion>).clientId`. Public code passes resource IDs or principal (object) IDs, but IMDS expects the client ID.',
		},
		messages: {
			resourceId: {
				ja: 'msiClientId がリソース ID になっています。マネージド ID のクライアント ID (reference(...).clientId) を指定してください。',
				en: 'msiClientId is a resource ID; use the identity’s client ID (reference(...).clientId).',
			},
			principalId: {
				ja: 'msiClientId に principalId (オブジェクト ID) を渡しています。clientId を指定してください。',
				en: 'msiClientId is given a principalId (object ID); use clientId.',
			},
			notGuid: {
				ja: 'msiClientId "{{actual}}" は GUID ではありません。マネージド ID のクライアント ID を指定してください。',
				en: 'msiClientId "{{actual}}" is not a GUID; use the identity’s client ID.',
			},
		},
		sources: ['S1', 'S22', 'I19'],
	},
	check(context) {
		// A block written in the wrong place (KV009) is still checked: its value is wrong too.
		const { placed, misplaced } = authenticationBlocks(context);
		for (const block of [placed, ...misplaced]) checkClientId(context, child(block, 'msiClientId'));
	},
});

function checkClientId(context: RuleContext, at: Located | undefined): void {
	const value = context.valueOf(at);
	if (!at || !value) return;
	const place = placeOf(at);
	const report = (messageId: string, data: Record<string, string> = {}) =>
		context.report({ messageId, data, at: place.anchor, related: place.related });
	if (isTaggedHole(value, 'principalId')) return report('principalId');
	if (isTaggedHole(value, 'resourceId')) return report('resourceId');
	const flat =
		value.kind === 'string'
			? value.parts.map((p) => ('hole' in p ? '\uE000' : p.text)).join('')
			: '';
	if (/^\/subscriptions\//i.test(flat) || /\/providers\/Microsoft\.ManagedIdentity\//i.test(flat))
		return report('resourceId');
	const text = knownText(value);
	if (text !== undefined && !isGuid(text)) return report('notGuid', { actual: text });
}
