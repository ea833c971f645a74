import { stringContent } from '../json.ts';
import { defineRule } from '../rule.ts';
import type { Anchor } from '../navigate.ts';
import { isTaggedHole } from './util.ts';

/** KV043: `reference(...).secretUriWithVersion` pins a version; use `secretUri`. */
export const secretUriWithVersionRule = defineRule({
	id: 'KV043',
	name: 'secret-uri-with-version',
	severity: 'warning',
	meta: {
		title: {
			ja: 'secretUriWithVersion ではなく secretUri を使います',
			en: 'Use secretUri, not secretUriWithVersion',
		},
		docs: {
			ja: '`Microsoft.KeyVault/vaults/secrets` の `secretUri` は現在のバージョンを指すバージョンなしの URL、`secretUriWithVersion` は特定バージョンの URL です。4.0 (Windows) と 4.x (Linux) はバージョン付きの URL を受け付けません。1.0～3.0 で observedCertificates に secretUriWithVersion を渡した場合の扱いはドキュメントに記載がないため、更新に追従しないものと考えてください。',
			en: 'On `Microsoft.KeyVault/vaults/secrets`, `secretUri` is the versionless URL of the current version and `secretUriWithVersion` the URL of one specific version. 4.0 (Windows) and 4.x (Linux) do not accept versioned URLs at all; what 1.0–3.0 do with secretUriWithVersion in observedCertificates is not documented, so assume renewals are not followed.',
		},
		messages: {
			withVersion: {
				ja: 'secretUriWithVersion はバージョン付きの URL です。secretUri を使ってください。',
				en: 'secretUriWithVersion is a versioned URL; use secretUri.',
			},
			fix: { ja: 'secretUri にする', en: 'Use secretUri' },
		},
		sources: ['S31', 'I6'],
	},
	check(context) {
		for (const entry of context.observedCertificates ?? []) {
			// A string entry that is wholly an expression (`cert.properties.secretUriWithVersion`,
			// `[reference(…).secretUriWithVersion]`) is an unknown value: the entry is its URL.
			const url = entry.url ?? (entry.shape === 'unknown' ? entry : undefined);
			if (!url || !isTaggedHole(url.resolved.value, 'secretUriWithVersion')) continue;
			const { at } = url;
			const use: Anchor = {
				source: at.doc.source,
				start: at.doc.toRaw(at.node.offset),
				end: at.doc.toRaw(at.node.offset + at.node.length),
			};
			let edits: Array<{ at: Anchor; text: string }> | undefined;
			if (at.node.type === 'string') {
				const { text, map } = stringContent(at.doc, at.node);
				const matches = [...text.matchAll(/secretUriWithVersion/gi)];
				if (matches.length === 1) {
					const index = matches[0]!.index!;
					edits = [
						{
							at: { source: at.doc.source, start: map(index), end: map(index + 20) },
							text: 'secretUri',
						},
					];
				}
			}
			context.report({
				messageId: 'withVersion',
				at: edits?.[0]?.at ?? use,
				...(edits ? { fix: { messageId: 'fix', edits } } : {}),
			});
		}
	},
});
