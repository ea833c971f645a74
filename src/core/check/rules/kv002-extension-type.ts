import { hostOs } from '../host.ts';
import { anchorOf } from '../navigate.ts';
import { relatedMessages } from '../related.ts';
import { defineRule } from '../rule.ts';
import { knownText } from '../values.ts';
import { fieldPlace, replaceString } from './util.ts';

const types = { windows: 'KeyVaultForWindows', linux: 'KeyVaultForLinux' };

/** KV002: the extension type is KeyVaultForWindows or KeyVaultForLinux and matches the machine's OS. */
export const extensionTypeRule = defineRule({
	id: 'KV002',
	name: 'extension-type',
	severity: 'error',
	meta: {
		title: {
			ja: '拡張機能の type は OS に合った KeyVaultForWindows か KeyVaultForLinux にします',
			en: 'The extension type must be KeyVaultForWindows or KeyVaultForLinux, matching the OS',
		},
		docs: {
			ja: 'Key Vault VM 拡張機能の type は Windows では `KeyVaultForWindows`、Linux では `KeyVaultForLinux` です。別の名前や、仮想マシンの OS と違う type を指定すると拡張機能をインストールできません。テンプレート内の仮想マシンから OS が分かる場合 (osDisk.osType、osProfile、イメージの発行元) は一致も確認します。大文字と小文字だけが違う場合 (KeyVaultforWindows など) は、Azure が区別するかどうかの記載が見つからないため警告にしています。',
			en: 'The type of the Key Vault VM extension is `KeyVaultForWindows` on Windows and `KeyVaultForLinux` on Linux. Another name, or a type that does not match the machine’s OS, cannot be installed. When the machine in the same template tells its OS (osDisk.osType, osProfile, image publisher), the rule also checks that they match. A type that differs only in letter case (such as KeyVaultforWindows) is a warning: no source says whether Azure tells the cases apart.',
		},
		messages: {
			unknownType: {
				ja: 'type "{{actual}}" は Key Vault VM 拡張機能の type ではありません。KeyVaultForWindows か KeyVaultForLinux を指定してください。',
				en: 'Type "{{actual}}" is not a Key Vault VM extension type; use KeyVaultForWindows or KeyVaultForLinux.',
			},
			osMismatch: {
				ja: '{{os}} の仮想マシンに {{actual}} を指定しています。{{expected}} を使ってください。',
				en: '{{actual}} is set on a {{os}} machine; use {{expected}}.',
			},
			caseOnly: {
				ja: 'type "{{actual}}" は {{expected}} と大文字と小文字だけが違います。Azure が type の大文字と小文字を区別するかどうかはドキュメントに記載がないため、この書き方でインストールできるかは分かりません。ドキュメントのとおり {{expected}} と書いてください。',
				en: 'Type "{{actual}}" differs from {{expected}} only in letter case. Whether Azure matches the type regardless of case is not documented, so the installation may fail as written; write {{expected}} as the documentation does.',
			},
			missing: {
				ja: 'type がありません。KeyVaultForWindows か KeyVaultForLinux を指定してください。',
				en: 'The type is missing; set KeyVaultForWindows or KeyVaultForLinux.',
			},
			fix: { ja: 'type を {{expected}} にする', en: 'Set the type to {{expected}}' },
		},
		sources: ['S1', 'S7'],
	},
	check(context) {
		const { type, host, properties } = context.extension;
		if (!type) {
			if (properties && context.extension.form !== 'settings')
				context.report({ messageId: 'missing', at: context.extension.anchor });
			return;
		}
		const actual = knownText(type.value);
		if (actual === undefined) return;
		const { anchor, related } = fieldPlace(type);
		const lower = actual.toLowerCase();
		if (lower !== 'keyvaultforwindows' && lower !== 'keyvaultforlinux') {
			context.report({ messageId: 'unknownType', data: { actual }, at: anchor, related });
			return;
		}
		const hostSystem = host ? hostOs(host) : undefined;
		const typeSystem = lower === 'keyvaultforwindows' ? 'windows' : 'linux';
		const expected = types[hostSystem ?? typeSystem];
		if (actual === expected) return;
		const edits = replaceString(type.value, expected);
		const fix = edits ? { fix: { messageId: 'fix', data: { expected }, edits } } : {};
		if (hostSystem && hostSystem !== typeSystem)
			context.report({
				messageId: 'osMismatch',
				data: { actual, expected, os: hostSystem === 'windows' ? 'Windows' : 'Linux' },
				at: anchor,
				related: [
					...related,
					{ at: anchorOf(host!.resource.at), message: relatedMessages.hostDeclared },
				],
				...fix,
			});
		// The type names the machine's OS (or none is known): only the letter case differs (the Arc
		// PowerShell article writes "KeyVaultforWindows"). No source says whether Azure compares the
		// type case-insensitively, hence "may" and a warning.
		else
			context.report({
				messageId: 'caseOnly',
				severity: 'warning',
				data: { actual, expected },
				at: anchor,
				related,
				...fix,
			});
	},
});
