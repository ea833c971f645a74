import { parseObservedUrl, type ParsedObservedUrl } from './observed-url.ts';
import { extensionProfile, type ExtensionProfile } from '../extension/index.ts';
import type {
	ExtensionStatus,
	InstalledCertificate,
	LogLine,
	NoteId,
	ObservedEntry,
	PollResult,
	Simulation,
	SimulationInput,
	StoreFile,
	VaultCertificate,
	VaultEvent,
	VaultState,
	VaultVersion,
} from './types.ts';
import { trimEnd } from '../trim-end.ts';

/** Default Linux store folder (research §2.10; the 2.0 schema text names another, see the note). */
export const LINUX_DEFAULT_STORE = '/var/lib/waagent/Microsoft.Azure.KeyVault.Store';
/** Most polls one simulation runs: the output stays bounded whatever the input asks. */
export const MAX_POLLS = 200;
/** Most vault events one simulation applies. */
export const MAX_EVENTS = 1000;

/** One observed certificate after the settings are read. */
interface Target {
	entry: ObservedEntry;
	url: ParsedObservedUrl;
	/** Windows `LocalMachine\MY`; Linux folder. */
	store: string;
	linkName: string;
	installedOnce: boolean;
}

interface Ctx {
	profile: ExtensionProfile;
	input: SimulationInput;
	vault: VaultState;
	installed: InstalledCertificate[];
	files: Map<string, StoreFile>;
	log: LogLine[];
	now: number;
}

const clone = (vault: VaultState): VaultState => ({
	access: vault.access,
	identity: vault.identity,
	certificates: vault.certificates.map((c) => ({
		name: c.name,
		deleted: c.deleted,
		versions: c.versions.map((v) => ({ ...v, sans: [...v.sans] })),
	})),
});

function line(ctx: Ctx, level: 'info' | 'warning' | 'error', text: string): void {
	ctx.log.push({ at: ctx.now, level, kind: 'extension', text });
}

function note(
	ctx: Ctx,
	level: 'info' | 'warning' | 'error',
	id: NoteId,
	data: Record<string, string> = {}
): void {
	ctx.log.push({ at: ctx.now, level, kind: 'note', id, data });
}

const findCertificate = (vault: VaultState, name: string): VaultCertificate | undefined =>
	vault.certificates.find((c) => c.name.toLowerCase() === name.toLowerCase());

/** Applies one vault event to the (cloned) vault. */
function applyEvent(vault: VaultState, event: VaultEvent): void {
	switch (event.kind) {
		case 'new-version': {
			let certificate = findCertificate(vault, event.certificate);
			if (!certificate) {
				certificate = { name: event.certificate, versions: [], deleted: false };
				vault.certificates.push(certificate);
			}
			certificate.deleted = false;
			certificate.versions.push({ ...event.version, sans: [...event.version.sans] });
			break;
		}
		case 'disable-version':
		case 'enable-version': {
			const version = findCertificate(vault, event.certificate)?.versions.find(
				(v) => v.version === event.version
			);
			if (version) version.enabled = event.kind === 'enable-version';
			break;
		}
		case 'delete-certificate': {
			const certificate = findCertificate(vault, event.certificate);
			if (certificate) certificate.deleted = true;
			break;
		}
		case 'revoke-access':
		case 'grant-access':
			vault.access = event.kind === 'grant-access';
			break;
		case 'remove-identity':
		case 'restore-identity':
			vault.identity = event.kind === 'restore-identity';
			break;
	}
}

