import { child, items, resolve } from '../navigate.ts';
import { defineRule } from '../rule.ts';
import { placeOf } from './util.ts';

/** KV046: Linux acls entries are objects with user and/or group. */
export const linuxAclsShapeRule = defineRule({
	id: 'KV046',
	name: 'linux-acls-shape',
	severity: 'info',
	meta: {
		title: {
			ja: 'Linux の acls の要素は user と group を持つオブジェクトにします',
			en: 'Linux acls entries are objects with user / group',
		},
		docs: {
			ja: 'Linux 3.0 以降の証明書ごとの `acls` は `{ "user": "app1", "group": "appGroup1" }` のようなオブジェクトの配列です。3.0 の表は「文字列配列」と書いていますが、例はオブジェクトです。4.0 の表もオブジェクト配列です。ドキュメントが食い違うため、情報に留めています。',
			en: 'The per-certificate `acls` of Linux 3.0 and later is an array of objects such as `{ "user": "app1", "group": "appGroup1" }` (the 3.0 table says "string array", but its examples use objects and the 4.0 table says object array). The sources disagree, hence info.',
		},
		messages: {
			shape: {
				ja: 'acls の要素は {"user": "…", "group": "…"} の形のオブジェクトにしてください。',
				en: 'acls entries are objects of the form {"user": "…", "group": "…"}.',
			},
		},
		sources: ['S7', 'S11'],
	},
	check(context) {
		if (context.os !== 'linux' || context.major === undefined || context.major < 3) return;
		for (const entry of context.observedCertificates ?? []) {
			for (const acl of items(child(entry.object, 'acls'))) {
				const resolved = resolve(acl);
				if (resolved.value.kind === 'unknown') continue;
				const ok =
					resolved.at.node.type === 'object' &&
					(child(resolved.at, 'user') || child(resolved.at, 'group'));
				if (ok) continue;
				const { anchor, related } = placeOf(acl);
				context.report({ messageId: 'shape', at: anchor, related });
			}
		}
	},
});
