import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { placeOf } from './util.ts';

/** Whether a major version expects a string array (Windows 1, Linux 1–2) rather than objects. */
function expectsStrings(major: number): boolean {
	return major < 3;
}

/** KV012: the observedCertificates item shape matches the OS and typeHandlerVersion. */
export const observedCertificatesShapeRule = defineRule({
	id: 'KV012',
	name: 'observed-certificates-shape',
	severity: 'error',
	meta: {
		title: {
			ja: 'observedCertificates の要素の形式を typeHandlerVersion に合わせます',
			en: 'The shape of observedCertificates items must match typeHandlerVersion',
		},
		docs: {
			ja: 'Windows 1.0 と Linux 1.0/2.0 では observedCertificates は URL 文字列の配列です。Windows 3.0/4.0 と Linux 3.0/4.0 では `url` などを持つオブジェクトの配列で、証明書ストアの設定は証明書ごとに書きます。バージョンと形が合わないと設定が正しく読まれません (4.0 の文字列配列は KV013 で扱います)。3.0 が古い文字列配列をまだ受け付けるかはドキュメントからは確定できません (Linux 3.0 で受け付けたことを示すログはあります)。そのため 3.0 の文字列配列は警告に留めています。',
			en: 'With Windows 1.0 and Linux 1.0/2.0, observedCertificates is an array of URL strings. With Windows 3.0/4.0 and Linux 3.0/4.0 it is an array of objects with `url` and per-certificate store settings. A shape that does not match the version is not read as intended (string arrays on 4.0 are KV013). Whether 3.0 still accepts the legacy string array is not settled by the sources (a Linux log suggests it does), so strings on 3.0 are only a warning.',
		},
		messages: {
			wantObject: {
				ja: '{{os}} {{version}} では observedCertificates の要素は "url" を持つオブジェクトです。',
				en: 'With {{os}} {{version}}, observedCertificates items are objects with "url".',
			},
			wantString: {
				ja: '{{os}} {{version}} では observedCertificates の要素は URL 文字列です。',
				en: 'With {{os}} {{version}}, observedCertificates items are URL strings.',
			},
			missingUrl: {
				ja: 'observedCertificates の要素に "url" がありません。',
				en: 'The observedCertificates item has no "url".',
			},
		},
		sources: ['S2', 'S8', 'S1', 'S11'],
	},
	check(context) {
		const { os, major, version } = context;
		for (const entry of context.observedCertificates ?? []) {
			if (entry.shape === 'object' && !entry.url) {
				context.report({ messageId: 'missingUrl', ...place(entry.at) });
				continue;
			}
			if (!os || major === undefined || major > 4 || major === 0) continue;
			const strings = expectsStrings(major);
			const data = { os: os === 'windows' ? 'Windows' : 'Linux', version: version ?? '' };
			const related = context.extension.version?.anchor
				? [{ at: context.extension.version.anchor, message: relatedMessages.versionHere }]
				: [];
			if (strings && entry.shape === 'object')
				context.report({ messageId: 'wantString', data, ...place(entry.at, related) });
			if (!strings && major !== 4 && entry.shape === 'string')
				context.report({
					messageId: 'wantObject',
					data,
					severity: 'warning',
					...place(entry.at, related),
				});
			if (entry.shape === 'other')
				context.report({
					messageId: strings ? 'wantString' : 'wantObject',
					data,
					...place(entry.at, related),
				});
		}
	},
});

function place(
	at: Parameters<typeof placeOf>[0],
	extra: Array<{ at: ReturnType<typeof anchorOf>; message: { ja: string; en: string } }> = []
) {
	const { anchor, related } = placeOf(at);
	return { at: anchor, related: [...related, ...extra] };
}