/** The polling interval in seconds, with the log lines that explain it; undefined when the extension fails. */
function readInterval(ctx: Ctx): number | undefined {
	const { profile } = ctx;
	const written = ctx.input.config.pollingIntervalInS;
	if (typeof written === 'number') {
		// P1 / I1: the real message, reported for KeyVaultForWindows.
		line(ctx, 'error', "Failed to parse the configuration settings with: 'not a string'");
		note(ctx, 'error', 'pollingNotString', { value: String(written) });
		return undefined;
	}
	let interval: number;
	if (written === undefined) {
		if (profile.polling.default !== undefined) {
			interval = profile.polling.default;
			note(ctx, 'info', 'pollingDefault', { seconds: String(interval) });
		} else {
			interval = 3600;
			note(ctx, 'warning', 'pollingDefaultUndocumented', { seconds: String(interval) });
		}
	} else if (/^\d{1,9}$/.test(written.trim())) {
		interval = Number(written.trim());
	} else {
		note(ctx, 'error', 'pollingInvalid', { value: written.slice(0, 40) });
		return undefined;
	}
	const { min, max } = profile.polling;
	if (min !== undefined && max !== undefined && (interval < min || interval > max)) {
		const clamped = Math.min(max, Math.max(min, interval));
		note(ctx, 'warning', 'pollingClamped', { value: String(interval), seconds: String(clamped) });
		interval = clamped;
	}
	if (interval <= 0) {
		note(ctx, 'error', 'pollingInvalid', { value: String(interval) });
		return undefined;
	}
	return interval;
}

/** Reads observedCertificates as the extension of this version would. */
function readTargets(ctx: Ctx): Target[] {
	const { profile } = ctx;
	const { config } = ctx.input;
	const targets: Target[] = [];
	let notedStore = false;
	let notedNaming = false;
	for (const entry of config.observedCertificates) {
		const shown = entry.url.slice(0, 200);
		if (entry.form !== profile.observedForm) {
			if (profile.otherForm === 'rejected') {
				note(ctx, 'error', 'stringFormV4', { url: shown });
			} else {
				note(
					ctx,
					'warning',
					entry.form === 'string' ? 'stringFormUndocumented' : 'objectFormUndocumented',
					{
						url: shown,
						version: config.version,
					}
				);
			}
			continue;
		}
		const url = parseObservedUrl(entry.url);
		if (!url) {
			note(ctx, 'error', 'badUrl', { url: shown });
			continue;
		}
		if (url.collection !== 'secrets') {
			note(
				ctx,
				'error',
				profile.os === 'linux' && profile.version === '4.0'
					? 'notSecretsUrlRejected'
					: 'notSecretsUrl',
				{
					url: shown,
					collection: url.collection,
				}
			);
			continue;
		}
		if (url.version) {
			note(
				ctx,
				profile.versionedUrl === 'rejected' ? 'error' : 'warning',
				profile.versionedUrl === 'rejected' ? 'versionedRejected' : 'versionedUndocumented',
				{
					url: shown,
					version: config.version,
				}
			);
			continue;
		}
		let store: string;
		if (profile.os === 'windows') {
			const name =
				(profile.observedForm === 'string'
					? config.certificateStoreName
					: entry.certificateStoreName) ?? undefined;
			const location =
				(profile.observedForm === 'string'
					? config.certificateStoreLocation
					: entry.certificateStoreLocation) ?? undefined;
			if ((!name || !location) && profile.version !== '4.0' && !notedStore) {
				note(ctx, 'warning', 'storeDefault', { version: config.version });
				notedStore = true;
			}
			store = `${location ?? 'LocalMachine'}\\${(name ?? 'MY').toUpperCase()}`;
		} else {
			const folder =
				(profile.observedForm === 'object' ? entry.certificateStoreLocation : undefined) ??
				config.certificateStoreLocation;
			if (!folder && profile.linuxLayout === 'v1-2' && !notedStore) {
				note(ctx, 'info', 'linuxFolderConflict', { folder: LINUX_DEFAULT_STORE });
				notedStore = true;
			}
			store = trimEnd(folder ?? LINUX_DEFAULT_STORE, '/') || '/';
			if (profile.linuxLayout === 'v1-2' && !notedNaming) {
				note(ctx, 'info', 'linuxNamingUndocumented');
				notedNaming = true;
			}
			if (profile.linuxLayout === 'v4' && !notedNaming) {
				note(ctx, 'info', 'v4TimestampUndocumented');
				notedNaming = true;
			}
		}
		const custom = profile.linuxLayout === 'v3' ? entry.customSymbolicLinkName : undefined;
		targets.push({
			entry,
			url,
			store,
			linkName: custom && /^[\w.-]{1,128}$/.test(custom) ? custom : `${url.vaultName}.${url.name}`,
			installedOnce: false,
		});
	}
	return targets;
}

