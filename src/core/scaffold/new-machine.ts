// The body of a machine the template creates, shared by the ARM and Bicep writers: they write the
// same resource, with their own expression syntax (`[parameters('vmName')]` or `vmName`). A VM as
// in the quickstart templates, a scale set (Flexible as in the Flexible quickstart template), on an
// image the chosen version runs on, in a subnet given as a parameter.
import { imageOf, machineApiVersion, machineType } from './machine.ts';
import { isScaleSet, type ScaffoldOptions } from './options.ts';
import type { Value } from './value.ts';

/** How a format writes references to its parameters and to the new network interface. */
export interface ExpressionStyle {
	/** A parameter's value. */
	parameter(name: string): Value;
	/** A string with one parameter in it: `pattern` holds `{0}` where the value goes. */
	withParameter(pattern: string, name: string): Value;
	/** The ID of the new VM's network interface. */
	networkInterfaceId: Value;
}

/** The parameter that names the machine, per target. */
export function machineParameter(options: ScaffoldOptions): string {
	if (options.target === 'arc') return 'machineName';
	return isScaleSet(options.target) ? 'vmssName' : 'vmName';
}

/** The operating-system profile: a password (Windows) or an SSH key (Linux). */
function osProfile(options: ScaffoldOptions, style: ExpressionStyle, nameKey: string): Value {
	const common = {
		[nameKey]: style.parameter(machineParameter(options)),
		adminUsername: style.parameter('adminUsername'),
	};
	if (options.os === 'windows')
		return { ...common, adminPassword: style.parameter('adminPassword') };
	return {
		...common,
		linuxConfiguration: {
			disablePasswordAuthentication: true,
			ssh: {
				publicKeys: [
					{
						path: style.withParameter('/home/{0}/.ssh/authorized_keys', 'adminUsername'),
						keyData: style.parameter('adminPublicKey'),
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

/** The new VM's network interface: its name and properties. */
export function networkInterfaceBody(options: ScaffoldOptions, style: ExpressionStyle) {
	return {
		name: style.withParameter('{0}-nic', machineParameter(options)),
		location: style.parameter('location'),
		properties: {
			ipConfigurations: [
				{
					name: 'ipconfig1',
					properties: {
						privateIPAllocationMethod: 'Dynamic',
						subnet: { id: style.parameter('subnetId') },
					},
				},
			],
		},
	};
}

/**
 * The machine's name, location, identity, what it waits for and its properties (a scale set's
 * with its SKU and, when given, the extension in its model).
 */
export function newMachineBody(
	options: ScaffoldOptions,
	style: ExpressionStyle,
	identity: Value,
	dependsOn: Value[],
	extension: Value | undefined
): { type: string; apiVersion: string; body: Record<string, Value> } {
	const machine = machineParameter(options);
	const head = {
		name: style.parameter(machine),
		location: style.parameter('location'),
		identity,
		...(dependsOn.length ? { dependsOn } : {}),
	};
	const resource = { type: machineType(options), apiVersion: machineApiVersion(options) };
	if (!isScaleSet(options.target))
		return {
			...resource,
			body: {
				...head,
				properties: {
					hardwareProfile: { vmSize: style.parameter('vmSize') },
					osProfile: osProfile(options, style, 'computerName'),
					storageProfile: storageProfile(options),
					networkProfile: { networkInterfaces: [{ id: style.networkInterfaceId }] },
				},
			},
		};
	const flexible = options.target === 'vmss-flexible';
	return {
		...resource,
		body: {
			...head,
			sku: { name: style.parameter('vmSize'), capacity: style.parameter('instanceCount') },
			properties: {
				...(flexible
					? {
							orchestrationMode: 'Flexible',
							singlePlacementGroup: false,
							platformFaultDomainCount: 1,
						}
					: { orchestrationMode: 'Uniform' }),
				virtualMachineProfile: {
					osProfile: osProfile(options, style, 'computerNamePrefix'),
					storageProfile: storageProfile(options),
					networkProfile: {
						...(flexible ? { networkApiVersion: '2020-11-01' } : {}),
						networkInterfaceConfigurations: [
							{
								name: style.withParameter('{0}-nic', machine),
								properties: {
									primary: true,
									ipConfigurations: [
										{
											name: 'ipconfig1',
											properties: { subnet: { id: style.parameter('subnetId') } },
										},
									],
								},
							},
						],
					},
					...(extension ? { extensionProfile: { extensions: [extension] } } : {}),
				},
			},
		},
	};
}
