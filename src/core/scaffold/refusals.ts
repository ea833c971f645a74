import {
	documentedVersionsOf,
	nameRules,
	versionFacts,
	type VersionFacts,
	windowsStoreLocations,
} from './facts.ts';
import {
	isScaleSet,
	type CertificateOptions,
	type ScaffoldFormat,
	type ScaffoldOptions,
} from './options.ts';

/**
 * Why an answer cannot be turned into a template. Each code has a message in ja and en under
 * `kvcert.builder.refusal.<code>` (content/i18n), filled with `data`.
 */
export const refusalCodes = [
	'versionUnknown',
	'versionUnsupported',
	'arcNew',
	'arcUserIdentity',
	'nestedExisting',
	'linkOnRenewalLinux',
	'linkOnRenewalRemoved',
	'keyExportableLinux',
	'keyExportableRemoved',
	'requireInitialSyncRemoved',
	'initialSyncDeadlock',
	'profileDeadlock',
	'scaleSetChildNew',
	'newMachineScript',
	'terraformFlexibleSystem',
	'subnetId',
	'symbolicLinkWindows',
	'symbolicLinkRemoved',
	'aclsWindows',
	'accountsLinux',
	'storeLinux',
	'pathWindows',
	'pollingNotInteger',
	'pollingRange',
	'pollingPositive',
	'machineName',
	'machineNameMissing',
	'windowsComputerName',
	'resourceGroup',
	'resourceGroupMissing',
	'vaultName',
	'vaultNameMissing',
	'noCertificates',
	'tooManyCertificates',
	'certificateName',
	'certificateNameMissing',
	'certificateDuplicate',
	'storeName',
	'storeLocation',
	'account',
	'path',
	'symbolicLinkName',
	'aclEntry',
	'clientId',
	'clientIdMissing',
	'identityResourceId',
	'identityResourceIdMissing',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

/** One refused answer: what, where (a field path such as `certificates.0.path`) and the details. */
export interface Refusal {
	code: RefusalCode;
	field: string;
	data: Record<string, string | number>;
}

/** At most this many certificates per extension (a work limit of the builder; the docs set none). */
export const maxCertificates = 50;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `/subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/{name}` (§3.7, S30). */
const identityId =
	/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w.()]{1,90}\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[A-Z0-9][\w-]{2,127}$/i;
/** Azure resource names the builder writes into scripts: letters, digits, `.`, `_`, `-`. */
const machineName = /^[A-Z0-9](?:[\w.-]{0,62}\w)?$/i;
const resourceGroup = /^[-\w.()]{0,89}[-\w()]$/;
/** Windows store names as the docs write them (MY, TrustedPeople…). */
const storeName = /^[A-Z][A-Z0-9]{0,63}$/i;
/** Windows account names (`Network Service`, `IIS AppPool\DefaultAppPool`, `CONTOSO\svc-web`). */
const account = /^[A-Z0-9][\w .$@\\-]{0,103}$/i;
/** An absolute Linux folder without quotes, spaces or `..`. */
const linuxPath = /^(?:\/[\w.-]+)+\/?$/;
/** `/subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.Network/virtualNetworks/{vnet}/subnets/{subnet}` */
const subnetId =
	/^\/subscriptions\/[0-9a-f-]{36}\/resourceGroups\/[-\w.()]{1,90}\/providers\/Microsoft\.Network\/virtualNetworks\/[A-Z0-9][\w.-]{0,63}\/subnets\/[A-Z0-9][\w.-]{0,79}$/i;
const linkName = /^[A-Z0-9][\w.-]{0,254}$/i;
/** POSIX user and group names as useradd accepts them by default. */
const posixName = /^[a-z_][a-z0-9_-]{0,31}$/;

/**
 * Every answer the chosen OS and version cannot take, with the reason; empty when all is fine.
 * With a format, also what that format cannot write.
 */
