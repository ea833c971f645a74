// The form's answers ⇄ the builder's options, and which fields the chosen OS and version show, take
// or refuse (with the reason the builder gives). Pure: the custom element reads and writes the DOM.
import {
	defaultOptions,
	defaultPollingInterval,
	isScaleSet,
	versionFacts,
	type CertificateOptions,
	type RefusalCode,
	type ScaffoldOptions,
} from '../../../core/scaffold/index.ts';

/** Values of the form's controls by name (`os`, `cert.0.name`…): text, or checked for checkboxes. */
export type FieldValues = Record<string, string | boolean>;

/** Fields of one certificate, in the order they appear. */
export const certificateFields = [
	'name',
	'storeName',
	'storeLocation',
	'accounts',
	'keyExportable',
	'path',
	'symbolicLinkName',
	'acls',
] as const;
export type CertificateField = (typeof certificateFields)[number];

/** The control name of a certificate's field. */
export const certificateControl = (index: number, field: CertificateField) =>
	`cert.${index}.${field}`;

const text = (values: FieldValues, name: string, fallback = '') => {
	const value = values[name];
	return typeof value === 'string' ? value.trim() : fallback;
};
const list = (value: string) =>
	value
		.split(',')
		.map((part) => part.trim())
		.filter((part) => part !== '');

/** How a field is shown for the current answers. */
export interface FieldState {
	/** Not part of this OS, identity or machine (the field is hidden). */
	hidden: boolean;
	/** Not taken by the chosen version or target: shown disabled, with the builder's reason. */
	refused?: { code: RefusalCode; data: Record<string, string | number> };
}

/**
 * How each field (and each choice of a radio group, as `name:value`) is shown for some answers.
 * Certificate fields are keyed by their field name (`storeName`…): they are the same for every
 * certificate.
 */
export function fieldStates(options: ScaffoldOptions): Record<string, FieldState> {
	const facts = versionFacts(options.os, options.version);
	const windows = options.os === 'windows';
	const { version } = options;
	const arc = options.target === 'arc';
	const newScaleSet = options.machine === 'new' && isScaleSet(options.target);
	const shown = (visible: boolean): FieldState => ({ hidden: !visible });
	const refusedUnless = (
		ok: boolean,
		code: RefusalCode,
		data: Record<string, string | number> = {}
	): FieldState => (ok ? { hidden: false } : { hidden: false, refused: { code, data } });
	return {
		subnetId: shown(options.machine === 'new'),
		clientId: shown(options.identity.kind === 'user'),
		identityId: shown(options.identity.kind === 'user'),
		'machine:new': refusedUnless(!arc, 'arcNew'),
		'identity:user': refusedUnless(!arc, 'arcUserIdentity'),
		'form:nested': refusedUnless(options.machine === 'new', 'nestedExisting'),
		'form:child': refusedUnless(!newScaleSet, 'scaleSetChildNew'),
		linkOnRenewal: windows
			? refusedUnless(facts?.linking === 'setting', 'linkOnRenewalRemoved', { version })
			: shown(false),
		requireInitialSync: refusedUnless(
			facts?.initialSync === 'setting',
			'requireInitialSyncRemoved',
			{
				version,
			}
		),
		storeName: shown(windows),
		storeLocation: shown(windows),
		accounts: shown(windows),
		keyExportable: windows
			? refusedUnless(facts?.keyExportable === 'setting', 'keyExportableRemoved', { version })
			: shown(false),
		path: shown(!windows),
		symbolicLinkName: windows
			? shown(false)
			: refusedUnless(facts?.symbolicLinkName === true, 'symbolicLinkRemoved', { version }),
		acls: shown(!windows),
	};
}

/** Whether a field or choice takes a value for these answers (shown and not refused). */
const takes = (states: Record<string, FieldState>, key: string) =>
	!states[key]?.hidden && !states[key]?.refused;

/** How many certificates the values hold (`cert.N.name` fields). */
export function certificateCount(values: FieldValues): number {
	let count = 0;
	while (certificateControl(count, 'name') in values) count++;
	return count;
}

/**
 * The builder's options for the form's values. Fields the answers do not take (hidden, or refused
 * with a reason shown beside them) give no option; a radio choice that is refused gives way to the
 * other one (the reason stays shown at the choice).
 */
