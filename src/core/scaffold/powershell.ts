// Azure PowerShell: the settings as a hashtable (a JSON string where a hashtable belongs reaches
// the machine as a string, research §5 P2), Set-AzVMExtension / Add-AzVmssExtension + Update-AzVmss
// / New-AzConnectedMachineExtension (§6.2, S1, S2, S7, S24, S27).
import {
	accessPolicySecretPermissions,
	extensionPublisher,
	extensionType,
	secretsUserRole,
} from './facts.ts';
import { literalSettings } from './azcli.ts';
import { extensionName, identityParts } from './machine.ts';
import { isScaleSet, type ScaffoldOptions } from './options.ts';
import { powerShellString, printPowerShell } from './print.ts';
import { outputText, type GeneratedFile, type Translate } from './text.ts';

/** Lines of one command, continued with backticks. */
function command(parts: string[][]): string[] {
	return parts.map(
		(p, i) => `${i === 0 ? '' : '\t'}${p.join(' ')}${i < parts.length - 1 ? ' `' : ''}`
	);
}

/** `deploy.ps1`. */
export function powershellFiles(options: ScaffoldOptions, t: Translate): GeneratedFile[] {
	const { out, summary } = outputText(options, t);
	const user = options.identity.kind === 'user' ? options.identity : undefined;
	const scaleSet = isScaleSet(options.target);
	const arc = options.target === 'arc';
	const type = extensionType(options.os);
	const name = extensionName(options.os);
	const machineVar = arc ? '$machineName' : scaleSet ? '$vmssName' : '$vmName';
	const lines = [
		`# ${summary}`,
		`$resourceGroup = ${powerShellString(options.resourceGroup)}`,
		`${machineVar} = ${powerShellString(options.machineName)}`,
		`$vaultName = ${powerShellString(options.vaultName)}`,
		'',
	];

	// 1. The machine and the principal (object) ID that needs access.
	lines.push(
		`# 1. ${out(arc ? 'step.arcIdentity' : user ? 'step.readUserIdentity' : 'step.readSystemIdentity')}`
	);
	if (arc)
		lines.push(
			`$machine = Get-AzConnectedMachine -ResourceGroupName $resourceGroup -Name $machineName`
		);
	else if (scaleSet)
		lines.push('$vmss = Get-AzVmss -ResourceGroupName $resourceGroup -VMScaleSetName $vmssName');
	else lines.push('$vm = Get-AzVM -ResourceGroupName $resourceGroup -Name $vmName');
	if (user) {
		const parts = identityParts(user.resourceId);
		lines.push(
			`$identity = Get-AzUserAssignedIdentity -ResourceGroupName ${powerShellString(parts.resourceGroup)} -Name ${powerShellString(parts.name)}`,
			'$principalId = $identity.PrincipalId'
		);
	} else
		lines.push(
			arc
				? '$principalId = $machine.IdentityPrincipalId'
				: `$principalId = ${scaleSet ? '$vmss' : '$vm'}.Identity.PrincipalId`
		);
	lines.push('');

	// 2. Read access to the vault's secrets.
	if (options.access === 'role')
		lines.push(
			`# 2. ${out('step.grantRole', { role: secretsUserRole.name })}`,
			'$vault = Get-AzKeyVault -VaultName $vaultName',
			`New-AzRoleAssignment -ObjectId $principalId -RoleDefinitionName ${powerShellString(secretsUserRole.name)} -Scope $vault.ResourceId`,
			''
		);
	else if (options.access === 'policy')
		lines.push(
			`# 2. ${out('step.grantPolicy')}`,
			`Set-AzKeyVaultAccessPolicy -VaultName $vaultName -ObjectId $principalId -PermissionsToSecrets ${accessPolicySecretPermissions.join(', ')}`,
			''
		);
	else lines.push(`# 2. ${out('step.grantNone')}`, '');

	// 3. The extension, with its settings as a hashtable.
	lines.push(
		`# 3. ${out('step.installHashtable')}`,
		`$settings = ${printPowerShell(literalSettings(options))}`,
		''
	);
	const common = [
		['-Name', powerShellString(name)],
		['-Publisher', powerShellString(extensionPublisher)],
	];
	if (arc)
		lines.push(
			...command([
				[
					'New-AzConnectedMachineExtension',
					'-ResourceGroupName',
					'$resourceGroup',
					'-MachineName',
					'$machineName',
				],
				...common,
				[
					'-ExtensionType',
					powerShellString(type),
					'-TypeHandlerVersion',
					powerShellString(options.version),
				],
				['-Location', '$machine.Location', '-EnableAutomaticUpgrade'],
				['-Setting', '$settings'],
			])
		);
	else if (scaleSet)
		lines.push(
			...command([
				['Add-AzVmssExtension', '-VirtualMachineScaleSet', '$vmss'],
				...common,
				['-Type', powerShellString(type), '-TypeHandlerVersion', powerShellString(options.version)],
				['-AutoUpgradeMinorVersion', '$true', '-EnableAutomaticUpgrade', '$true'],
				['-Setting', '$settings'],
			]),
			'Update-AzVmss -ResourceGroupName $resourceGroup -VMScaleSetName $vmssName -VirtualMachineScaleSet $vmss',
			...(options.target === 'vmss-uniform'
				? [
						`# ${out('step.upgradeInstances')}`,
						"# Update-AzVmssInstance -ResourceGroupName $resourceGroup -VMScaleSetName $vmssName -InstanceId '*'",
					]
				: [])
		);
	else
		lines.push(
			...command([
				[
					'Set-AzVMExtension',
					'-ResourceGroupName',
					'$resourceGroup',
					'-VMName',
					'$vmName',
					'-Location',
					'$vm.Location',
				],
				...common,
				[
					'-ExtensionType',
					powerShellString(type),
					'-TypeHandlerVersion',
					powerShellString(options.version),
				],
				['-EnableAutomaticUpgrade', '$true'],
				['-Settings', '$settings'],
			])
		);
	lines.push('');

	// 4. The result.
	lines.push(
		`# 4. ${out('step.check')}`,
		arc
			? `(Get-AzConnectedMachineExtension -ResourceGroupName $resourceGroup -MachineName $machineName -Name ${powerShellString(name)}).ProvisioningState`
			: scaleSet
				? `(Get-AzVmss -ResourceGroupName $resourceGroup -VMScaleSetName $vmssName).VirtualMachineProfile.ExtensionProfile.Extensions | Where-Object Name -eq ${powerShellString(name)}`
				: `(Get-AzVMExtension -ResourceGroupName $resourceGroup -VMName $vmName -Name ${powerShellString(name)}).ProvisioningState`
	);
	return [{ name: 'deploy.ps1', language: 'powershell', text: `${lines.join('\n')}\n` }];
}