export function refusalsOf(options: ScaffoldOptions, format?: ScaffoldFormat): Refusal[] {
	const refusals: Refusal[] = [];
	const refuse = (code: RefusalCode, field: string, data: Refusal['data'] = {}) =>
		refusals.push({ code, field, data: shortened(data) });
	const { os, version } = options;
	const facts = versionFacts(os, version);
	if (!facts)
		refuse('versionUnknown', 'version', {
			version,
			os: os === 'windows' ? 'Windows' : 'Linux',
			versions: documentedVersionsOf(os).join(', '),
		});
	else if (!facts.supported) refuse('versionUnsupported', 'version', { version });

	if (options.target === 'arc') {
		if (options.machine === 'new') refuse('arcNew', 'machine');
		if (options.identity.kind === 'user') refuse('arcUserIdentity', 'identity');
	}
	if (options.form === 'nested' && options.machine === 'existing') refuse('nestedExisting', 'form');
	// A scale set made here gets the extension in its model: an extension resource added after it
	// would reach its instances only when they are upgraded.
	if (options.form === 'child' && options.machine === 'new' && isScaleSet(options.target))
		refuse('scaleSetChildNew', 'form');
	// Scripts install the extension on a machine that exists; creating machines is not their part.
	if (options.machine === 'new' && (format === 'azcli' || format === 'powershell'))
		refuse('newMachineScript', 'machine', {
			format: format === 'azcli' ? 'Azure CLI' : 'Azure PowerShell',
		});
	// azurerm's orchestrated (Flexible) scale set takes user-assigned identities only.
	if (
		format === 'terraform' &&
		options.machine === 'new' &&
		options.target === 'vmss-flexible' &&
		options.identity.kind === 'system'
	)
		refuse('terraformFlexibleSystem', 'identity');
	const subnet = options.subnetId ?? '';
	if (options.machine === 'new' && options.target !== 'arc' && !subnetId.test(subnet))
		refuse('subnetId', 'subnetId', { value: subnet });

	checkNames(options, refuse);
	if (facts) {
		checkVersionSettings(options, facts, refuse);
		checkPolling(options, facts, refuse);
	}
	options.certificates.forEach((certificate, index) =>
		checkCertificate(options, facts, certificate, index, refuse)
	);
	return refusals;
}

/** Values quoted in a message are cut short: an answer can be anything a person pastes. */
function shortened(data: Refusal['data']): Refusal['data'] {
	return Object.fromEntries(
		Object.entries(data).map(([k, v]) => [
			k,
			typeof v === 'string' && v.length > 80 ? `${v.slice(0, 79)}…` : v,
		])
	);
}

type Refuse = (code: RefusalCode, field: string, data?: Refusal['data']) => void;

function checkNames(options: ScaffoldOptions, refuse: Refuse) {
	if (!machineName.test(options.machineName))
		refuse(options.machineName ? 'machineName' : 'machineNameMissing', 'machineName', {
			name: options.machineName,
		});
	else if (options.os === 'windows' && options.machine === 'new') {
		// Windows computer names: 15 characters; a scale set adds 6 to its prefix (S14).
		const max = isScaleSet(options.target) ? 9 : 15;
		if (options.machineName.length > max)
			refuse('windowsComputerName', 'machineName', { name: options.machineName, max });
	}
	if (!resourceGroup.test(options.resourceGroup))
		refuse(options.resourceGroup ? 'resourceGroup' : 'resourceGroupMissing', 'resourceGroup', {
			name: options.resourceGroup,
		});
	if (!nameRules.vault.test(options.vaultName))
		refuse(options.vaultName ? 'vaultName' : 'vaultNameMissing', 'vaultName', {
			name: options.vaultName,
		});
	if (options.identity.kind === 'user') {
		if (!guid.test(options.identity.clientId))
			refuse(options.identity.clientId ? 'clientId' : 'clientIdMissing', 'identity.clientId', {
				value: options.identity.clientId,
			});
		if (!identityId.test(options.identity.resourceId))
			refuse(
				options.identity.resourceId ? 'identityResourceId' : 'identityResourceIdMissing',
				'identity.resourceId',
				{ value: options.identity.resourceId }
			);
	}
	if (options.certificates.length === 0) refuse('noCertificates', 'certificates');
	if (options.certificates.length > maxCertificates)
		refuse('tooManyCertificates', 'certificates', { max: maxCertificates });
	const seen = new Set<string>();
	options.certificates.forEach((c, i) => {
		// Key Vault names are case-insensitive (§4.4, S13).
		const key = c.name.toLowerCase();
		if (seen.has(key)) refuse('certificateDuplicate', `certificates.${i}.name`, { name: c.name });
		seen.add(key);
	});
}

