// Terraform (azurerm): settings as `jsonencode` of an HCL object (research §6.4, S20), certificate
// URLs from `versionless_secret_id` (§3.9, S21, S22), access through a role assignment or an access
// policy, and the extension `depends_on` the grant.
import {
	accessPolicySecretPermissions,
	extensionPublisher,
	extensionType,
	secretsUserRole,
} from './facts.ts';
import {
	defaultInstanceCount,
	defaultVmSize,
	extensionName,
	identityParts,
	imageOf,
} from './machine.ts';
import { isScaleSet, type ScaffoldOptions } from './options.ts';
import { hclString, printHcl } from './print.ts';
import { extensionSettings } from './settings.ts';
import { outputText, type GeneratedFile, type Translate } from './text.ts';
import { expression } from './value.ts';

/** Terraform names of the certificate data sources, one per certificate. */
function certificateLabels(options: ScaffoldOptions): string[] {
	const labels = options.certificates.map((c) => {
		const label = c.name.toLowerCase().replace(/-/g, '_');
		return /^[a-z_]/.test(label) ? label : `cert_${label}`;
	});
	return new Set(labels).size === labels.length ? labels : labels.map((_, i) => `cert_${i}`);
}

/** A block: `kind "labels" { lines }`, lines indented by two spaces. */
function block(head: string, body: string[]): string[] {
	return [`${head} {`, ...body.map((line) => (line ? `  ${line}` : '')), '}', ''];
}

/** `name = value` lines with their equals signs aligned, as `terraform fmt` writes them. */
function attributes(pairs: Array<[string, string]>): string[] {
	const width = Math.max(...pairs.map(([key]) => key.length));
	return pairs.map(([key, value]) => `${key.padEnd(width)} = ${value}`);
}