/** Versions this version of the extension fetches for one certificate, newest first. */
function wantedVersions(profile: ExtensionProfile, certificate: VaultCertificate): VaultVersion[] {
	return [...certificate.versions].reverse().slice(0, profile.installsNewest);
}

function keyExportable(
	profile: ExtensionProfile,
	entry: ObservedEntry
): InstalledCertificate['keyExportable'] {
	switch (profile.keyExportable) {
		case 'setting':
			return entry.keyExportable ?? 'undocumented';
		case 'never':
			return false;
		case 'undocumented':
			return 'undocumented';
		default:
			return 'not-applicable';
	}
}

function linkRenewed(ctx: Ctx, installed: InstalledCertificate): void {
	const { profile } = ctx;
	const on =
		profile.linking === 'always' ||
		(profile.linking === 'setting' && ctx.input.config.linkOnRenewal === true);
	if (!on) return;
	const sans = new Set(installed.sans.map((s) => s.toLowerCase()));
	for (const other of ctx.installed) {
		if (other === installed || other.store !== installed.store || other.renewedBy) continue;
		if (other.notBefore >= installed.notBefore) continue;
		if (!other.sans.some((s) => sans.has(s.toLowerCase()))) continue;
		other.renewedBy = installed.thumbprint;
		note(ctx, 'info', 'linked', { old: other.thumbprint, new: installed.thumbprint });
	}
	if (profile.linking === 'always') note(ctx, 'info', 'iisRebind');
}

function writeLinuxFiles(ctx: Ctx, target: Target, version: VaultVersion, newest: boolean): void {
	const { profile } = ctx;
	const dir = target.store === '/' ? '' : target.store;
	const base = `${dir}/${target.url.vaultName}.${target.url.name}`;
	const acls =
		profile.linuxLayout === 'v4' ||
		(profile.linuxLayout === 'v3' && ctx.input.config.aclEnabled === true)
			? target.entry.acls
			: undefined;
	const put = (file: StoreFile) => {
		const withAcl = acls && acls.length > 0 && file.kind === 'file' ? { ...file, acls } : file;
		ctx.files.set(file.path, withAcl);
	};
	if (profile.linuxLayout === 'v4') {
		const pem = `${base}.${version.version}.pem.${ctx.now}`;
		const keyid = `${base}.${version.version}.keyid.${ctx.now}`;
		put({ path: pem, kind: 'file', mode: '600', owner: 'root', thumbprint: version.thumbprint });
		put({ path: keyid, kind: 'file', mode: '600', owner: 'root' });
		put({ path: `${base}.luma`, kind: 'file', mode: '644', owner: 'root' });
		if (newest) {
			put({ path: `${base}.pem`, kind: 'symlink', mode: '777', owner: 'root', target: pem });
			put({ path: `${base}.keyid`, kind: 'symlink', mode: '777', owner: 'root', target: keyid });
		}
		return;
	}
	const file = `${base}.${version.version}`;
	put({ path: file, kind: 'file', mode: '600', owner: 'root', thumbprint: version.thumbprint });
	if (newest)
		put({
			path: `${dir}/${target.linkName}`,
			kind: 'symlink',
			mode: '777',
			owner: 'root',
			target: file,
		});
}

