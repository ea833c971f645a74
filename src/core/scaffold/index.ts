// The template builder's public face: from answers to files in the five formats, or the reasons
// some answers cannot be written. Pure: the CLI writes the files, the widget shows them.
import { armFiles } from './arm.ts';
import { azcliFiles } from './azcli.ts';
import { bicepFiles } from './bicep.ts';
import type { ScaffoldFormat, ScaffoldOptions } from './options.ts';
import { powershellFiles } from './powershell.ts';
import { refusalsOf, type Refusal } from './refusals.ts';
import { terraformFiles } from './terraform.ts';
import type { GeneratedFile, Translate } from './text.ts';

export { currentVersion, documentedVersionsOf, versionFacts } from './facts.ts';
export type { ExtensionOs } from './facts.ts';
export {
	defaultOptions,
	defaultPollingInterval,
	isScaleSet,
	scaffoldFormats,
	type CertificateOptions,
	type ScaffoldFormat,
	type ScaffoldIdentity,
	type ScaffoldOptions,
	type ScaffoldTarget,
	type VaultAccess,
	type VaultCloud,
} from './options.ts';
export {
	maxCertificates,
	refusalCodes,
	refusalsOf,
	type Refusal,
	type RefusalCode,
} from './refusals.ts';
export type { GeneratedFile, Translate } from './text.ts';

/** What the builder made of the answers for one format. */
export type ScaffoldResult =
	| {
			ok: true;
			files: GeneratedFile[];
			/** The one text "Open in the checker" hands over (the checker reads one text at a time). */
			checkerText: GeneratedFile;
	  }
	| { ok: false; refusals: Refusal[] };

/** Writes the files of one format, or says why the answers cannot be written. */
export function scaffold(
	options: ScaffoldOptions,
	format: ScaffoldFormat,
	t: Translate
): ScaffoldResult {
	const refusals = refusalsOf(options, format);
	if (refusals.length > 0) return { ok: false, refusals };
	const files = filesOf(options, format, t);
	// az CLI: the script with its settings file written into --settings, so that both are checked.
	const checkerText = format === 'azcli' ? azcliFiles(options, t, true)[0]! : files[0]!;
	return { ok: true, files, checkerText };
}

function filesOf(options: ScaffoldOptions, format: ScaffoldFormat, t: Translate): GeneratedFile[] {
	switch (format) {
		case 'arm':
			return armFiles(options, t);
		case 'bicep':
			return bicepFiles(options, t);
		case 'terraform':
			return terraformFiles(options, t);
		case 'azcli':
			return azcliFiles(options, t);
		case 'powershell':
			return powershellFiles(options, t);
	}
}
