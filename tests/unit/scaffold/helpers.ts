import en from '../../../content/i18n/en.json' with { type: 'json' };
import ja from '../../../content/i18n/ja.json' with { type: 'json' };
import { fileGrammars } from '../../../src/cli/grammars.ts';
import { check, type CheckResult } from '../../../src/core/check/index.ts';
import type { GeneratedFile, ScaffoldOptions } from '../../../src/core/scaffold/index.ts';
import { translatorFor } from '../../../src/core/i18n/index.ts';

/** The site's translators over the real string tables. */
export const translate = { en: translatorFor(en, 'en'), ja: translatorFor(ja, 'ja') };

/** A user-assigned identity with well-formed IDs. */
export const userIdentity = {
	kind: 'user',
	clientId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
	resourceId:
		'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/identity-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/web-identity',
} as const;

export const subnetId =
	'/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/network-rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/default';

/**
 * Checks one generated file as `kvcert check` does: Bicep and Terraform through the grammars,
 * files the text names (`--settings @settings.json`) read from the same output, and an ARM
 * template with its parameters file.
 */
export function checkGenerated(file: GeneratedFile, files: GeneratedFile[]): Promise<CheckResult> {
	const parameters = files.find((f) => f.name === 'azuredeploy.parameters.json');
	return check(file.text, {
		path: file.name,
		grammars: fileGrammars,
		readFile: (path) => files.find((f) => f.name === path)?.text,
		...(file.name === 'azuredeploy.json' && parameters
			? { parameters: { path: parameters.name, text: parameters.text } }
			: {}),
	});
}

/** The files worth checking on their own (a parameters file is checked with its template). */
export const checkable = (files: GeneratedFile[]) =>
	files.filter((f) => f.name !== 'azuredeploy.parameters.json' && f.name !== 'settings.json');

/** Findings as lines that say what and where, for readable failures. */
export const describeFindings = (result: CheckResult) =>
	result.diagnostics.map(
		(d) => `${d.severity} ${d.ruleId} ${d.range.start.line}:${d.range.start.column} ${d.message}`
	);

/** Options for a failure message. */
export const shown = (options: ScaffoldOptions) => JSON.stringify(options);
