import type { ExtensionConfig, ExtensionOs } from '../extension/index.ts';

export type { ExtensionConfig, ObservedEntry } from '../extension/index.ts';

/** Operating system the simulated extension runs on. */
export type SimOs = ExtensionOs;

/** One version of a certificate in the simulated vault. */
export interface VaultVersion {
	/** 32 hex characters. */
	version: string;
	subject: string;
	/** Subject alternative names (DNS); Windows linking matches on these. */
	sans: string[];
	/** SHA-1 thumbprint, 40 upper-case hex characters. */
	thumbprint: string;
	/** Unix seconds. */
	notBefore: number;
	notAfter: number;
	enabled: boolean;
	/** The Key Vault policy's `exportable`: false means the secret carries no private key. */
	exportable: boolean;
}

/** A certificate of the simulated vault, versions oldest first. */
export interface VaultCertificate {
	name: string;
	versions: VaultVersion[];
	deleted: boolean;
}

/** The simulated vault and what the VM's identity may do with it. */
export interface VaultState {
	certificates: VaultCertificate[];
	/** The identity may read secrets (Key Vault Secrets User / get+list). */
	access: boolean;
	/** The VM has the managed identity the extension uses. */
	identity: boolean;
}

/** Something that happens in the vault or to the VM's identity, `at` seconds after the start. */
export type VaultEvent =
	| { at: number; kind: 'new-version'; certificate: string; version: VaultVersion }
	| { at: number; kind: 'disable-version'; certificate: string; version: string }
	| { at: number; kind: 'enable-version'; certificate: string; version: string }
	| { at: number; kind: 'delete-certificate'; certificate: string }
	| { at: number; kind: 'revoke-access' }
	| { at: number; kind: 'grant-access' }
	| { at: number; kind: 'remove-identity' }
	| { at: number; kind: 'restore-identity' };

/** A certificate the extension has installed (Windows store entry, or one PEM version on Linux). */
export interface InstalledCertificate {
	/** Windows: `LocalMachine\MY`; Linux: the folder. */
	store: string;
	certificateName: string;
	version: string;
	subject: string;
	sans: string[];
	thumbprint: string;
	notBefore: number;
	notAfter: number;
	hasPrivateKey: boolean;
	/** Windows: whether the private key may be exported from the VM; `undocumented` where the docs say nothing. */
	keyExportable: boolean | 'undocumented' | 'not-applicable';
	/** Windows linking (CERT_RENEWAL_PROP_ID): the thumbprint of the certificate that renews this one. */
	renewedBy?: string;
	/** Unix seconds of the poll that installed it. */
	installedAt: number;
}

/** A file or symbolic link the Linux extension writes. */
export interface StoreFile {
	path: string;
	kind: 'file' | 'symlink';
	/** Octal mode, e.g. `600`. */
	mode: string;
	owner: string;
	/** For a symbolic link: the path it points to. */
	target?: string;
	/** Thumbprint of the certificate in the file (certificate files only). */
	thumbprint?: string;
	/** ACL entries granted on the file (Linux 3.0 `acls` with `aclEnabled`, 4.x always). */
	acls?: { user?: string; group?: string }[];
}

/** Identifiers of the simulator's own remarks (rendered in ja or en by messages.ts). */
export type NoteId =
	| 'unknownVersion'
	| 'pollingNotString'
	| 'pollingDefaultUndocumented'
	| 'pollingDefault'
	| 'pollingClamped'
	| 'pollingInvalid'
	| 'stringFormV4'
	| 'stringFormUndocumented'
	| 'objectFormUndocumented'
	| 'versionedRejected'
	| 'versionedUndocumented'
	| 'notSecretsUrl'
	| 'notSecretsUrlRejected'
	| 'badUrl'
	| 'storeDefault'
	| 'linuxFolderConflict'
	| 'linuxNamingUndocumented'
	| 'v4TimestampUndocumented'
	| 'keptAfterFailure'
	| 'keptAfterDelete'
	| 'olderVersionDisabled'
	| 'v4OlderVersionsKept'
	| 'secondNewestUnavailable'
	| 'noPrivateKey'
	| 'linked'
	| 'iisRebind'
	| 'initialSyncRetries'
	| 'identityMissing'
	| 'chainIncluded'
	| 'nothingNew';

/** One line of the simulated log: the extension's own style, or a remark of the simulator. */
export type LogLine =
	| { at: number; level: 'info' | 'warning' | 'error'; kind: 'extension'; text: string }
	| {
			at: number;
			level: 'info' | 'warning' | 'error';
			kind: 'note';
			id: NoteId;
			data: Record<string, string>;
	  };

/** The extension's provisioning status as the platform would show it. */
export type ExtensionStatus = 'transitioning' | 'success' | 'error';

/** What the VM has after one poll. */
export interface PollResult {
	/** 0 for the first poll (when the extension starts). */
	index: number;
	/** Unix seconds. */
	at: number;
	status: ExtensionStatus;
	/**
	 * The poll could not download every observed certificate: the extension logs "Failed to download
	 * one or more certificates, retrying..." and reports that as its status message.
	 */
	failed: boolean;
	certificates: InstalledCertificate[];
	/** Linux only: files and symbolic links, sorted by path. */
	files: StoreFile[];
	/** Log lines written during this poll. */
	log: LogLine[];
	/** Vault events applied just before this poll. */
	events: VaultEvent[];
}

/** Input of {@link simulate}. */
export interface SimulationInput {
	config: ExtensionConfig;
	vault: VaultState;
	events: VaultEvent[];
	/** Unix seconds of the extension's start (first poll). */
	start: number;
	/** How many polls to run. @default 4 */
	polls?: number;
	/** Replace the polling interval (accelerated demo); the log says so. */
	intervalOverride?: number;
}

/** Output of {@link simulate}. */
export interface Simulation {
	/** Polling interval the extension uses, in seconds (0 when it does not start). */
	interval: number;
	/** Log lines written when the extension reads its settings. */
	startLog: LogLine[];
	polls: PollResult[];
}
