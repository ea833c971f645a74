import { child } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { placeOf, propertyKeyAnchor, replaceString } from './util.ts';

const arcEndpoint = 'http://localhost:40342/metadata/identity';

/** KV035: Azure Arc machines use msiEndpoint http://localhost:40342/metadata/identity. */
export const arcMsiEndpointRule = defineRule({
	id: 'KV035',
	name: 'arc-msi-endpoint',
	severity: 'warning',
	meta: {
		title: {
			ja: 'Azure Arc のマシンでは msiEndpoint に http://localhost:40342/metadata/identity を使います',
			en: 'Azure Arc machines use msiEndpoint http://localhost:40342/metadata/identity',
		},
		docs: {
			ja: 'Azure Arc 対応サーバーの ID エンドポイントは、Arc エージェントの `http://localhost:40342/metadata/identity` です。Azure VM の IMDS (169.254.169.254) ではありません。Arc では authenticationSettings が必要とされています。',
			en: 'On Azure Arc-enabled servers the identity endpoint is not the Azure VM IMDS (169.254.169.254) but the Arc agent’s `http://localhost:40342/metadata/identity`. Arc requires authenticationSettings.',
		},
		messages: {
			wrong: {
				ja: 'Arc のマシンの msiEndpoint が "{{actual}}" です。`http://localhost:40342/metadata/identity` を指定してください。',
				en: 'The Arc machine’s msiEndpoint is "{{actual}}"; use http://localhost:40342/metadata/identity.',
			},
			missing: {
				ja: 'Arc のマシンでは authenticationSettings.msiEndpoint に http://localhost:40342/metadata/identity を指定してください。',
				en: 'On an Arc machine set authenticationSettings.msiEndpoint to http://localhost:40342/metadata/identity.',
			},
			fix: { ja: 'Arc のエンドポイントにする', en: 'Use the Arc endpoint' },
		},
		sources: ['S7', 'S11', 'S23b', 'I9'],
	},
	check(context) {
		if (context.extension.hostKind !== 'arc' || !context.settings) return;
		const at = child(context.authenticationSettings, 'msiEndpoint');
		if (!at) {
			const where = context.authenticationSettings ?? context.extension.settings;
			context.report({
				messageId: 'missing',
				at: where ? propertyKeyAnchor(where) : context.extension.anchor,
			});
			return;
		}
		const value = context.valueOf(at);
		const actual = value && knownText(value);
		if (!value || actual === undefined || actual.replace(/\/$/, '') === arcEndpoint) return;
		const { anchor, related } = placeOf(at);
		const edits = /169\.254\.169\.254/.test(actual) ? replaceString(value, arcEndpoint) : undefined;
		context.report({
			messageId: 'wrong',
			data: { actual },
			at: anchor,
			related,
			...(edits ? { fix: { messageId: 'fix', edits } } : {}),
		});
	},
});