export function optionsFromFields(values: FieldValues): ScaffoldOptions {
	const os = values['os'] === 'linux' ? 'linux' : 'windows';
	const base = defaultOptions(os);
	const version = text(values, 'version') || base.version;
	const pollingText = text(values, 'polling');
	const draft: ScaffoldOptions = {
		...base,
		version,
		target:
			(['vm', 'vmss-uniform', 'vmss-flexible', 'arc'] as const).find(
				(t) => t === values['target']
			) ?? 'vm',
		machine: values['machine'] === 'new' ? 'new' : 'existing',
		// The compact form has no such fields: their defaults stand.
		machineName: text(values, 'machineName', base.machineName),
		resourceGroup: text(values, 'resourceGroup', base.resourceGroup),
		identity:
			values['identity'] === 'user'
				? {
						kind: 'user',
						clientId: text(values, 'clientId'),
						resourceId: text(values, 'identityId'),
					}
				: { kind: 'system' },
		vaultName: text(values, 'vaultName', base.vaultName),
		cloud: (['public', 'china', 'usgov'] as const).find((c) => c === values['cloud']) ?? 'public',
		certificates: [],
		pollingIntervalInS:
			pollingText === '' ? defaultPollingInterval(os, version) : Number(pollingText),
		access: (['role', 'policy', 'none'] as const).find((a) => a === values['access']) ?? 'role',
		form: values['form'] === 'nested' ? 'nested' : 'child',
	};
	let states = fieldStates(draft);
	if (draft.machine === 'new' && states['machine:new']?.refused) draft.machine = 'existing';
	if (draft.identity.kind === 'user' && states['identity:user']?.refused)
		draft.identity = { kind: 'system' };
	states = fieldStates(draft);
	if (draft.form === 'nested' && states['form:nested']?.refused) draft.form = 'child';
	else if (draft.form === 'child' && states['form:child']?.refused) draft.form = 'nested';
	states = fieldStates(draft);
	if (draft.machine === 'new') draft.subnetId = text(values, 'subnetId');
	if (takes(states, 'linkOnRenewal') && values['linkOnRenewal'] === true)
		draft.linkOnRenewal = true;
	if (takes(states, 'requireInitialSync') && values['requireInitialSync'] === true)
		draft.requireInitialSync = true;

	const count = certificateCount(values);
	for (let i = 0; i < count; i++) {
		const field = (name: CertificateField) => text(values, certificateControl(i, name));
		const certificate: CertificateOptions = { name: field('name') };
		if (takes(states, 'storeName') && field('storeName'))
			certificate.storeName = field('storeName');
		if (takes(states, 'storeLocation') && field('storeLocation'))
			certificate.storeLocation = field('storeLocation') as CertificateOptions['storeLocation'];
		if (takes(states, 'accounts') && list(field('accounts')).length)
			certificate.accounts = list(field('accounts'));
		if (takes(states, 'keyExportable') && values[certificateControl(i, 'keyExportable')] === true)
			certificate.keyExportable = true;
		if (takes(states, 'path') && field('path')) certificate.path = field('path');
		if (takes(states, 'symbolicLinkName') && field('symbolicLinkName'))
			certificate.symbolicLinkName = field('symbolicLinkName');
		if (takes(states, 'acls') && list(field('acls')).length)
			certificate.acls = list(field('acls')).map((entry) => {
				const [user, group] = entry.split(':').map((part) => part.trim());
				return { ...(user ? { user } : {}), ...(group ? { group } : {}) };
			});
		draft.certificates.push(certificate);
	}
	return draft;
}

/** The form's values for some options (the inverse of `optionsFromFields` for what they hold). */
export function fieldsFromOptions(options: ScaffoldOptions): FieldValues {
	const values: FieldValues = {
		os: options.os,
		version: options.version,
		target: options.target,
		machine: options.machine,
		machineName: options.machineName,
		resourceGroup: options.resourceGroup,
		subnetId: options.subnetId ?? '',
		identity: options.identity.kind,
		clientId: options.identity.kind === 'user' ? options.identity.clientId : '',
		identityId: options.identity.kind === 'user' ? options.identity.resourceId : '',
		vaultName: options.vaultName,
		cloud: options.cloud,
		access: options.access,
		polling: String(options.pollingIntervalInS),
		linkOnRenewal: options.linkOnRenewal === true,
		requireInitialSync: options.requireInitialSync === true,
		form: options.form,
	};
	options.certificates.forEach((c, i) => {
		values[certificateControl(i, 'name')] = c.name;
		values[certificateControl(i, 'storeName')] = c.storeName ?? '';
		values[certificateControl(i, 'storeLocation')] = c.storeLocation ?? 'LocalMachine';
		values[certificateControl(i, 'accounts')] = (c.accounts ?? []).join(', ');
		values[certificateControl(i, 'keyExportable')] = c.keyExportable === true;
		values[certificateControl(i, 'path')] = c.path ?? '';
		values[certificateControl(i, 'symbolicLinkName')] = c.symbolicLinkName ?? '';
		values[certificateControl(i, 'acls')] = (c.acls ?? [])
			.map((a) => (a.group ? `${a.user ?? ''}:${a.group}` : (a.user ?? '')))
			.join(', ');
	});
	return values;
}

/** The control a refusal is about: `certificates.0.path` → `cert.0.path`, `identity.clientId` → `clientId`. */
export function controlOfRefusal(field: string): string {
	const certificate = /^certificates\.(\d+)\.(\w+)/.exec(field);
	if (certificate) return `cert.${certificate[1]}.${certificate[2]}`;
	if (field === 'certificates') return 'cert.0.name';
	if (field === 'identity.clientId') return 'clientId';
	if (field === 'identity.resourceId') return 'identityId';
	if (field === 'pollingIntervalInS') return 'polling';
	return field;
}
