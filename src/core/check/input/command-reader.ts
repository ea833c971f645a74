import { rangeAt } from '../source.ts';
import { isCommandText } from './detect.ts';
import { parseCommands } from './command.ts';
import type { InputReader } from './reader.ts';
import { azOptionDashesRule, oneDashOption } from '../rules/kv053-az-option-dashes.ts';
import { unreadInputRule } from '../rules/kv051-unread-input.ts';
import { jsonSyntaxRule, trailingCommaReports } from '../rules/kv050-json-syntax.ts';
import { versionedUrlRule, versionedVariable } from '../rules/kv016-versioned-url.ts';

/** az CLI and Azure PowerShell commands that install the extension (input/command.ts). */
export const commandReader: InputReader = {
	name: 'commands',
	kind: 'command',
	fixPolicy: 'quoted-shell',
	claims: (probe) =>
		probe.kind === 'command' || (probe.kind === undefined && isCommandText(probe.text)),
	read(source, env) {
		const parsed = parseCommands(source, env.readFile, env.budget);
		for (const { written, meant, anchor, dash } of parsed.oneDashOptions)
			env.report(azOptionDashesRule, oneDashOption(written, meant, anchor, dash));
		for (const { doc, option } of parsed.azSettingsDocuments)
			for (const report of trailingCommaReports(doc, { azOption: option }))
				env.report(jsonSyntaxRule, report);
		for (const use of parsed.versionedUses) env.report(versionedUrlRule, versionedVariable(use));
		const asText = [
			['settingAsString', parsed.settingsAsString],
			['settingConvertToJson', parsed.settingsAsJsonText],
		] as const;
		for (const [messageId, anchors] of asText)
			for (const at of anchors)
				env.report(unreadInputRule, {
					messageId,
					severity: 'error',
					data: { option: '-Setting' },
					at,
				});
		return {
			kind: 'command',
			document: parsed.document,
			jsonDocuments: parsed.settingsDocuments,
			unreadable: parsed.unreadable.map((u) => ({
				path: u.path,
				file: u.anchor.source.path,
				range: rangeAt(u.anchor.source, u.anchor.start, u.anchor.end),
			})),
		};
	},
};
