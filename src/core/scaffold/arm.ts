// ARM JSON: a deployment template and its parameters file. The extension is a top-level child
// resource named `<machine>/<extension>` (research §3.1, S18) or nested in a machine the template
// creates (§3.2, §3.3); the grant of vault access comes first (§3.8).
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
import { printJson } from './print.ts';
import { extensionSettings } from './settings.ts';
import { outputText, type GeneratedFile, type Translate } from './text.ts';
import type { Value } from './value.ts';

type Json = string | number | boolean | Json[] | { [key: string]: Json };

const p = (name: string) => `parameters('${name}')`;

/** ARM's way of writing references in the new machine's body. */
const armStyle: ExpressionStyle = {
	parameter: (name) => `[${p(name)}]`,
	withParameter: (pattern, name) => `[format('${pattern}', ${p(name)})]`,
	networkInterfaceId: `[resourceId('Microsoft.Network/networkInterfaces', format('{0}-nic', ${p('vmName')}))]`,
};

/** A resource of the new machine as ARM writes it: its type and API version first. */
const armResource = (made: {
	type: string;
	apiVersion: string;
	body: Record<string, Value>;
}): Record<string, Json> =>
	({ type: made.type, apiVersion: made.apiVersion, ...made.body }) as Record<string, Json>;

