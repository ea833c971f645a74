import type { JsonDocument, JsonNode } from './json.ts';
import { entries, propertyValue } from './json.ts';
import type {
	CheckedDocument,
	ExtensionForm,
	ExtensionSite,
	Field,
	HostKind,
	HostResource,
	TemplateResource,
} from './model.ts';
import { anchorOf, asObject, child, items, resolve, type Anchor } from './navigate.ts';
import { createTemplateScope, type GivenParameter, type TemplateScope } from './scope.ts';
import { canonicalText, knownText, type Located } from './values.ts';

const hostTypes: Record<string, HostKind> = {
	'microsoft.compute/virtualmachines': 'vm',
	'microsoft.compute/virtualmachinescalesets': 'vmss',
	'microsoft.hybridcompute/machines': 'arc',
};

/** Service Fabric managed cluster node types: scale sets with `properties.vmExtensions[]`. */
const nodeTypeType = 'microsoft.servicefabric/managedclusters/nodetypes';
/** Azure Batch pools: `virtualMachineConfiguration.extensions[]`, entries without `properties`. */
const poolType = 'microsoft.batch/batchaccounts/pools';

/** Reads a field of an extension's properties object. */
function field(properties: Located | undefined, key: string): Field | undefined {
	const at = child(properties, key, true);
	if (!at) return undefined;
	return { value: resolve(at).value, anchor: anchorOf(at), at };
}

/**
 * The extension's type field. `az vm extension show` and `list` print an extension flattened, with
 * `type` the resource type and the extension's own type as `typePropertiesType`.
 */
function typeField(properties: Located | undefined): Field | undefined {
	return field(properties, 'typePropertiesType') ?? field(properties, 'type');
}

/**
 * An extension entry's properties: its `properties` object, or the entry itself when it is the
 * flattened shape the az CLI prints (publisher, typeHandlerVersion and settings at the top level).
 */
function extensionProperties(entry: Located): Located | undefined {
	const properties = asObject(child(entry, 'properties', true));
	if (properties || !child(entry, 'typePropertiesType', true)) return properties;
	return asObject(entry);
}

/** Whether publisher, type or settings show a Key Vault VM extension. */
export function isKeyVaultExtension(properties: Located | undefined): boolean {
	const publisher = knownText(field(properties, 'publisher')?.value ?? { kind: 'null' });
	const type = knownText(typeField(properties)?.value ?? { kind: 'null' });
	// KeyVaultForPaaS (Cloud Services extended support) is another extension, not checked here.
	if (type && /^keyvaultforpaas$/i.test(type)) return false;
	if (publisher?.toLowerCase().startsWith('microsoft.azure.keyvault')) return true;
	if (type && /^keyvaultfor(?:windows|linux)$/i.test(type)) return true;
	if (publisher !== undefined && type !== undefined) return false;
	return child(child(properties, 'settings', true), 'secretsManagementSettings') !== undefined;
}

/** Walks a template's resources (array or languageVersion 2.0 object), nested children and inline deployments. */
function collectResources(
	list: Located | undefined,
	parent: TemplateResource | undefined,
	out: TemplateResource[],
	deployment: TemplateResource | undefined = undefined
): void {
	if (!list) return;
	const { node } = list;
	const members: Array<[string | undefined, JsonNode]> =
		node.type === 'array'
			? (node.children ?? []).map((n) => [undefined, n])
			: node.type === 'object'
				? entries(node)
				: [];
	for (const [symbolicName, resourceNode] of members) {
		if (resourceNode.type !== 'object') continue;
		const typeNode = propertyValue(resourceNode, 'type', true);
		const written = typeof typeNode?.value === 'string' ? typeNode.value.toLowerCase() : '';
		const type =
			parent && written !== '' && !written.includes('/') ? `${parent.type}/${written}` : written;
		const at: Located = { ...list, node: resourceNode };
		const resource: TemplateResource = {
			at,
			type,
			parent,
			symbolicName,
			scope: list.scope!,
			deployment: parent ? parent.deployment : deployment,
		};
		out.push(resource);
		const children = propertyValue(resourceNode, 'resources', true);
		if (children) collectResources({ ...list, node: children }, resource, out, resource.deployment);
		if (type === 'microsoft.resources/deployments') collectNestedTemplate(resource, out);
	}
}

