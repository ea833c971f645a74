import { hostImage } from '../host.ts';
import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { fieldPlace } from './util.ts';

/** Whether an image is one of the distributions Linux 4.x documents (Ubuntu 24.04, Azure Linux 3/4, RHEL 9). */
function supported(publisher: string, offer: string, sku: string): boolean {
	const p = publisher.toLowerCase();
	const o = offer.toLowerCase();
	const s = sku.toLowerCase();
	if (p === 'canonical') return /24_04/.test(o) || /24_04/.test(s);
	if (p === 'microsoftcblmariner')
		return /azure-linux-?[34]/.test(o) || /azure-linux-?[34]/.test(s);
	if (p === 'redhat') return /^9/.test(s) || /rhel.*9/.test(o);
	return false;
}

/** KV041: Linux 4.x installs only on Ubuntu 24.04, Azure Linux 3.0/4.0 and RHEL 9. */
export const linuxV4DistributionRule = defineRule({
	id: 'KV041',
	name: 'linux-v4-distribution',
	severity: 'info',
	meta: {
		title: {
			ja: 'KeyVaultForLinux 4.x の対応ディストリビューションは限られています',
			en: 'KeyVaultForLinux 4.x supports only some distributions',
		},
		docs: {
			ja: 'Linux 4.x は `/etc/os-release` を見てバイナリを選びます。Ubuntu 24.04、Azure Linux 3.0/4.0、RHEL 9 以外では "distribution is not supported" で失敗します。同じテンプレートの仮想マシンのイメージ (発行元、オファー、SKU) がすべて分かり、対応一覧にない場合は知らせます。イメージ名から判断するため情報に留めています。',
			en: 'Linux 4.x picks its binary from `/etc/os-release` and fails with "distribution is not supported" on anything but Ubuntu 24.04, Azure Linux 3.0/4.0 and RHEL 9. When the image of the machine in the same template (publisher, offer, SKU) is fully known and not in that list, the rule says so. It judges by image names, hence only info.',
		},
		messages: {
			unsupported: {
				ja: 'イメージ {{image}} は KeyVaultForLinux 4.x の対応一覧 (Ubuntu 24.04、Azure Linux 3.0/4.0、RHEL 9) にありません。',
				en: 'Image {{image}} is not among the distributions KeyVaultForLinux 4.x supports (Ubuntu 24.04, Azure Linux 3.0/4.0, RHEL 9).',
			},
		},
		sources: ['S11'],
	},
	check(context) {
		const { host, version } = context.extension;
		if (context.os !== 'linux' || context.major !== 4 || !host || !version) return;
		const { publisher, offer, sku, at } = hostImage(host);
		if (!publisher || !offer || !sku || supported(publisher, offer, sku)) return;
		const { anchor, related } = fieldPlace(version);
		context.report({
			messageId: 'unsupported',
			data: { image: `${publisher}:${offer}:${sku}` },
			at: anchor,
			related: [
				...related,
				...(at ? [{ at: anchorOf(at), message: relatedMessages.imageHere }] : []),
			],
		});
	},
});
