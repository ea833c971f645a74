import { stringContent } from '../json.ts';
import { child, resolve } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { canonicalText } from '../values.ts';
import { fieldPlace, isLiteral } from './util.ts';

const parents = { vm: 'virtualMachines', vmss: 'virtualMachineScaleSets', arc: 'machines' };

/** KV005: a top-level child resource needs the name "<machine>/<extension>"; a nested one a single segment. */
export const childResourceNameRule = defineRule({
	id: 'KV005',
	name: 'child-resource-name',
	severity: 'error',
	meta: {
		title: {
			ja: '仮想マシンの外で宣言した拡張機能の名前は "<VM 名>/<拡張機能名>" にします',
			en: 'An extension declared outside its machine needs the name "<vmName>/<extensionName>"',
		},
		docs: {
			ja: 'ARM の子リソースを親の外 (テンプレートの resources 直下) に書くときは、type を `Microsoft.Compute/virtualMachines/extensions` にします。name は `<VM 名>/<拡張機能名>` の 2 セグメントです。Learn の例にある `"name": "KVVMExtensionForWindows"` は、入れ子の場合の書き方です。親の外でそのまま使うと、デプロイ エラーになります。逆に入れ子の場合は name を 1 セグメントにします。対象の仮想マシンがテンプレートに 1 台だけあるときは、その名前を前に付ける修正を提案します。',
			en: 'An ARM child resource written outside its parent (directly in the template’s resources) has the type `Microsoft.Compute/virtualMachines/extensions` and a two-segment name `<vmName>/<extensionName>`. The Learn snippet `"name": "KVVMExtensionForWindows"` is only valid nested inside the VM; at top level the deployment fails. Nested, the name has one segment. When the template has exactly one machine of that kind, the fix prefixes its name.',
		},
		messages: {
			topLevel: {
				ja: '名前 "{{actual}}" に {{parent}} の名前がありません。"<{{parent}} の名前>/{{actual}}" の形式にしてください。',
				en: 'Name "{{actual}}" lacks the {{parent}} name; use "<{{parent}} name>/{{actual}}".',
			},
			segments: {
				ja: '名前 "{{actual}}" のセグメント数が type と合いません。"<{{parent}} の名前>/<拡張機能名>" の 2 セグメントにしてください。',
				en: 'Name "{{actual}}" has the wrong number of segments for its type; use two: "<{{parent}} name>/<extension name>".',
			},
			nested: {
				ja: '入れ子の拡張機能の名前 "{{actual}}" に "/" があります。親の中では 1 セグメントの名前にしてください。',
				en: 'Nested extension name "{{actual}}" contains "/"; inside the parent the name has a single segment.',
			},
			fix: { ja: '名前の前に {{host}} を付ける', en: 'Prefix the name with {{host}}' },
		},
		sources: ['S18', 'I9'],
	},
	check(context) {
		const { form, name, hostKind, document } = context.extension;
		if (!name?.at || !hostKind || (form !== 'top-level' && form !== 'nested')) return;
		const canonical = canonicalText(name.value);
		if (canonical === undefined) return;
		const segments = canonical.split('/').length;
		const { anchor, related } = fieldPlace(name);
		const actual = canonical.replace(/\uE001[^\uE001]*\uE001/g, '{…}');
		const parent = parents[hostKind];
		if (form === 'nested') {
			if (segments > 1)
				context.report({ messageId: 'nested', data: { actual }, at: anchor, related });
			return;
		}
		if (segments === 2) return;
		if (segments > 2) {
			context.report({ messageId: 'segments', data: { actual, parent }, at: anchor, related });
			return;
		}
		const candidates = document.hosts.filter((h) => h.kind === hostKind);
		const hostName =
			candidates.length === 1 ? child(candidates[0]!.resource.at, 'name', true) : undefined;
		let fix;
		if (
			hostName &&
			isLiteral(name.at) &&
			name.at.node.type === 'string' &&
			hostName.node.type === 'string'
		) {
			const extension = stringContent(name.at.doc, name.at.node).text;
			const hostText = stringContent(hostName.doc, hostName.node).text;
			const hostIsExpression = !isLiteral(hostName);
			const hostValue = resolve(hostName).value;
			const newText = hostIsExpression
				? `[concat(${hostText.slice(1, -1)}, '/${extension.replace(/'/g, "''")}')]`
				: `${hostText}/${extension}`;
			if (hostValue.kind === 'string' || hostValue.kind === 'unknown')
				fix = {
					messageId: 'fix',
					data: { host: hostIsExpression ? hostText.slice(1, -1) : hostText },
					edits: [
						{
							at: { ...anchor, start: anchor.start + 1, end: anchor.end - 1 },
							text: JSON.stringify(newText).slice(1, -1),
						},
					],
				};
		}
		context.report({
			messageId: 'topLevel',
			data: { actual, parent },
			at: anchor,
			related,
			...(fix ? { fix } : {}),
		});
	},
});
