import { entries } from './json.ts';
import type { HostResource, OsKind } from './model.ts';
import { asArray, asObject, child, items, resolve } from './navigate.ts';
import { knownText, type Located } from './values.ts';

function text(at: Located | undefined): string | undefined {
	return at ? knownText(resolve(at).value) : undefined;
}

function isNodeType(host: HostResource): boolean {
	return host.resource.type === 'microsoft.servicefabric/managedclusters/nodetypes';
}

/** The `properties` object that holds a host's OS profile and storage profile. */
function machineProperties(host: HostResource): Located | undefined {
	const properties = child(host.resource.at, 'properties', true);
	return host.kind === 'vmss' ? child(properties, 'virtualMachineProfile', true) : properties;
}

/** The image a VM or scale set is created from, as far as it is statically known. */
export function hostImage(host: HostResource): HostImage {
	return (host.memo['image'] ??= readImage(host)) as HostImage;
}

/** The image reference of a VM or scale set, as far as it is statically known. */
export interface HostImage {
	publisher?: string;
	offer?: string;
	sku?: string;
	at?: Located;
}

function readImage(host: HostResource): {
	publisher?: string;
	offer?: string;
	sku?: string;
	at?: Located;
} {
	const result: { publisher?: string; offer?: string; sku?: string; at?: Located } = {};
	// A Service Fabric managed cluster node type names its image in vmImagePublisher/Offer/Sku.
	const nodeType = isNodeType(host);
	const image = nodeType
		? child(host.resource.at, 'properties', true)
		: child(child(machineProperties(host), 'storageProfile', true), 'imageReference', true);
	const publisher = text(child(image, nodeType ? 'vmImagePublisher' : 'publisher', true));
	const offer = text(child(image, nodeType ? 'vmImageOffer' : 'offer', true));
	const sku = text(child(image, nodeType ? 'vmImageSku' : 'sku', true));
	if (publisher !== undefined) result.publisher = publisher;
	if (offer !== undefined) result.offer = offer;
	if (sku !== undefined) result.sku = sku;
	if (image) result.at = image;
	return result;
}

const windowsPublishers = /^microsoft(?:windowsserver|windowsdesktop|sqlserver|visualstudio)/i;
const linuxPublishers =
	/^(?:canonical|redhat|suse|debian|openlogic|microsoftcblmariner|oracle|almalinux|kinvolk|resf)/i;

/** A host's operating system, from osType, the OS profile or the image publisher; undefined if unknown. */
export function hostOs(host: HostResource): OsKind | undefined {
	if (!('os' in host.memo)) host.memo['os'] = readOs(host);
	return host.memo['os'] as OsKind | undefined;
}

function readOs(host: HostResource): OsKind | undefined {
	const properties = machineProperties(host);
	const osType =
		text(child(child(child(properties, 'storageProfile', true), 'osDisk', true), 'osType', true)) ??
		(host.kind === 'arc' ? text(child(properties, 'osType', true)) : undefined);
	if (osType && /^windows$/i.test(osType)) return 'windows';
	if (osType && /^linux$/i.test(osType)) return 'linux';
	const profile = child(properties, 'osProfile', true);
	// A configuration set to null is absent (`windowsConfiguration: isWindows ? {…} : null`).
	const given = (key: string) => {
		const at = child(profile, key, true);
		return at !== undefined && resolve(at).value.kind !== 'null';
	};
	if (given('windowsConfiguration')) return 'windows';
	if (given('linuxConfiguration')) return 'linux';
	const { publisher } = hostImage(host);
	if (publisher && windowsPublishers.test(publisher)) return 'windows';
	if (publisher && linuxPublishers.test(publisher)) return 'linux';
	return undefined;
}

/** What a host's `identity` block says. `type` is lower case; undefined when not statically known. */
export interface HostIdentity {
	at: Located | undefined;
	declared: boolean;
	type: string | undefined;
	systemAssigned: boolean | undefined;
	userAssigned: boolean | undefined;
	/** Keys of `userAssignedIdentities` (resource IDs), as nodes. */
	userAssignedKeys: Located[];
}

/** Reads the `identity` of a VM or scale set. Arc machines always have a system-assigned identity. */
export function hostIdentity(host: HostResource): HostIdentity {
	return (host.memo['identity'] ??= readIdentity(host)) as HostIdentity;
}

function readIdentity(host: HostResource): HostIdentity {
	if (isNodeType(host)) return nodeTypeIdentity(host);
	const at = child(host.resource.at, 'identity', true);
	if (host.kind === 'arc')
		return {
			at,
			declared: true,
			type: 'systemassigned',
			systemAssigned: true,
			userAssigned: false,
			userAssignedKeys: [],
		};
	const object = asObject(at);
	const typeAt = child(object, 'type', true);
	const type = typeAt
		? knownText(resolve(typeAt).value)?.toLowerCase().replace(/\s+/g, '')
		: undefined;
	const map = asObject(child(object, 'userAssignedIdentities', true));
	const userAssignedKeys = entries(map?.node).map(([, value]) => {
		const key = value.parent?.children?.[0] ?? value;
		return { ...map!, node: key };
	});
	const known = at === undefined || (typeAt !== undefined && type !== undefined);
	return {
		at,
		declared: at !== undefined,
		type: at === undefined ? 'none' : type,
		systemAssigned: known ? (type ?? 'none').split(',').includes('systemassigned') : undefined,
		userAssigned: known ? (type ?? 'none').split(',').includes('userassigned') : undefined,
		userAssignedKeys,
	};
}

/**
 * A node type's identity: user-assigned identities in `properties.vmManagedIdentity`, an array of
 * resource IDs (no system-assigned one).
 */
function nodeTypeIdentity(host: HostResource): HostIdentity {
	const at = child(child(host.resource.at, 'properties', true), 'vmManagedIdentity', true);
	const list = asArray(child(at, 'userAssignedIdentities', true));
	const userAssignedKeys = items(list);
	const known = at === undefined || list !== undefined;
	return {
		at,
		declared: at !== undefined,
		type: userAssignedKeys.length > 0 ? 'userassigned' : at === undefined ? 'none' : undefined,
		systemAssigned: known ? false : undefined,
		userAssigned: known ? userAssignedKeys.length > 0 : undefined,
		userAssignedKeys,
	};
}
