// Bicep: the extension as a child of the machine (`parent:`, research §6.3, S19), or nested in a
// machine the file creates; the machine `existing` otherwise. Parameters default to the answers.
import {
	accessPolicySecretPermissions,
	extensionPublisher,
	extensionType,
	secretsUserRole,
} from './facts.ts';
import {
	apiVersions,
	defaultInstanceCount,
	defaultVmSize,
	extensionName,
	imageOf,
	machineApiVersion,
	machineType,
} from './machine.ts';
import { isScaleSet, type ScaffoldOptions } from './options.ts';
import { bicepString, printBicep } from './print.ts';
import { extensionSettings } from './settings.ts';
import { outputText, type GeneratedFile, type Translate } from './text.ts';
import { expression, type Value } from './value.ts';

/** The name of the Bicep parameter that names the machine. */
const machineParameter = (options: ScaffoldOptions) =>
	options.target === 'arc' ? 'machineName' : isScaleSet(options.target) ? 'vmssName' : 'vmName';

/** The symbol of the machine resource. */
const machineSymbol = (options: ScaffoldOptions) =>
	options.target === 'arc' ? 'machine' : isScaleSet(options.target) ? 'vmss' : 'vm';

/** `main.bicep`. */
export function bicepFiles(options: ScaffoldOptions, t: Translate): GeneratedFile[] {
	const { out, target, summary } = outputText(options, t);
	const isNew = options.machine === 'new';
	const scaleSet = isScaleSet(options.target);
	const user = options.identity.kind === 'user' ? options.identity : undefined;
	const machineName = machineParameter(options);
	const machine = machineSymbol(options);
	const api = machineApiVersion(options);
	const nested = options.form === 'nested';
	const lines: string[] = [`// ${summary}`, ''];
	const param = (description: string, declaration: string, secure = false) =>
		lines.push(
			`@description(${bicepString(description)})`,
			...(secure ? ['@secure()'] : []),
			`param ${declaration}`,
			''
		);

	param(
		out(isNew ? 'param.machineNew' : 'param.machineExisting', { target }),
		`${machineName} string = ${bicepString(options.machineName)}`
	);
	// An existing scale set's extension has no location: the parameter would be unused.
	if (!(scaleSet && !isNew))
		param(out('param.location', { target }), 'location string = resourceGroup().location');
	param(
		out(options.access === 'none' ? 'param.keyVaultName' : 'param.keyVaultNameGrant'),
		`keyVaultName string = ${bicepString(options.vaultName)}`
	);
	if (user)
		param(
			out('param.identityId', { target }),
			`userAssignedIdentityId string = ${bicepString(user.resourceId)}`
		);
	if (isNew) {
		param(out('param.subnetId'), `subnetId string = ${bicepString(options.subnetId ?? '')}`);
		param(out('param.vmSize'), `vmSize string = ${bicepString(defaultVmSize)}`);
		param(out('param.adminUsername'), `adminUsername string = 'azureuser'`);
		if (options.os === 'windows') param(out('param.adminPassword'), 'adminPassword string', true);
		else param(out('param.adminPublicKey'), 'adminPublicKey string');
		if (scaleSet) param(out('param.instanceCount'), `instanceCount int = ${defaultInstanceCount}`);
	}

	if (options.access === 'role')
		lines.push(
			`// ${out('comment.role', { role: secretsUserRole.name })}`,
			`var keyVaultSecretsUserRoleId = '${secretsUserRole.id}'`,
			''
		);
	lines.push(
		`// ${out('comment.secretUrl')}`,
		"var keyVaultUrl = 'https://${keyVaultName}${environment().suffixes.keyvaultDns}'",
		''
	);
	if (user)
		lines.push(
			"var identityIdParts = split(userAssignedIdentityId, '/')",
			'',
			`resource userAssignedIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@${apiVersions.managedIdentity}' existing = {`,
			'  scope: resourceGroup(identityIdParts[2], identityIdParts[4])',
			'  name: last(identityIdParts)',
			'}',
			''
		);
	if (options.access !== 'none')
		lines.push(
			`resource keyVault 'Microsoft.KeyVault/vaults@${apiVersions.accessPolicies}' existing = {`,
			'  name: keyVaultName',
			'}',
			''
		);

	const settings = extensionSettings(options, {
		url: (certificate) => expression(`'\${keyVaultUrl}/secrets/${certificate.name}'`),
		clientId: expression('userAssignedIdentity.properties.clientId'),
	});
	const properties: Value = {
		publisher: extensionPublisher,
		type: extensionType(options.os),
		typeHandlerVersion: options.version,
		autoUpgradeMinorVersion: true,
		enableAutomaticUpgrade: true,
		settings,
	};
	const grant =
		options.access === 'role'
			? 'secretsUser'
			: options.access === 'policy'
				? 'accessPolicy'
				: undefined;
	const principalId = user
		? 'userAssignedIdentity.properties.principalId'
		: `${machine}.identity.principalId`;
	const identity: Value = user
		? {
				type: 'UserAssigned',
				userAssignedIdentities: { "'${userAssignedIdentity.id}'": {} },
			}
		: { type: 'SystemAssigned' };
	const extensionBody = (withParent: boolean): Value => ({
		...(withParent ? { parent: expression(machine) } : {}),
		name: extensionName(options.os),
		...(scaleSet ? {} : { location: expression('location') }),
		...(grant ? { dependsOn: [expression(grant)] } : {}),
		properties,
	});

	if (!isNew)
		lines.push(
			`resource ${machine} '${machineType(options)}@${api}' existing = {`,
			`  name: ${machineName}`,
			'}',
			''
		);
	else if (scaleSet)
		lines.push(
			`resource ${machine} '${machineType(options)}@${api}' = ${printBicep(
				scaleSetBody(options, identity, user && grant ? grant : undefined, {
					name: extensionName(options.os),
					properties,
				})
			)}`,
			''
		);
	else {
		lines.push(
			`resource nic 'Microsoft.Network/networkInterfaces@${apiVersions.network}' = ${printBicep({
				name: expression("'${vmName}-nic'"),
				location: expression('location'),
				properties: {
					ipConfigurations: [
						{
							name: 'ipconfig1',
							properties: {
								privateIPAllocationMethod: 'Dynamic',
								subnet: { id: expression('subnetId') },
							},
						},
					],
				},
			})}`,
			''
		);
		const vm = printBicep(virtualMachineBody(options, identity, user && grant ? grant : undefined));
		// A nested child resource goes inside the machine's body, before its closing brace.
		const child = nested
			? `\n\n  resource keyVaultExtension 'extensions' = ${printBicep(extensionBody(false), '  ')}\n}`
			: '';
		lines.push(
			`resource ${machine} '${machineType(options)}@${api}' = ${nested ? vm.replace(/\n\}$/, child) : vm}`,
			''
		);
	}

	if (options.access === 'role')
		lines.push(
			`resource secretsUser 'Microsoft.Authorization/roleAssignments@${apiVersions.roleAssignments}' = {`,
			`  name: guid(keyVault.id, ${user ? 'userAssignedIdentity.id' : `${machine}.id`}, keyVaultSecretsUserRoleId)`,
			'  scope: keyVault',
			'  properties: {',
			"    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUserRoleId)",
			`    principalId: ${principalId}`,
			"    principalType: 'ServicePrincipal'",
			'  }',
			'}',
			''
		);
	else if (options.access === 'policy')
		lines.push(
			`resource accessPolicy 'Microsoft.KeyVault/vaults/accessPolicies@${apiVersions.accessPolicies}' = ${printBicep(
				{
					parent: expression('keyVault'),
					name: 'add',
					properties: {
						accessPolicies: [
							{
								tenantId: expression('subscription().tenantId'),
								objectId: expression(principalId),
								permissions: { secrets: [...accessPolicySecretPermissions] },
							},
						],
					},
				}
			)}`,
			''
		);

	if (!nested)
		lines.push(
			`resource keyVaultExtension '${machineType(options)}/extensions@${api}' = ${printBicep(extensionBody(true))}`,
			''
		);
	return [{ name: 'main.bicep', language: 'bicep', text: `${lines.join('\n').trimEnd()}\n` }];
}

