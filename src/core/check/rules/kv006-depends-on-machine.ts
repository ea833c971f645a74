import { resourceName } from '../find.ts';
import { anchorOf, child, items, resolve } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { canonicalText, displayText } from '../values.ts';

/** KV006: a top-level extension whose machine is in the same template should depend on it. */
export const dependsOnMachineRule = defineRule({
	id: 'KV006',
	name: 'depends-on-machine',
	severity: 'warning',
	meta: {
		title: {
			ja: '同じテンプレートの仮想マシンへの dependsOn を付けます',
			en: 'Add dependsOn on the virtual machine declared in the same template',
		},
		docs: {
			ja: '親の外に書いた拡張機能は、同じテンプレートで作る仮想マシン (またはスケール セット) に `dependsOn` を付けないと、仮想マシンより先にデプロイされようとして失敗することがあります。`resourceId()` で仮想マシンを指定してください。',
			en: 'An extension written outside its parent, whose virtual machine (or scale set) is created by the same template, needs `dependsOn` on it; otherwise ARM may try to deploy it before the machine exists. Name the machine with `resourceId()`.',
		},
		messages: {
			missing: {
				ja: '拡張機能に {{host}} への dependsOn がありません。',
				en: 'The extension has no dependsOn on {{host}}.',
			},
		},
		sources: ['S18', 'S1'],
	},
	check(context) {
		const { form, host, resource } = context.extension;
		if (form !== 'top-level' || !host || !resource) return;
		const name = resourceName(host.resource);
		if (name === undefined) return;
		const dependsOn = child(resource.at, 'dependsOn', true);
		if (dependsOn && resolve(dependsOn).at.node.type !== 'array') return;
		for (const entry of items(dependsOn)) {
			const text = canonicalText(resolve(entry).value)?.toLowerCase();
			if (text === undefined) return;
			if (
				text === name ||
				text.endsWith(`/${name}`) ||
				text === host.resource.symbolicName?.toLowerCase()
			)
				return;
			if (text.includes('\uE001') && !text.includes('/')) return;
		}
		const hostName = child(host.resource.at, 'name', true);
		context.report({
			messageId: 'missing',
			data: { host: hostName ? displayText(resolve(hostName).value) : name },
			at: context.extension.name?.anchor ?? context.extension.anchor,
			related: [{ at: anchorOf(host.resource.at), message: relatedMessages.hostDeclared }],
		});
	},
});
