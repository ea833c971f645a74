import type { ExtensionStatus } from './types.ts';

/**
 * The wire format of `GET /api/simulator/live` (Server-Sent Events), shared by the server
 * (src/server/simulator/) and the renewal simulator's live client. Changes are additive only:
 * older pages keep working against a newer server.
 *
 * A stream sends `session` once, then one `poll` per poll of the vault, and `end` when it stops.
 * `refused` (added for room mode) says why the server cannot start the stream yet or at all; when
 * `retrying` is true the server keeps the stream open and tries again after `retryAfter` seconds.
 */

/** Names of the events a live stream sends. */
export type LiveEventName = 'session' | 'poll' | 'end' | 'refused';

/** Actions `POST /api/simulator/control` takes on a session's vault. */
export type LiveControlAction = 'renew' | 'disable' | 'revoke' | 'grant';

/** Body of `POST /api/simulator/control`. */
export interface LiveControlRequest {
	session: string;
	action: LiveControlAction;
}

/** `session`: the stream started. */
export interface LiveSessionEvent {
	/** Id for `POST /api/simulator/control`. */
	id: string;
	os: 'windows' | 'linux';
	version: string;
	/** Accelerated polling interval in seconds. */
	interval: number;
	/** The certificate the simulated VM watches. */
	certificate: string;
	/** When the server ends the stream (ISO 8601). */
	endsAt: string;
}

/** One HTTP request of a poll: method, path and status only (never headers, tokens or bodies). */
export interface LiveTraceEntry {
	method: string;
	path: string;
	/** 0 when no answer came (network error). */
	status: number;
}

/** A certificate in the simulated VM's store after a poll. */
export interface LiveStoreCertificate {
	store: string;
	version: string;
	subject: string;
	thumbprint: string;
	/** Unix seconds. */
	notBefore: number;
	notAfter: number;
	hasPrivateKey: boolean;
	renewedBy?: string;
}

/** A file in the simulated Linux store folder. */
export interface LiveStoreFile {
	path: string;
	kind: 'file' | 'symlink';
	mode: string;
	target?: string;
}

/** `poll`: what one poll read from the vault and what the simulated extension did with it. */
export interface LivePollEvent {
	/** 0 for the stream's first poll. */
	index: number;
	/** Simulated time of the poll (Unix seconds). */
	at: number;
	status: ExtensionStatus;
	/** True when this poll could not download every certificate (the extension retries). */
	failed?: boolean;
	/** The real SDK's requests for this poll. */
	trace: LiveTraceEntry[];
	/** False when the vault refused the VM's identity. */
	access: boolean;
	/** The versions the poll saw in the vault. */
	vault: { version: string; thumbprint: string; enabled: boolean }[];
	certificates: LiveStoreCertificate[];
	files: LiveStoreFile[];
	log: { level: string; text: string }[];
	/** Why the poll failed, in the stream's language. */
	error?: string;
}

/** `end`: the stream stops (the server closes it right after). */
export interface LiveEndEvent {
	reason: 'time' | 'polls' | 'error' | 'refused';
	message: string;
}

/** `refused`: the server cannot start the stream (yet). */
export interface LiveRefusedEvent {
	/** The HTTP status a plain request would have had (403, 429, 503…). */
	status: number;
	/** A stable code (`hostNotAllowed`, `busy`, `tooManyForClient`…). */
	code: string;
	/** Why, in the stream's language. */
	message: string;
	/** Whether the server tries again on this stream by itself. */
	retrying: boolean;
	/** Seconds until the next try (when retrying). */
	retryAfter?: number;
	/** "Trying again in {{seconds}} s" in the stream's language (when retrying). */
	retry?: string;
}