/** `main.tf`. */
export function terraformFiles(options: ScaffoldOptions, t: Translate): GeneratedFile[] {
	const { out, target, summary } = outputText(options, t);
	const isNew = options.machine === 'new';
	const scaleSet = isScaleSet(options.target);
	const flexible = options.target === 'vmss-flexible';
	const windows = options.os === 'windows';
	const user = options.identity.kind === 'user' ? options.identity : undefined;
	const machineVar = options.target === 'arc' ? 'machine_name' : scaleSet ? 'vmss_name' : 'vm_name';
	const lines: string[] = [`# ${summary}`, ''];
	lines.push(
		...block('terraform', [
			...block('required_providers', [
				...block(
					'azurerm =',
					attributes([
						['source', '"hashicorp/azurerm"'],
						['version', '">= 3.100"'],
					])
				).slice(0, -1),
			]).slice(0, -1),
		]),
		...block('provider "azurerm"', ['features {}'])
	);
	const variable = (
		name: string,
		description: string,
		value?: string | number,
		sensitive = false
	) =>
		lines.push(
			...block(`variable "${name}"`, [
				...attributes([
					['type', typeof value === 'number' ? 'number' : 'string'],
					['description', hclString(description)],
					...(value !== undefined
						? [
								['default', typeof value === 'number' ? String(value) : hclString(value)] as [
									string,
									string,
								],
							]
						: []),
					...(sensitive ? [['sensitive', 'true'] as [string, string]] : []),
				]),
			])
		);
	variable('resource_group_name', out('param.resourceGroup', { target }), options.resourceGroup);
	variable(
		machineVar,
		out(isNew ? 'param.machineNew' : 'param.machineExisting', { target }),
		options.machineName
	);
	variable('key_vault_name', out('param.keyVaultName'), options.vaultName);
	variable(
		'key_vault_resource_group_name',
		out('param.keyVaultResourceGroup'),
		options.resourceGroup
	);
	if (user) {
		const parts = identityParts(user.resourceId);
		variable('identity_name', out('param.identityName', { target }), parts.name);
		variable(
			'identity_resource_group_name',
			out('param.identityResourceGroup'),
			parts.resourceGroup
		);
	}
	if (isNew) {
		variable('subnet_id', out('param.subnetId'), options.subnetId ?? '');
		variable('vm_size', out('param.vmSize'), defaultVmSize);
		variable('admin_username', out('param.adminUsername'), 'azureuser');
		if (windows) variable('admin_password', out('param.adminPassword'), undefined, true);
		else variable('admin_public_key', out('param.adminPublicKey'));
		if (scaleSet) variable('instance_count', out('param.instanceCount'), defaultInstanceCount);
	}

	lines.push(
		...block(
			'data "azurerm_key_vault" "kv"',
			attributes([
				['name', 'var.key_vault_name'],
				['resource_group_name', 'var.key_vault_resource_group_name'],
			])
		)
	);
	const labels = certificateLabels(options);
	options.certificates.forEach((certificate, i) =>
		lines.push(
			...block(
				`data "azurerm_key_vault_certificate" "${labels[i]}"`,
				attributes([
					['name', hclString(certificate.name)],
					['key_vault_id', 'data.azurerm_key_vault.kv.id'],
				])
			)
		)
	);
	if (user)
		lines.push(
			...block(
				'data "azurerm_user_assigned_identity" "vm"',
				attributes([
					['name', 'var.identity_name'],
					['resource_group_name', 'var.identity_resource_group_name'],
				])
			)
		);

	// The machine: a data source when it exists, else a resource.
	const osName = windows ? 'windows' : 'linux';
	let machineRef: string;
	if (!isNew) {
		const kind =
			options.target === 'arc'
				? 'azurerm_arc_machine'
				: scaleSet
					? 'azurerm_virtual_machine_scale_set'
					: 'azurerm_virtual_machine';
		const label = options.target === 'arc' ? 'machine' : scaleSet ? 'vmss' : 'vm';
		machineRef = `data.${kind}.${label}`;
		lines.push(
			...block(
				`data "${kind}" "${label}"`,
				attributes([
					['name', `var.${machineVar}`],
					['resource_group_name', 'var.resource_group_name'],
				])
			)
		);
	} else {
		lines.push(
			...block('data "azurerm_resource_group" "main"', ['name = var.resource_group_name'])
		);
		machineRef = scaleSet
			? flexible
				? 'azurerm_orchestrated_virtual_machine_scale_set.vmss'
				: `azurerm_${osName}_virtual_machine_scale_set.vmss`
			: `azurerm_${osName}_virtual_machine.vm`;
	}

	const principalId = user
		? 'data.azurerm_user_assigned_identity.vm.principal_id'
		: `${machineRef}.identity[0].principal_id`;
	let grant: string | undefined;
	const grantLines: string[] = [];
	if (options.access === 'role') {
		grant = 'azurerm_role_assignment.secrets_user';
		grantLines.push(
			...block(
				'resource "azurerm_role_assignment" "secrets_user"',
				attributes([
					['scope', 'data.azurerm_key_vault.kv.id'],
					['role_definition_name', hclString(secretsUserRole.name)],
					['principal_id', principalId],
					['principal_type', '"ServicePrincipal"'],
				])
			)
		);
	} else if (options.access === 'policy') {
		grant = 'azurerm_key_vault_access_policy.vm';
		const permissions = accessPolicySecretPermissions.map((p) =>
			hclString(p[0]!.toUpperCase() + p.slice(1))
		);
		grantLines.push(
			...block(
				'resource "azurerm_key_vault_access_policy" "vm"',
				attributes([
					['key_vault_id', 'data.azurerm_key_vault.kv.id'],
					['tenant_id', 'data.azurerm_key_vault.kv.tenant_id'],
					['object_id', principalId],
					['secret_permissions', `[${permissions.join(', ')}]`],
				])
			)
		);
	}

	const settings = extensionSettings(options, {
		url: (_certificate, i) =>
			expression(`data.azurerm_key_vault_certificate.${labels[i]}.versionless_secret_id`),
		clientId: expression('data.azurerm_user_assigned_identity.vm.client_id'),
	});
	const settingsLines = [
		`# ${out('comment.settingsJson')}`,
		`settings = jsonencode(${printHcl(settings)})`,
	];
	const type = extensionType(options.os);
	const name = extensionName(options.os);

	if (isNew) {
		const identity = user
			? block(
					'identity',
					attributes([
						['type', '"UserAssigned"'],
						['identity_ids', '[data.azurerm_user_assigned_identity.vm.id]'],
					])
				).slice(0, -1)
			: block('identity', ['type = "SystemAssigned"']).slice(0, -1);
		const machineDependsOn = user && grant ? [`depends_on = [${grant}]`] : [];
		const image = imageOf(options.os);
		const imageBlock = block(
			'source_image_reference',
			attributes([
				['publisher', hclString(image.publisher)],
				['offer', hclString(image.offer)],
				['sku', hclString(image.sku)],
				['version', hclString(image.version)],
			])
		).slice(0, -1);
		const osDisk = block(
			'os_disk',
			attributes([
				['caching', '"ReadWrite"'],
				['storage_account_type', '"Premium_LRS"'],
			])
		).slice(0, -1);
		const sshKey = block(
			'admin_ssh_key',
			attributes([
				['username', 'var.admin_username'],
				['public_key', 'var.admin_public_key'],
			])
		).slice(0, -1);
		const credentials = windows ? [] : sshKey;
		const inlineExtension = block('extension', [
			...attributes([
				['name', hclString(name)],
				['publisher', hclString(extensionPublisher)],
				['type', hclString(type)],
				['type_handler_version', hclString(options.version)],
				// The orchestrated scale set names this attribute differently (azurerm docs).
				[flexible ? 'auto_upgrade_minor_version_enabled' : 'auto_upgrade_minor_version', 'true'],
				...(flexible ? [] : [['automatic_upgrade_enabled', 'true'] as [string, string]]),
			]),
			'',
			...settingsLines.flatMap((l) => l.split('\n')),
		]).slice(0, -1);
		if (!scaleSet) {
			lines.push(
				...block('resource "azurerm_network_interface" "vm"', [
					...attributes([
						['name', '"${var.vm_name}-nic"'],
						['location', 'data.azurerm_resource_group.main.location'],
						['resource_group_name', 'var.resource_group_name'],
					]),
					'',
					...block(
						'ip_configuration',
						attributes([
							['name', '"ipconfig1"'],
							['subnet_id', 'var.subnet_id'],
							['private_ip_address_allocation', '"Dynamic"'],
						])
					).slice(0, -1),
				]),
				...block(`resource "azurerm_${osName}_virtual_machine" "vm"`, [
					...attributes([
						['name', 'var.vm_name'],
						['resource_group_name', 'var.resource_group_name'],
						['location', 'data.azurerm_resource_group.main.location'],
						['size', 'var.vm_size'],
						['admin_username', 'var.admin_username'],
						...(windows ? [['admin_password', 'var.admin_password'] as [string, string]] : []),
						['network_interface_ids', '[azurerm_network_interface.vm.id]'],
					]),
					'',
					...credentials,
					...(credentials.length ? [''] : []),
					...identity,
					'',
					...osDisk,
					'',
					...imageBlock,
					...(machineDependsOn.length ? ['', ...machineDependsOn] : []),
				])
			);
		} else {
			const networkInterface = block('network_interface', [
				...attributes([
					['name', '"${var.vmss_name}-nic"'],
					['primary', 'true'],
				]),
				'',
				...block(
					'ip_configuration',
					attributes([
						['name', '"ipconfig1"'],
						['primary', 'true'],
						['subnet_id', 'var.subnet_id'],
					])
				).slice(0, -1),
			]).slice(0, -1);
			const head = flexible
				? 'resource "azurerm_orchestrated_virtual_machine_scale_set" "vmss"'
				: `resource "azurerm_${osName}_virtual_machine_scale_set" "vmss"`;
			const osLines = flexible
				? block('os_profile', [
						...block(`${osName}_configuration`, [
							...attributes([
								['admin_username', 'var.admin_username'],
								...(windows ? [['admin_password', 'var.admin_password'] as [string, string]] : []),
							]),
							...(windows ? [] : ['', ...sshKey]),
						]).slice(0, -1),
					]).slice(0, -1)
				: [
						...attributes([
							['admin_username', 'var.admin_username'],
							...(windows ? [['admin_password', 'var.admin_password'] as [string, string]] : []),
						]),
						...(windows ? [] : ['', ...sshKey]),
					];
			lines.push(
				...block(head, [
					...attributes([
						['name', 'var.vmss_name'],
						['resource_group_name', 'var.resource_group_name'],
						['location', 'data.azurerm_resource_group.main.location'],
						[flexible ? 'sku_name' : 'sku', 'var.vm_size'],
						['instances', 'var.instance_count'],
						...(flexible ? [['platform_fault_domain_count', '1'] as [string, string]] : []),
					]),
					'',
					...osLines,
					'',
					...imageBlock,
					'',
					...osDisk,
					'',
					...networkInterface,
					'',
					...identity,
					'',
					...inlineExtension,
					...(machineDependsOn.length ? ['', ...machineDependsOn] : []),
				])
			);
		}
	}
	lines.push(...grantLines);

	if (!(isNew && scaleSet)) {
		const head =
			options.target === 'arc'
				? 'resource "azurerm_arc_machine_extension" "key_vault"'
				: scaleSet
					? 'resource "azurerm_virtual_machine_scale_set_extension" "key_vault"'
					: 'resource "azurerm_virtual_machine_extension" "key_vault"';
		const hostAttribute =
			options.target === 'arc'
				? 'arc_machine_id'
				: scaleSet
					? 'virtual_machine_scale_set_id'
					: 'virtual_machine_id';
		lines.push(
			...block(head, [
				...attributes([
					['name', hclString(name)],
					[hostAttribute, `${machineRef}.id`],
					...(options.target === 'arc'
						? [['location', `${machineRef}.location`] as [string, string]]
						: []),
					['publisher', hclString(extensionPublisher)],
					['type', hclString(type)],
					['type_handler_version', hclString(options.version)],
					// The Arc extension has no auto_upgrade_minor_version (azurerm docs).
					...(options.target === 'arc'
						? []
						: [['auto_upgrade_minor_version', 'true'] as [string, string]]),
					['automatic_upgrade_enabled', 'true'],
				]),
				'',
				...settingsLines.flatMap((l) => l.split('\n')),
				...(grant ? ['', `depends_on = [${grant}]`] : []),
			])
		);
	}
	return [{ name: 'main.tf', language: 'hcl', text: `${lines.join('\n').trimEnd()}\n` }];
}
