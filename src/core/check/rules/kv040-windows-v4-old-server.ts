import { hostImage } from '../host.ts';
import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { fieldPlace } from './util.ts';

/** KV040: KeyVaultForWindows 4.0 does not install on Windows Server 2019 or earlier. */
export const windowsV4OldServerRule = defineRule({
	id: 'KV040',
	name: 'windows-v4-old-server',
	severity: 'warning',
	meta: {
		title: {
			ja: 'KeyVaultForWindows 4.0 は Windows Server 2019 以前にはインストールできません',
			en: 'KeyVaultForWindows 4.0 does not install on Windows Server 2019 or earlier',
		},
		docs: {
			ja: 'バージョン 4.0 の対応 OS は Windows Server 2022 と 2025 で、「Windows Server 2019 以前にはインストールされない」と明記されています。同じテンプレートの仮想マシンのイメージ SKU から古いサーバーと分かる場合に知らせます。3.0 を使うか、OS を更新してください。',
			en: 'Version 4.0 supports Windows Server 2022 and 2025 and "doesn’t install on Windows Server 2019 or earlier". When the image SKU of the machine in the same template shows an older server, the rule says so. Use 3.0 or a newer OS.',
		},
		messages: {
			old: {
				ja: 'イメージ {{sku}} は Windows Server 2019 以前です。KeyVaultForWindows 4.0 はインストールできません。3.0 を使うか OS を更新してください。',
				en: 'Image {{sku}} is Windows Server 2019 or earlier, where KeyVaultForWindows 4.0 does not install; use 3.0 or a newer OS.',
			},
		},
		sources: ['S1'],
	},
	check(context) {
		const { host, version } = context.extension;
		if (context.os !== 'windows' || context.major !== 4 || !host || !version) return;
		const image = hostImage(host);
		if (!image.sku || !/^microsoftwindowsserver$/i.test(image.publisher ?? '')) return;
		if (!/(?:^|\D)(?:2008|2012|2016|2019)(?:\D|$)/.test(image.sku)) return;
		const { anchor, related } = fieldPlace(version);
		context.report({
			messageId: 'old',
			data: { sku: image.sku },
			at: anchor,
			related: [
				...related,
				...(image.at ? [{ at: anchorOf(image.at), message: relatedMessages.imageHere }] : []),
			],
		});
	},
});