function osProfile(options: ScaffoldOptions, nameKey: string, name: string): Value {
	const common = { [nameKey]: expression(name), adminUsername: expression('adminUsername') };
	if (options.os === 'windows') return { ...common, adminPassword: expression('adminPassword') };
	return {
		...common,
		linuxConfiguration: {
			disablePasswordAuthentication: true,
			ssh: {
				publicKeys: [
					{
						path: expression("'/home/${adminUsername}/.ssh/authorized_keys'"),
						keyData: expression('adminPublicKey'),
					},
				],
			},
		},
	};
}

const storageProfile = (options: ScaffoldOptions): Value => ({
	imageReference: imageOf(options.os),
	osDisk: { createOption: 'FromImage', managedDisk: { storageAccountType: 'Premium_LRS' } },
});

function virtualMachineBody(
	options: ScaffoldOptions,
	identity: Value,
	grant: string | undefined
): Value {
	return {
		name: expression('vmName'),
		location: expression('location'),
		identity,
		// A user-assigned identity is granted before the machine exists (see the ARM output).
		...(grant ? { dependsOn: [expression(grant)] } : {}),
		properties: {
			hardwareProfile: { vmSize: expression('vmSize') },
			osProfile: osProfile(options, 'computerName', 'vmName'),
			storageProfile: storageProfile(options),
			networkProfile: { networkInterfaces: [{ id: expression('nic.id') }] },
		},
	};
}

function scaleSetBody(
	options: ScaffoldOptions,
	identity: Value,
	grant: string | undefined,
	extension: Value
): Value {
	const flexible = options.target === 'vmss-flexible';
	return {
		name: expression('vmssName'),
		location: expression('location'),
		identity,
		...(grant ? { dependsOn: [expression(grant)] } : {}),
		sku: { name: expression('vmSize'), capacity: expression('instanceCount') },
		properties: {
			...(flexible
				? {
						orchestrationMode: 'Flexible',
						singlePlacementGroup: false,
						platformFaultDomainCount: 1,
					}
				: { orchestrationMode: 'Uniform' }),
			virtualMachineProfile: {
				osProfile: osProfile(options, 'computerNamePrefix', 'vmssName'),
				storageProfile: storageProfile(options),
				networkProfile: {
					...(flexible ? { networkApiVersion: '2020-11-01' } : {}),
					networkInterfaceConfigurations: [
						{
							name: expression("'${vmssName}-nic'"),
							properties: {
								primary: true,
								ipConfigurations: [
									{ name: 'ipconfig1', properties: { subnet: { id: expression('subnetId') } } },
								],
							},
						},
					],
				},
				extensionProfile: { extensions: [extension] },
			},
		},
	};
}
