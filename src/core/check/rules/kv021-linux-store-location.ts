import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { placeOf, settingOccurrences } from './util.ts';

/** KV021: on Linux, certificateStoreLocation is an absolute disk path. */
export const linuxStoreLocationRule = defineRule({
	id: 'KV021',
	name: 'linux-store-location',
	severity: 'warning',
	meta: {
		title: {
			ja: 'Linux の certificateStoreLocation はディスク上の絶対パスにします',
			en: 'On Linux, certificateStoreLocation is an absolute disk path',
		},
		docs: {
			ja: 'Linux では `certificateStoreLocation` は証明書ファイルを置くディレクトリの絶対パスです (既定は `/var/lib/waagent/Microsoft.Azure.KeyVault.Store`)。2019 年の 1.0 のドキュメントにあった `LocalMachine` などの Windows 風の値を書くと、ファイルが思わぬ場所に置かれます。',
			en: 'On Linux, `certificateStoreLocation` is the absolute path of the directory for the certificate files (default `/var/lib/waagent/Microsoft.Azure.KeyVault.Store`). Windows-style values such as `LocalMachine`, shown in the 2019 1.0 docs, put the files somewhere unexpected.',
		},
		messages: {
			notPath: {
				ja: 'Linux の certificateStoreLocation "{{actual}}" は絶対パスではありません (既定: /var/lib/waagent/Microsoft.Azure.KeyVault.Store)。',
				en: 'Linux certificateStoreLocation "{{actual}}" is not an absolute path (default: /var/lib/waagent/Microsoft.Azure.KeyVault.Store).',
			},
		},
		sources: ['S7', 'S10', 'I10'],
	},
	check(context) {
		if (context.os !== 'linux') return;
		for (const at of settingOccurrences(context, 'certificateStoreLocation')) {
			const value = context.valueOf(at);
			const actual = value && knownText(value);
			if (actual === undefined || actual.startsWith('/')) continue;
			const { anchor, related } = placeOf(at);
			context.report({ messageId: 'notPath', data: { actual }, at: anchor, related });
		}
	},
});
