// Azure CLI: a bash script and the settings file it passes with `--settings @settings.json`
// (research §6.1, S1, S7): the identity's principal, the grant (§3.8), then the extension.
import { extensionPublisher, extensionType, secretsUserRole } from './facts.ts';
import { extensionName, secretUrl } from './machine.ts';
import { isScaleSet, type ScaffoldOptions } from './options.ts';
import { printJson } from './print.ts';
import { extensionSettings } from './settings.ts';
import { outputText, type GeneratedFile, type Translate } from './text.ts';

/** The settings file's name, as the script refers to it. */
export const settingsFileName = 'settings.json';

/** A bash single-quoted word. */
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Lines of one command, continued with backslashes. */
function command(words: string[][]): string[] {
	return words.map(
		(w, i) => `${i === 0 ? '' : '  '}${w.join(' ')}${i < words.length - 1 ? ' \\' : ''}`
	);
}

/** The settings object with literal values (the cloud's vault suffix, the identity's client ID). */
export function literalSettings(options: ScaffoldOptions) {
	return extensionSettings(options, {
		url: (certificate) => secretUrl(options, certificate),
		clientId: options.identity.kind === 'user' ? options.identity.clientId : '',
	});
}

/**
 * `deploy.sh` and `settings.json`. With `inline`, the script carries the settings in its
 * `--settings` argument instead (what "Open in the checker" hands over: the checker reads one text).
 */
export function azcliFiles(
	options: ScaffoldOptions,
	t: Translate,
	inline = false
): GeneratedFile[] {
	const { out, summary } = outputText(options, t);
	const user = options.identity.kind === 'user' ? options.identity : undefined;
	const scaleSet = isScaleSet(options.target);
	const arc = options.target === 'arc';
	const machineVar = arc ? 'MACHINE_NAME' : scaleSet ? 'VMSS_NAME' : 'VM_NAME';
	const settingsText = printJson(literalSettings(options));
	const lines = [
		'#!/usr/bin/env bash',
		`# ${summary}`,
		'set -euo pipefail',
		'',
		`RESOURCE_GROUP=${quote(options.resourceGroup)}`,
		`${machineVar}=${quote(options.machineName)}`,
		`VAULT_NAME=${quote(options.vaultName)}`,
		...(user ? [`IDENTITY_ID=${quote(user.resourceId)}`] : []),
		'',
	];
	const rg = ['--resource-group', '"$RESOURCE_GROUP"'];
	const group = arc ? 'connectedmachine' : scaleSet ? 'vmss' : 'vm';

	// 1. The identity and its principal (object) ID.
	if (arc) {
		lines.push(
			`# 1. ${out('step.arcIdentity')}`,
			`principal_id=$(az connectedmachine show ${rg.join(' ')} --name "$${machineVar}" --query identity.principalId --output tsv)`,
			`location=$(az connectedmachine show ${rg.join(' ')} --name "$${machineVar}" --query location --output tsv)`,
			''
		);
	} else {
		lines.push(
			`# 1. ${out(user ? 'step.assignUserIdentity' : 'step.assignSystemIdentity')}`,
			`az ${group} identity assign ${rg.join(' ')} --name "$${machineVar}"${user ? ' --identities "$IDENTITY_ID"' : ''} --output none`,
			user
				? 'principal_id=$(az identity show --ids "$IDENTITY_ID" --query principalId --output tsv)'
				: `principal_id=$(az ${group} show ${rg.join(' ')} --name "$${machineVar}" --query identity.principalId --output tsv)`,
			''
		);
	}

	// 2. Read access to the vault's secrets.
	if (options.access === 'role')
		lines.push(
			`# 2. ${out('step.grantRole', { role: secretsUserRole.name })}`,
			'vault_id=$(az keyvault show --name "$VAULT_NAME" --query id --output tsv)',
			...command([
				['az', 'role', 'assignment', 'create'],
				['--assignee-object-id', '"$principal_id"'],
				['--assignee-principal-type', 'ServicePrincipal'],
				['--role', quote(secretsUserRole.name)],
				['--scope', '"$vault_id"'],
			]),
			''
		);
	else if (options.access === 'policy')
		lines.push(
			`# 2. ${out('step.grantPolicy')}`,
			'az keyvault set-policy --name "$VAULT_NAME" --object-id "$principal_id" --secret-permissions get list',
			''
		);
	else lines.push(`# 2. ${out('step.grantNone')}`, '');

	// 3. The extension.
	const settingsArgument = inline ? quote(settingsText.trimEnd()) : `@${settingsFileName}`;
	lines.push(
		`# 3. ${out(inline ? 'step.installInline' : 'step.install', { file: settingsFileName })}`
	);
	if (arc)
		lines.push(
			...command([
				['az', 'connectedmachine', 'extension', 'create'],
				rg,
				['--machine-name', `"$${machineVar}"`],
				['--name', extensionName(options.os)],
				['--location', '"$location"'],
				['--publisher', extensionPublisher],
				['--type', extensionType(options.os)],
				['--type-handler-version', options.version],
				['--settings', settingsArgument],
			])
		);
	else
		lines.push(
			...command([
				['az', group, 'extension', 'set'],
				rg,
				[scaleSet ? '--vmss-name' : '--vm-name', `"$${machineVar}"`],
				['--name', extensionName(options.os)],
				['--publisher', extensionPublisher],
				['--version', options.version],
				['--enable-auto-upgrade', 'true'],
				['--settings', settingsArgument],
			])
		);
	if (options.target === 'vmss-uniform')
		lines.push(
			`# ${out('step.upgradeInstances')}`,
			`# az vmss update-instances ${rg.join(' ')} --name "$${machineVar}" --instance-ids '*'`
		);
	lines.push('');

	// 4. The result.
	lines.push(
		`# 4. ${out('step.check')}`,
		arc
			? `az connectedmachine extension show ${rg.join(' ')} --machine-name "$${machineVar}" --name ${extensionName(options.os)} --query provisioningState --output tsv`
			: `az ${group} extension show ${rg.join(' ')} ${scaleSet ? '--vmss-name' : '--vm-name'} "$${machineVar}" --name ${extensionName(options.os)} --query provisioningState --output tsv`
	);
	const script: GeneratedFile = {
		name: 'deploy.sh',
		language: 'bash',
		text: `${lines.join('\n')}\n`,
	};
	return inline
		? [script]
		: [script, { name: settingsFileName, language: 'json', text: settingsText }];
}
