import type { ExtensionStatus, StoreFile } from './types.ts';

// The wire format of the live simulator: `GET /api/simulator/live` streams Server-Sent Events named
// `session`, `poll` and `end`, each with one JSON object below; `POST /api/simulator/control` takes
// a {@link LiveControlRequest}. The server (src/server/simulator) writes these, the widget reads
// them: both import the types from here. New fields are added as optional, never renamed.

/** Actions the control endpoint takes on a session's vault. */
export type LiveControlAction = 'renew' | 'disable' | 'revoke' | 'grant';

/** Body of `POST /api/simulator/control`. */
export interface LiveControlRequest {
	session: string;
	action: LiveControlAction;
}

/** The `session` event: the session started. */
export interface LiveSessionEvent {
	id: string;
	os: string;
	version: string;
	/** Accelerated polling interval in seconds. */
	interval: number;
	/** Name of the certificate the simulated VM observes. */
	certificate: string;
	/** ISO time at which the session ends. */
	endsAt: string;
}

/** One HTTP request of a poll: method, path and status (0: no answer). Never headers or bodies. */
export interface LiveTraceEntry {
	method: string;
	path: string;
	status: number;
}

/** A certificate in the simulated VM's store after a poll. */
export interface LiveCertificate {
	store: string;
	version: string;
	subject: string;
	thumbprint: string;
	/** Unix seconds. */
	notBefore: number;
	/** Unix seconds. */
	notAfter: number;
	hasPrivateKey: boolean;
	/** Windows linking: the thumbprint of the certificate that renews this one. */
	renewedBy?: string;
}

/** A version in the vault as the poll read it. */
export interface LiveVaultVersion {
	version: string;
	thumbprint: string;
	enabled: boolean;
}

/** One log line, already in the session's language. */
export interface LiveLogLine {
	level: string;
	text: string;
}

/** The `poll` event: what the simulated VM has after one poll of the real SDK. */
export interface LivePollEvent {
	/** 0 for the first poll. */
	index: number;
	/** Unix seconds of the poll on the simulated clock. */
	at: number;
	status: ExtensionStatus;
	/** True when this poll could not download every certificate (the extension retries). */
	failed?: boolean;
	trace: LiveTraceEntry[];
	/** Whether the VM's identity may read the vault. */
	access: boolean;
	vault?: LiveVaultVersion[];
	certificates: LiveCertificate[];
	files: Pick<StoreFile, 'path' | 'kind' | 'mode' | 'target'>[];
	log: LiveLogLine[];
	/** The poll itself failed (network, emulator): a message in the session's language. */
	error?: string;
}

/** The `end` event: the session ended (time or poll limit, or an error). */
export interface LiveEndEvent {
	reason: 'time' | 'polls' | 'error';
	message: string;
}
