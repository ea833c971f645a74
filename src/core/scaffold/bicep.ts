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
	machineApiVersion,
	machineType,
} from './machine.ts';
import {
	machineParameter,
	networkInterfaceBody,
	newMachineBody,
	type ExpressionStyle,
} from './new-machine.ts';
import { isScaleSet, type ScaffoldOptions } from './options.ts';
import { bicepString, printBicep } from './print.ts';
import { extensionSettings } from './settings.ts';
import { outputText, type GeneratedFile, type Translate } from './text.ts';
import { expression, type Value } from './value.ts';

/** Bicep's way of writing references in the new machine's body: parameters are symbols. */
const bicepStyle: ExpressionStyle = {
	parameter: (name) => expression(name),
	// The pattern's {0} becomes a Bicep interpolation of the parameter.
	withParameter: (pattern, name) => expression(`'${pattern.split('{0}').join(`\${${name}}`)}'`),
	networkInterfaceId: expression('nic.id'),
};

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
	// A user-assigned identity is granted before the machine exists (see the ARM output).
	const machineDependsOn = user && grant ? [expression(grant)] : [];
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
				newMachineBody(options, bicepStyle, identity, machineDependsOn, {
					name: extensionName(options.os),
					properties,
				}).body
			)}`,
			''
		);
	else {
		lines.push(
			`resource nic 'Microsoft.Network/networkInterfaces@${apiVersions.network}' = ${printBicep(
				networkInterfaceBody(options, bicepStyle)
			)}`,
			''
		);
		const vm = printBicep(
			newMachineBody(options, bicepStyle, identity, machineDependsOn, undefined).body
		);
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