function checkVersionSettings(options: ScaffoldOptions, facts: VersionFacts, refuse: Refuse) {
	const { version } = options;
	if (options.linkOnRenewal !== undefined) {
		if (facts.linking === 'none') refuse('linkOnRenewalLinux', 'linkOnRenewal');
		else if (facts.linking === 'always')
			refuse('linkOnRenewalRemoved', 'linkOnRenewal', { version });
	}
	if (options.requireInitialSync !== undefined && facts.initialSync === 'always')
		refuse('requireInitialSyncRemoved', 'requireInitialSync', { version });
	// The docs' deadlock: a template that creates a system-assigned identity and grants it access,
	// with requireInitialSync on (§4.9, S1, S2, S7; the checker's KV037).
	if (
		options.requireInitialSync === true &&
		facts.initialSync === 'setting' &&
		options.identity.kind === 'system' &&
		options.machine === 'new' &&
		options.access !== 'none'
	)
		refuse('initialSyncDeadlock', 'requireInitialSync');
	// 4.0 always waits for every certificate (§2.4, S1, S11): a scale set created with the extension
	// in its model cannot finish while its new identity's access waits for the scale set.
	else if (
		facts.initialSync === 'always' &&
		isScaleSet(options.target) &&
		options.identity.kind === 'system' &&
		options.machine === 'new' &&
		options.access !== 'none'
	)
		refuse('profileDeadlock', 'form', { version: options.version });
}

function checkPolling(options: ScaffoldOptions, facts: VersionFacts, refuse: Refuse) {
	const value = options.pollingIntervalInS;
	if (!Number.isSafeInteger(value))
		return refuse('pollingNotInteger', 'pollingIntervalInS', { value: String(value) });
	const { min, max } = facts.polling;
	if (min !== undefined && max !== undefined && (value < min || value > max))
		refuse('pollingRange', 'pollingIntervalInS', { value, min, max, version: options.version });
	else if (value < 1) refuse('pollingPositive', 'pollingIntervalInS', { value });
}

function checkCertificate(
	options: ScaffoldOptions,
	facts: VersionFacts | undefined,
	certificate: CertificateOptions,
	index: number,
	refuse: Refuse
) {
	const at = (name: string) => `certificates.${index}.${name}`;
	const windows = options.os === 'windows';
	if (!nameRules.secret.test(certificate.name))
		refuse(certificate.name ? 'certificateName' : 'certificateNameMissing', at('name'), {
			name: certificate.name,
		});
	if (windows) {
		if (certificate.storeName !== undefined && !storeName.test(certificate.storeName))
			refuse('storeName', at('storeName'), { name: certificate.storeName });
		if (
			certificate.storeLocation !== undefined &&
			!(windowsStoreLocations as readonly string[]).includes(certificate.storeLocation)
		)
			refuse('storeLocation', at('storeLocation'), { value: certificate.storeLocation });
		if (certificate.path !== undefined) refuse('pathWindows', at('path'));
		if (certificate.symbolicLinkName !== undefined)
			refuse('symbolicLinkWindows', at('symbolicLinkName'));
		if (certificate.acls !== undefined) refuse('aclsWindows', at('acls'));
		for (const [i, name] of (certificate.accounts ?? []).entries())
			if (!account.test(name)) refuse('account', at(`accounts.${i}`), { name });
		if (certificate.keyExportable !== undefined && facts?.keyExportable === 'never')
			refuse('keyExportableRemoved', at('keyExportable'), { version: options.version });
		return;
	}
	if (certificate.storeName !== undefined || certificate.storeLocation !== undefined)
		refuse('storeLinux', at(certificate.storeName !== undefined ? 'storeName' : 'storeLocation'));
	if (certificate.accounts !== undefined) refuse('accountsLinux', at('accounts'));
	if (certificate.keyExportable !== undefined) refuse('keyExportableLinux', at('keyExportable'));
	if (certificate.path !== undefined && !linuxPath.test(certificate.path))
		refuse('path', at('path'), { path: certificate.path });
	if (certificate.symbolicLinkName !== undefined) {
		if (facts && !facts.symbolicLinkName)
			refuse('symbolicLinkRemoved', at('symbolicLinkName'), { version: options.version });
		else if (!linkName.test(certificate.symbolicLinkName))
			refuse('symbolicLinkName', at('symbolicLinkName'), { name: certificate.symbolicLinkName });
	}
	for (const [i, entry] of (certificate.acls ?? []).entries()) {
		const names = [entry.user, entry.group].filter((n) => n !== undefined);
		if (names.length === 0 || names.some((n) => !posixName.test(n)))
			refuse('aclEntry', at(`acls.${i}`), { entry: names.join(':') });
	}
}