function collectNestedTemplate(deployment: TemplateResource, out: TemplateResource[]): void {
	const properties = asObject(child(deployment.at, 'properties', true));
	const template = asObject(child(properties, 'template', true));
	if (!properties || !template) return;
	const outer = deployment.scope;
	const evaluation = child(child(properties, 'expressionEvaluationOptions', true), 'scope', true);
	const inner =
		knownText(evaluation ? resolve(evaluation).value : { kind: 'null' })?.toLowerCase() === 'inner';
	let scope: TemplateScope = outer;
	if (inner) {
		const given = new Map<string, GivenParameter>();
		const parameters = asObject(child(properties, 'parameters', true));
		for (const [name, entry] of entries(parameters?.node)) {
			const value = propertyValue(entry, 'value', true);
			given.set(name.toLowerCase(), {
				value: value ? { ...parameters!, node: value } : undefined,
				source: 'deployment',
			});
		}
		scope = createTemplateScope(template.doc, template.node, outer.session, given);
	}
	deployment.placement = {
		inner,
		elsewhere:
			child(deployment.at, 'resourceGroup', true) !== undefined ||
			child(deployment.at, 'subscriptionId', true) !== undefined,
	};
	const resources = propertyValue(template.node, 'resources', true);
	if (resources)
		collectResources({ doc: template.doc, node: resources, scope }, undefined, out, deployment);
}

/**
 * Where a machine of this name is, for telling machines apart: a nested deployment into another
 * resource group or subscription is a place of its own; so is an inner-scoped deployment (a compiled
 * Bicep module) when the name depends on values unknown there, since its parameters differ from
 * one deployment to the next. Otherwise the same name is the same machine.
 */
function placeOf(
	resource: TemplateResource,
	name: string,
	keys: Map<TemplateResource, string>
): string {
	const unknown = name.includes('\uE001');
	for (let d = resource.deployment; d; d = d.deployment) {
		if (d.placement?.elsewhere || (unknown && d.placement?.inner)) {
			let key = keys.get(d);
			if (key === undefined) {
				key = `d${keys.size + 1}`;
				keys.set(d, key);
			}
			return key;
		}
	}
	return 'd0';
}

function wholeAnchor(resource: Located): Anchor {
	const start = resource.doc.toRaw(resource.node.offset);
	return { source: resource.doc.source, start, end: start + 1 };
}

/** Creates an extension site from an extension resource or profile entry. */
function extensionSite(
	form: ExtensionForm,
	hostKind: HostKind | undefined,
	entry: Located,
	resource: TemplateResource | undefined,
	document: CheckedDocument
): ExtensionSite {
	return propertiesSite(form, hostKind, extensionProperties(entry), entry, resource, document);
}

/**
 * Creates an extension site from its properties object (publisher, type, typeHandlerVersion,
 * settings); `entry` is the object that holds its name (the properties themselves for Batch pools).
 */
export function propertiesSite(
	form: ExtensionForm,
	hostKind: HostKind | undefined,
	properties: Located | undefined,
	entry: Located,
	resource: TemplateResource | undefined,
	document: CheckedDocument
): ExtensionSite {
	const type = typeField(properties);
	const name = field(entry, 'name');
	return {
		form,
		hostKind,
		resource,
		properties,
		settings: child(properties, 'settings', true),
		host: undefined,
		name,
		publisher: field(properties, 'publisher'),
		type,
		version: field(properties, 'typeHandlerVersion'),
		anchor: type?.anchor ?? name?.anchor ?? wholeAnchor(entry),
		document,
	};
}

/** The lower-case canonical name of a resource, holes kept as markers. */
export function resourceName(resource: TemplateResource): string | undefined {
	if (resource.canonicalName === undefined) {
		const at = child(resource.at, 'name', true);
		const text = at ? canonicalText(resolve(at).value) : undefined;
		resource.canonicalName = text === undefined ? null : text.toLowerCase();
	}
	return resource.canonicalName ?? undefined;
}

/**
 * Finds every Key Vault VM extension in a template (or a single resource): VM and scale-set
 * children, top-level or nested, scale-set extension profiles, Arc machines and inline nested
 * deployments, each linked to its host when names allow.
 */