/** `azuredeploy.json` and `azuredeploy.parameters.json`. */
export function armFiles(options: ScaffoldOptions, t: Translate): GeneratedFile[] {
	const { out, target, summary } = outputText(options, t);
	const isNew = options.machine === 'new';
	const scaleSet = isScaleSet(options.target);
	const user = options.identity.kind === 'user' ? options.identity : undefined;
	const machine = machineParameter(options);
	const api = machineApiVersion(options);
	const type = extensionType(options.os);
	const name = extensionName(options.os);

	const parameters: Record<string, Json> = {
		[machine]: {
			type: 'string',
			metadata: {
				description: out(isNew ? 'param.machineNew' : 'param.machineExisting', { target }),
			},
		},
		// An existing scale set's extension has no location: the parameter would be unused.
		...(scaleSet && !isNew
			? {}
			: {
					location: {
						type: 'string',
						defaultValue: '[resourceGroup().location]',
						metadata: { description: out('param.location', { target }) },
					},
				}),
		keyVaultName: {
			type: 'string',
			metadata: {
				description: out(
					options.access === 'none' ? 'param.keyVaultName' : 'param.keyVaultNameGrant'
				),
			},
		},
	};
	const values: Record<string, Json> = {
		[machine]: options.machineName,
		keyVaultName: options.vaultName,
	};
	if (user) {
		parameters['userAssignedIdentityId'] = {
			type: 'string',
			metadata: { description: out('param.identityId', { target }) },
		};
		values['userAssignedIdentityId'] = user.resourceId;
	}
	if (isNew) {
		Object.assign(parameters, newMachineParameters(options, out));
		values['subnetId'] = options.subnetId ?? '';
	}

	const variables: Record<string, Json> = {
		machineId: `[resourceId('${machineType(options)}', ${p(machine)})]`,
	};
	const principalId = user
		? `[reference(${p('userAssignedIdentityId')}, '${apiVersions.managedIdentity}').principalId]`
		: `[reference(variables('machineId'), '${api}', 'full').identity.principalId]`;
	const grantAfterMachine = isNew && !user ? ["[variables('machineId')]"] : [];
	const grants: Json[] = [];
	const resources: Json[] = [];
	let grantId: string | undefined;
	if (options.access === 'role') {
		variables['keyVaultSecretsUserRoleId'] = secretsUserRole.id;
		variables['keyVaultId'] = `[resourceId('Microsoft.KeyVault/vaults', ${p('keyVaultName')})]`;
		variables['roleAssignmentName'] =
			`[guid(variables('keyVaultId'), ${user ? p('userAssignedIdentityId') : "variables('machineId')"}, variables('keyVaultSecretsUserRoleId'))]`;
		grantId =
			"[extensionResourceId(variables('keyVaultId'), 'Microsoft.Authorization/roleAssignments', variables('roleAssignmentName'))]";
		grants.push({
			type: 'Microsoft.Authorization/roleAssignments',
			apiVersion: apiVersions.roleAssignments,
			scope: `[format('Microsoft.KeyVault/vaults/{0}', ${p('keyVaultName')})]`,
			name: "[variables('roleAssignmentName')]",
			...(grantAfterMachine.length ? { dependsOn: grantAfterMachine } : {}),
			properties: {
				roleDefinitionId:
					"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('keyVaultSecretsUserRoleId'))]",
				principalId,
				principalType: 'ServicePrincipal',
			},
		});
	} else if (options.access === 'policy') {
		grantId = `[resourceId('Microsoft.KeyVault/vaults/accessPolicies', ${p('keyVaultName')}, 'add')]`;
		grants.push({
			type: 'Microsoft.KeyVault/vaults/accessPolicies',
			apiVersion: apiVersions.accessPolicies,
			name: `[format('{0}/add', ${p('keyVaultName')})]`,
			...(grantAfterMachine.length ? { dependsOn: grantAfterMachine } : {}),
			properties: {
				accessPolicies: [
					{
						tenantId: '[subscription().tenantId]',
						objectId: principalId,
						permissions: { secrets: [...accessPolicySecretPermissions] },
					},
				],
			},
		});
	}

	const settings = extensionSettings(options, {
		url: (certificate) =>
			`[format('https://{0}{1}/secrets/{2}', ${p('keyVaultName')}, environment().suffixes.keyvaultDns, '${certificate.name}')]`,
		clientId: `[reference(${p('userAssignedIdentityId')}, '${apiVersions.managedIdentity}').clientId]`,
	}) as Json;
	const properties: Json = {
		publisher: extensionPublisher,
		type,
		typeHandlerVersion: options.version,
		autoUpgradeMinorVersion: true,
		enableAutomaticUpgrade: true,
		settings,
	};
	const extensionDependsOn = [
		...(isNew ? ["[variables('machineId')]"] : []),
		...(grantId ? [grantId] : []),
	];
	const nested = options.form === 'nested';

	// What is made first comes first: a user-assigned identity's grant, else the machine.
	if (user) resources.push(...grants);
	if (isNew) {
		const identity: Json = user
			? {
					type: 'UserAssigned',
					userAssignedIdentities: { [`[${p('userAssignedIdentityId')}]`]: {} },
				}
			: { type: 'SystemAssigned' };
		// A user-assigned identity is granted before the machine exists, so the extension reads the
		// vault on its first try.
		const machineDependsOn = user && grantId ? [grantId] : [];
		const extension = nested && scaleSet ? ({ name, properties } as Value) : undefined;
		if (scaleSet)
			resources.push(
				armResource(newMachineBody(options, armStyle, identity, machineDependsOn, extension))
			);
		else {
			resources.push(
				armResource({
					type: 'Microsoft.Network/networkInterfaces',
					apiVersion: apiVersions.network,
					body: networkInterfaceBody(options, armStyle),
				})
			);
			const vm = armResource(
				newMachineBody(
					options,
					armStyle,
					identity,
					[armStyle.networkInterfaceId, ...machineDependsOn],
					undefined
				)
			);
			if (nested)
				vm['resources'] = [
					{
						type: 'extensions',
						apiVersion: api,
						name,
						location: `[${p('location')}]`,
						dependsOn: extensionDependsOn,
						properties,
					},
				];
			resources.push(vm);
		}
	}
	if (!user) resources.push(...grants);
	if (!nested)
		resources.push({
			type: `${machineType(options)}/extensions`,
			apiVersion: api,
			name: `[format('{0}/${name}', ${p(machine)})]`,
			// Scale-set extensions have no location of their own.
			...(scaleSet ? {} : { location: `[${p('location')}]` }),
			...(extensionDependsOn.length ? { dependsOn: extensionDependsOn } : {}),
			properties,
		});

	// The machine's ID is named once, and only when something refers to it.
	if (!JSON.stringify([resources, variables]).includes("variables('machineId')"))
		delete variables['machineId'];
	const template = {
		$schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
		contentVersion: '1.0.0.0',
		metadata: { description: summary },
		parameters,
		variables,
		resources,
	};
	const parametersFile = {
		$schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#',
		contentVersion: '1.0.0.0',
		parameters: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }])),
	};
	return [
		{ name: 'azuredeploy.json', language: 'json', text: printJson(template) },
		{ name: 'azuredeploy.parameters.json', language: 'json', text: printJson(parametersFile) },
	];
}

function newMachineParameters(
	options: ScaffoldOptions,
	out: (key: string, values?: Record<string, string | number>) => string
): Record<string, Json> {
	const parameters: Record<string, Json> = {
		subnetId: { type: 'string', metadata: { description: out('param.subnetId') } },
		vmSize: {
			type: 'string',
			defaultValue: defaultVmSize,
			metadata: { description: out('param.vmSize') },
		},
		adminUsername: {
			type: 'string',
			defaultValue: 'azureuser',
			metadata: { description: out('param.adminUsername') },
		},
	};
	if (options.os === 'windows')
		parameters['adminPassword'] = {
			type: 'securestring',
			metadata: { description: out('param.adminPassword') },
		};
	else
		parameters['adminPublicKey'] = {
			type: 'string',
			metadata: { description: out('param.adminPublicKey') },
		};
	if (isScaleSet(options.target))
		parameters['instanceCount'] = {
			type: 'int',
			defaultValue: defaultInstanceCount,
			metadata: { description: out('param.instanceCount') },
		};
	return parameters;
}
