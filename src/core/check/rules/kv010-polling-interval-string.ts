import { stringContent } from '../json.ts';
import { anchorOf, child, type Anchor } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import type { RuleContext } from '../rule.ts';
import type { Located } from '../values.ts';
import { propertyValue } from '../json.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { isLiteral, placeOf } from './util.ts';

/** Wraps an expression string in `string()`, as an edit of the whole JSON string. */
function wrapInString(at: Located): {
	messageId: string;
	edits: Array<{ at: Anchor; text: string }>;
} {
	const text = stringContent(at.doc, at.node).text;
	return {
		messageId: 'fixWrap',
		edits: [{ at: anchorOf(at), text: JSON.stringify(`[string(${text.slice(1, -1)})]`) }],
	};
}

/** Reports `[parameters('p')]` when `p` has no value but is declared as int. */
function reportIntParameter(context: RuleContext, at: Located): void {
	if (at.node.type !== 'string' || !at.scope) return;
	const match = /^\[\s*parameters\(\s*'([^']+)'\s*\)\s*\]$/i.exec(
		stringContent(at.doc, at.node).text
	);
	const declaration = match
		? at.scope.parameters.get(match[1]!.toLowerCase())?.declaration
		: undefined;
	const type = declaration ? propertyValue(declaration, 'type', true) : undefined;
	if (!type || typeof type.value !== 'string' || type.value.toLowerCase() !== 'int') return;
	context.report({
		messageId: 'intParameter',
		data: { name: match![1]! },
		at: anchorOf({ doc: at.scope.doc, node: type, scope: at.scope }),
		related: [{ at: anchorOf(at), message: relatedMessages.valueUsed }],
		fix: wrapInString(at),
	});
}

/** KV010: pollingIntervalInS is a JSON string of digits. */
export const pollingIntervalStringRule = defineRule({
	id: 'KV010',
	name: 'polling-interval-string',
	severity: 'error',
	meta: {
		title: {
			ja: 'pollingIntervalInS は数字の文字列にします',
			en: 'pollingIntervalInS must be a string of digits',
		},
		docs: {
			ja: '`pollingIntervalInS` はポーリング間隔 (秒) を表す**文字列**です (例: `"3600"`)。数値の 3600 を渡すと、拡張機能は "Failed to parse the configuration settings with: \'not a string\'" で失敗します。Arc のテンプレート例はこのパラメーターを int 型で宣言しているので、そのまま使うとこの問題になります。式が数値を返す場合は `string()` で囲む修正を提案します。',
			en: '`pollingIntervalInS` is the polling interval in seconds as a **string** (e.g. `"3600"`). The number 3600 makes the extension fail with "Failed to parse the configuration settings with: \'not a string\'". The Arc template sample declares this parameter as int, which leads straight into this problem. When an expression returns a number, the fix wraps it in `string()`.',
		},
		messages: {
			number: {
				ja: 'pollingIntervalInS が数値 {{actual}} です。文字列 "{{actual}}" にしてください (数値は \'not a string\' で失敗します)。',
				en: 'pollingIntervalInS is the number {{actual}}; write the string "{{actual}}" (a number fails with \'not a string\').',
			},
			notDigits: {
				ja: 'pollingIntervalInS "{{actual}}" は秒数を表す数字の文字列ではありません (例: "3600")。',
				en: 'pollingIntervalInS "{{actual}}" is not a string of digits giving seconds (e.g. "3600").',
			},
			intParameter: {
				ja: "pollingIntervalInS に int 型のパラメーター {{name}} を渡しています。数値は 'not a string' で失敗するので、string() で文字列にしてください。",
				en: "pollingIntervalInS takes the int parameter {{name}}; a number fails with 'not a string', so convert it with string().",
			},
			other: {
				ja: 'pollingIntervalInS は秒数を表す文字列にしてください (例: "3600")。',
				en: 'pollingIntervalInS must be a string giving seconds (e.g. "3600").',
			},
			fixQuote: { ja: '"{{actual}}" と文字列にする', en: 'Quote it: "{{actual}}"' },
			fixWrap: { ja: 'string() で囲む', en: 'Wrap it in string()' },
		},
		sources: ['I1', 'S2', 'S23b'],
		examples: {
			bad: `{
  "secretsManagementSettings": {
    "pollingIntervalInS": 3600,
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
  }
}`,
		},
	},
	check(context) {
		const at = child(context.secretsManagementSettings, 'pollingIntervalInS');
		if (!at) return;
		const value = context.valueOf(at);
		if (!value) return;
		if (value.kind === 'unknown') {
			reportIntParameter(context, at);
			return;
		}
		const { anchor, related, literal } = placeOf(at);
		if (value.kind === 'number') {
			const actual = String(value.value);
			let fix;
			if (literal && literal.node === at.node && isLiteral(literal))
				fix = {
					messageId: 'fixQuote',
					data: { actual },
					edits: [{ at: anchorOf(literal), text: `"${actual}"` }],
				};
			else if (at.node.type === 'string' && !isLiteral(at)) {
				const text = stringContent(at.doc, at.node).text;
				const use = anchorOf(at);
				fix = {
					messageId: 'fixWrap',
					edits: [{ at: use, text: JSON.stringify(`[string(${text.slice(1, -1)})]`) }],
				};
			}
			context.report({
				messageId: 'number',
				data: { actual },
				at: anchor,
				related,
				...(fix ? { fix } : {}),
			});
			return;
		}
		if (value.kind === 'string') {
			const text = knownText(value);
			if (text === undefined || /^\d+$/.test(text)) return;
			context.report({ messageId: 'notDigits', data: { actual: text }, at: anchor, related });
			return;
		}
		context.report({ messageId: 'other', at: anchor, related });
	},
});