function install(ctx: Ctx, target: Target, version: VaultVersion, newest: boolean): boolean {
	const { profile } = ctx;
	const already = ctx.installed.find(
		(c) => c.store === target.store && c.thumbprint === version.thumbprint
	);
	if (already) {
		if (profile.os === 'linux' && newest) writeLinuxFiles(ctx, target, version, true);
		return false;
	}
	const certificate: InstalledCertificate = {
		store: target.store,
		certificateName: target.url.name,
		version: version.version,
		subject: version.subject,
		sans: [...version.sans],
		thumbprint: version.thumbprint,
		notBefore: version.notBefore,
		notAfter: version.notAfter,
		hasPrivateKey: version.exportable,
		keyExportable: version.exportable ? keyExportable(profile, target.entry) : 'not-applicable',
		installedAt: ctx.now,
	};
	ctx.installed.push(certificate);
	if (profile.os === 'windows') {
		line(
			ctx,
			'info',
			`Certificate '${version.thumbprint}' (${version.subject}) installed into ${target.store}.`
		);
	} else {
		writeLinuxFiles(ctx, target, version, newest);
		line(
			ctx,
			'info',
			`Certificate '${version.thumbprint}' (${version.subject}) written to ${target.store}.`
		);
		if (profile.chainInPem && !target.installedOnce) note(ctx, 'info', 'chainIncluded');
	}
	if (!version.exportable) note(ctx, 'warning', 'noPrivateKey', { thumbprint: version.thumbprint });
	if (profile.os === 'windows') linkRenewed(ctx, certificate);
	return true;
}

/** One poll: refresh every target; returns whether all targets are installed. */
function poll(ctx: Ctx, targets: Target[], state: { failures: number }): boolean {
	const { profile, vault } = ctx;
	if (!vault.identity) {
		line(ctx, 'error', 'IMDS returned 400: Identity not found');
		line(ctx, 'error', 'Failed to download one or more certificates, retrying...');
		note(ctx, 'error', 'identityMissing');
		for (const target of targets)
			if (
				ctx.installed.some((c) => c.store === target.store && c.certificateName === target.url.name)
			) {
				note(ctx, 'info', 'keptAfterFailure', { name: target.url.name });
				break;
			}
		state.failures++;
		return false;
	}
	let failed = false;
	let changed = false;
	for (const target of targets) {
		line(ctx, 'info', `Refreshing '${target.url.display}'`);
		const certificate = findCertificate(vault, target.url.name);
		const fail = (status: string, code: string) => {
			line(
				ctx,
				'error',
				`Refreshing '${target.url.display}' failed with exception: ${status} (${code})`
			);
			if (
				ctx.installed.some((c) => c.store === target.store && c.certificateName === target.url.name)
			)
				note(ctx, 'info', certificate?.deleted ? 'keptAfterDelete' : 'keptAfterFailure', {
					name: target.url.name,
				});
			failed = true;
		};
		if (!vault.access) {
			fail('403 Forbidden', 'ForbiddenByPolicy');
			continue;
		}
		if (!certificate || certificate.deleted || certificate.versions.length === 0) {
			fail('404 Not Found', 'SecretNotFound');
			continue;
		}
		const wanted = wantedVersions(profile, certificate);
		const [newest, ...older] = wanted;
		const noteDisabled = () => {
			for (const c of ctx.installed)
				if (
					c.store === target.store &&
					c.certificateName === target.url.name &&
					certificate.versions.some((v) => v.version === c.version && !v.enabled)
				)
					note(ctx, 'info', 'olderVersionDisabled', { thumbprint: c.thumbprint });
		};
		if (!newest!.enabled) {
			fail('403 Forbidden', 'SecretDisabled');
			noteDisabled();
			continue;
		}
		if (install(ctx, target, newest!, true)) changed = true;
		for (const version of older) {
			if (!version.enabled) {
				note(ctx, 'info', 'secondNewestUnavailable', { version: version.version });
				continue;
			}
			if (install(ctx, target, version, false)) changed = true;
		}
		target.installedOnce = true;
		noteDisabled();
		const installedHere = ctx.installed.filter(
			(c) => c.store === target.store && c.certificateName === target.url.name
		);
		if (profile.installsNewest === 2 && installedHere.length > 2)
			note(ctx, 'info', 'v4OlderVersionsKept', { count: String(installedHere.length) });
	}
	if (failed) {
		line(ctx, 'error', 'Failed to download one or more certificates, retrying...');
		state.failures++;
	}
	if (!failed && !changed) note(ctx, 'info', 'nothingNew');
	return targets.length > 0 && targets.every((t) => t.installedOnce);
}