export function findKeyVaultExtensions(
	doc: JsonDocument,
	scope: TemplateScope,
	resourcesNode: JsonNode
): CheckedDocument {
	const document: CheckedDocument = {
		doc,
		resources: [],
		byType: new Map(),
		hosts: [],
		extensions: [],
	};
	collectResources({ doc, node: resourcesNode, scope }, undefined, document.resources);
	for (const resource of document.resources) {
		const list = document.byType.get(resource.type);
		if (list) list.push(resource);
		else document.byType.set(resource.type, [resource]);
	}

	// Machines are told apart by name and place (see placeOf).
	const places = new Map<TemplateResource, string>();
	const hostsByName = new Map<string, HostResource>();
	const hostsByResource = new Map<TemplateResource, HostResource>();
	const machineOf = new Map<HostResource, string>();
	for (const resource of document.resources) {
		const kind = hostTypes[resource.type] ?? (resource.type === nodeTypeType ? 'vmss' : undefined);
		if (!kind) continue;
		const host: HostResource = { kind, resource, extensions: [], otherExtensions: [], memo: {} };
		document.hosts.push(host);
		hostsByResource.set(resource, host);
		machineOf.set(host, `h${document.hosts.length}`);
		const name = resourceName(resource);
		if (name !== undefined)
			hostsByName.set(`${placeOf(resource, name, places)}|${kind}:${name}`, host);
	}
	const add = (site: ExtensionSite, host: HostResource | undefined, machine?: string) => {
		site.host = host;
		site.machine = host ? machineOf.get(host) : machine;
		host?.extensions.push(site);
		document.extensions.push(site);
	};

	for (const resource of document.resources) {
		const slash = resource.type.lastIndexOf('/');
		if (resource.type.slice(slash) !== '/extensions') continue;
		const hostKind = hostTypes[resource.type.slice(0, slash)];
		if (!hostKind) continue;
		const nested = resource.parent !== undefined;
		let host = nested ? hostsByResource.get(resource.parent!) : undefined;
		// A top-level extension names its machine: `vmName/extensionName`. A machine the template
		// does not declare (an existing VM) is known by that name expression alone.
		let machine: string | undefined;
		if (!nested) {
			const name = resourceName(resource);
			const cut = name?.indexOf('/') ?? -1;
			if (name !== undefined && cut > 0) {
				const machineName = name.slice(0, cut);
				const key = `${placeOf(resource, machineName, places)}|${hostKind}:${machineName}`;
				host = hostsByName.get(key);
				machine = key;
			}
		}
		const properties = extensionProperties(resource.at);
		if (!isKeyVaultExtension(properties)) {
			host?.otherExtensions.push(resource.at);
			continue;
		}
		// The az CLI's flattened shape is an extension as Azure reports it, not a template resource:
		// its name is the extension's own, without the machine's.
		const flattened = properties?.node === resource.at.node;
		const form = flattened ? 'resource' : nested ? 'nested' : 'top-level';
		add(extensionSite(form, hostKind, resource.at, resource, document), host, machine);
	}

	for (const host of document.hosts) {
		const properties = child(host.resource.at, 'properties', true);
		const profile =
			host.resource.type === nodeTypeType
				? child(properties, 'vmExtensions', true)
				: host.kind === 'vmss'
					? child(
							child(child(properties, 'virtualMachineProfile', true), 'extensionProfile', true),
							'extensions',
							true
						)
					: undefined;
		for (const entry of items(profile)) {
			if (!isKeyVaultExtension(asObject(child(entry, 'properties', true)))) {
				host.otherExtensions.push(entry);
				continue;
			}
			add(extensionSite('profile', 'vmss', entry, undefined, document), host);
		}
	}

	// Batch pools: extension entries carry publisher, type and settings themselves. The pool is
	// not a host kvcert reads (its OS and identity are declared differently), so host rules stay quiet.
	for (const pool of document.byType.get(poolType) ?? []) {
		const list = child(
			child(
				child(child(pool.at, 'properties', true), 'deploymentConfiguration', true),
				'virtualMachineConfiguration',
				true
			),
			'extensions',
			true
		);
		for (const entry of items(list)) {
			const properties = asObject(entry);
			if (!isKeyVaultExtension(properties)) continue;
			add(
				propertiesSite('profile', undefined, properties, entry, undefined, document),
				undefined,
				`pool:${document.resources.indexOf(pool)}`
			);
		}
	}
	document.extensions.sort((a, b) => a.anchor.start - b.anchor.start);
	return document;
}
