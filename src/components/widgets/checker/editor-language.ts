import { iacKindOfText } from '../../../core/check/index.ts';
import type { InputKind } from '../../../core/check/index.ts';

/** The highlighting modes of the checker's editor. */
export type EditorLanguage = 'json' | 'shell' | 'powershell' | 'bicep' | 'terraform';

const powerShellHints =
	/\b(?:Set-AzVMExtension|Add-AzVmssExtension|New-AzConnectedMachineExtension|Get-Content|ConvertTo-Json|ConvertFrom-Json)\b|^[ \t]*\$\w+\s*=|@\{|@'|@"/im;

const jsonStart = /^\s*(?:\/\/[^\n]*\n\s*)*[{[]/;

/**
 * The highlighting for a text: JSON for templates, parameters, settings and Terraform JSON, Bicep or
 * Terraform for those languages, PowerShell or shell for commands. Uses the kind the engine detected
 * when there is one, else a cheap look at the text.
 */
export function editorLanguageOf(text: string, kind?: InputKind): EditorLanguage {
	const iac = kind
		? ['bicep', 'bicepparam', 'terraform'].includes(kind)
			? kind
			: undefined
		: iacKindOfText(text);
	if (iac === 'terraform') return jsonStart.test(text) ? 'json' : 'terraform';
	if (iac) return 'bicep';
	const commands = kind ? kind === 'command' : text.trim() !== '' && !jsonStart.test(text);
	if (!commands) return 'json';
	return powerShellHints.test(text) ? 'powershell' : 'shell';
}