/**
 * Runs the Key Vault VM extension of one OS and version over a timeline of vault events and returns
 * what the VM has after each poll. Pure and deterministic: the same input gives the same output.
 */
export function simulate(input: SimulationInput): Simulation {
	const { config } = input;
	const profile = extensionProfile(config.os, config.version);
	const startLog: LogLine[] = [];
	if (!profile) {
		startLog.push({
			at: input.start,
			level: 'error',
			kind: 'note',
			id: 'unknownVersion',
			data: { os: config.os, version: config.version.slice(0, 20) },
		});
		return { interval: 0, startLog, polls: [] };
	}
	const ctx: Ctx = {
		profile,
		input,
		vault: clone(input.vault),
		installed: [],
		files: new Map(),
		log: startLog,
		now: input.start,
	};
	// The two configuration lines the research quotes from real logs (I7: Windows 3.1 with accounts;
	// I19: Linux with the list of URL strings); other versions' lines are not known, so none is written.
	if (
		profile.os === 'windows' &&
		profile.version === '3.0' &&
		config.observedCertificates.some((e) => e.form === 'object' && e.accounts?.length)
	)
		line(ctx, 'info', 'Found v3.x configuration with ACL');
	if (profile.os === 'linux' && config.observedCertificates.some((e) => e.form === 'string'))
		line(ctx, 'info', 'Found v1.x config');
	const written = readInterval(ctx);
	const targets = written === undefined ? [] : readTargets(ctx);
	if (written === undefined) return { interval: 0, startLog, polls: [] };
	const interval =
		input.intervalOverride && input.intervalOverride > 0
			? Math.floor(input.intervalOverride)
			: written;
	const waitsForAll = profile.initialSync === 'always' || config.requireInitialSync === true;
	if (waitsForAll && profile.initialSync === 'setting') note(ctx, 'info', 'initialSyncRetries');
	const events = [...input.events].slice(0, MAX_EVENTS).sort((a, b) => a.at - b.at);
	let nextEvent = 0;
	const polls: PollResult[] = [];
	const state = { failures: 0 };
	let status: ExtensionStatus = waitsForAll ? 'transitioning' : 'success';
	const count = Math.max(0, Math.min(MAX_POLLS, Math.floor(input.polls ?? 4)));
	for (let index = 0; index < count; index++) {
		const at = input.start + index * interval;
		const applied: VaultEvent[] = [];
		while (nextEvent < events.length && input.start + events[nextEvent]!.at <= at) {
			applyEvent(ctx.vault, events[nextEvent]!);
			applied.push(events[nextEvent]!);
			nextEvent++;
		}
		ctx.now = at;
		ctx.log = [];
		const failuresBefore = state.failures;
		const complete = poll(ctx, targets, state);
		if (waitsForAll && status === 'transitioning' && complete) status = 'success';
		if (targets.length === 0) status = waitsForAll ? 'transitioning' : status;
		polls.push({
			index,
			at,
			status,
			failed: state.failures > failuresBefore,
			certificates: ctx.installed.map((c) => ({ ...c, sans: [...c.sans] })),
			files: [...ctx.files.values()].sort((a, b) =>
				a.path < b.path ? -1 : a.path > b.path ? 1 : 0
			),
			log: ctx.log,
			events: applied,
		});
	}
	return { interval, startLog, polls };
}
