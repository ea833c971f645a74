import { child } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule, type RuleContext } from '../rule.ts';
import { osEvidence } from '../settings-os.ts';
import { propertyKeyAnchor, settingOccurrences } from './util.ts';

const windowsOnly = ['accounts'];
const linuxOnly = ['acls', 'aclEnabled', 'customSymbolicLinkName'];
/** Settings whose rules depend on the OS (store, linking, initial sync): unchecked without one. */
const osDependent = [
	'certificateStoreName',
	'certificateStoreLocation',
	'linkOnRenewal',
	'requireInitialSync',
];

/** KV026: a setting of the other OS has no effect. */
export const osSpecificSettingsRule = defineRule({
	id: 'KV026',
	name: 'os-specific-settings',
	severity: 'warning',
	meta: {
		title: {
			ja: 'ほかの OS 用の設定は効果がありません',
			en: 'Settings of the other OS have no effect',
		},
		docs: {
			ja: '`accounts` (秘密鍵を読めるアカウント) は Windows、`acls`、`aclEnabled`、`customSymbolicLinkName`、`loggingSettings` は Linux の設定です。ほかの OS の設定を書いても効果はありません (未知の設定が無視されるか拒否されるかはドキュメントに記載がないため警告にしています)。keyExportable は KV024 で扱います。拡張機能の type がない settings だけを確認する場合は、設定から OS を判断します。両方の OS の設定があるときは、OS を仮定せずにそのことを伝えます。',
			en: '`accounts` (accounts allowed to read the private key) is a Windows setting; `acls`, `aclEnabled`, `customSymbolicLinkName` and `loggingSettings` are Linux settings. A setting of the other OS has no effect (whether unknown settings are ignored or rejected is not confirmed, hence a warning). keyExportable is KV024. Settings checked without an extension type tell their OS by their keys; when they hold keys of both OSes, the rule says so and assumes neither.',
		},
		messages: {
			osUnknown: {
				ja: 'この settings には、OS (Windows か Linux か) を判断できる設定がありません。そのため OS を仮定せずに確認し、OS によって扱いが異なる {{key}} は確認していません。拡張機能をインストールするテンプレートやコマンドと一緒に確認するか、OS が分かる値を書いてください。Windows なら certificateStoreLocation に "LocalMachine"、Linux なら /var/lib/waagent/Microsoft.Azure.KeyVault.Store などのパスです。',
				en: 'No key of these settings tells the OS (Windows or Linux), so none was assumed: {{key}} works differently per OS and was not checked. Check the settings with the template or command that installs the extension, or write a key that tells the OS (Windows: certificateStoreLocation "LocalMachine"; Linux: a path such as /var/lib/waagent/Microsoft.Azure.KeyVault.Store).',
			},
			osMixed: {
				ja: 'この settings には、Windows の設定 ({{windows}}) と Linux の設定 ({{linux}}) の両方があります。一方の OS の設定は効果がないため、OS を仮定せずに確認しました。拡張機能をインストールする OS の設定だけを残してください。',
				en: 'These settings have keys of both Windows and Linux: {{windows}} (Windows) and {{linux}} (Linux). One of them has no effect, so no OS was assumed; keep only the keys of the OS the extension runs on.',
			},
			otherOs: {
				ja: '{{name}} は {{os}} の設定ではないため効果がありません。',
				en: '{{name}} is not a {{os}} setting and has no effect.',
			},
		},
		sources: ['S2', 'S7'],
	},
	check(context) {
		const { os } = context;
		if (!os) {
			// Bare settings tell their OS only by their keys (settings-os.ts): when they disagree, or
			// none did, say so.
			if (context.extension.form !== 'settings' || context.extension.type) return;
			if (reportMixed(context)) return;
			const [first] = osDependent.flatMap((key) =>
				settingOccurrences(context, key).map((at) => ({ key, at }))
			);
			if (first)
				context.report({
					messageId: 'osUnknown',
					severity: 'info',
					data: { key: first.key },
					at: propertyKeyAnchor(first.at),
				});
			return;
		}
		const names = os === 'windows' ? linuxOnly : windowsOnly;
		const data = (name: string) => ({ name, os: os === 'windows' ? 'Windows' : 'Linux' });
		for (const name of names)
			for (const at of settingOccurrences(context, name))
				context.report({ messageId: 'otherOs', data: data(name), at: propertyKeyAnchor(at) });
		if (os === 'windows') {
			const logging = child(context.settings, 'loggingSettings');
			if (logging)
				context.report({
					messageId: 'otherOs',
					data: data('loggingSettings'),
					at: propertyKeyAnchor(logging),
				});
		}
	},
});

/** Keys of both OSes in bare settings: named at the later one, the other related. */
function reportMixed(context: RuleContext): boolean {
	const evidence = osEvidence(context.settings);
	const windows = evidence.find((e) => e.os === 'windows');
	const linux = evidence.find((e) => e.os === 'linux');
	if (!windows || !linux) return false;
	const [first, second] =
		windows.at.node.offset < linux.at.node.offset ? [windows, linux] : [linux, windows];
	context.report({
		messageId: 'osMixed',
		data: { windows: windows.evidence, linux: linux.evidence },
		at: propertyKeyAnchor(second.at),
		related: [{ at: propertyKeyAnchor(first.at), message: relatedMessages.otherOsKey }],
	});
	return true;
}
