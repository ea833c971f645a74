import type { InputKind } from '../../../core/check/types.ts';

/** The highlighting modes of the checker's editor. */
export type EditorLanguage = 'json' | 'shell' | 'powershell';

const powerShellHints =
	/\b(?:Set-AzVMExtension|Add-AzVmssExtension|New-AzConnectedMachineExtension|Get-Content|ConvertTo-Json|ConvertFrom-Json)\b|^\s*\$\w+\s*=|@\{|@'|@"/im;

/**
 * The highlighting for a text: JSON for templates, parameters and settings, PowerShell or shell for
 * commands. Uses the kind the engine detected when there is one, else a cheap look at the text.
 */
export function editorLanguageOf(text: string, kind?: InputKind): EditorLanguage {
	const commands = kind
		? kind === 'command'
		: text.trim() !== '' && !/^\s*(?:\/\/[^\n]*\n\s*)*[{[]/.test(text);
	if (!commands) return 'json';
	return powerShellHints.test(text) ? 'powershell' : 'shell';
}
