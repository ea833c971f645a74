/** What a live snippet runs: a TypeScript sample file, or the IMDS token request made by the server. */
export type LiveSnippetKind = 'sample' | 'imds';

/** One live snippet: what the page shows and what the server may run for it. */
export interface LiveSnippetEntry {
	kind: LiveSnippetKind;
	/** The sample shown on the page (repo-relative). Absent for `imds`, whose curl stays in the prose. */
	file?: string;
	/** The certificate the run reads from the demo vault (CERTIFICATE_NAME). */
	certificate?: string;
	/** Whether the page offers "run and renew in Key Vault" (the emulator adds a version mid-run). */
	renewable?: boolean;
	/** Whether the run calls a function the sample exports (through a fixed driver) instead of the file itself. */
	driver?: boolean;
	/** Whether the sample is a server that runs until stopped: the run stops it after a few seconds. */
	server?: boolean;
	/** Whether the run gives the sample the demo service principal's client secret (architecture 1). */
	clientSecret?: boolean;
}

/**
 * The live snippets, by id. The only things the run API accepts: an id from this list, never a
 * path or code. The page, the type check and the run use the same sample files.
 */
export const LIVE_SNIPPETS = {
	'get-certificate': {
		kind: 'sample',
		file: 'samples/managed-identity/get-certificate.ts',
		certificate: 'webcert',
	},
	'load-certificate': {
		kind: 'sample',
		file: 'samples/managed-identity/load-certificate.ts',
		certificate: 'apicert',
		driver: true,
	},
	'https-server': {
		kind: 'sample',
		file: 'samples/managed-identity/https-server.ts',
		certificate: 'apicert',
		renewable: true,
		server: true,
	},
	'client-secret': {
		kind: 'sample',
		file: 'samples/service-principal/client-secret.ts',
		certificate: 'webcert',
		clientSecret: true,
	},
	'imds-token': { kind: 'imds' },
	// The Start-here path: the Key Vault half of it, on a certificate of its own (each run of
	// create-certificate adds a version, so it never touches the versions other pages show).
	'create-certificate': {
		kind: 'sample',
		file: 'samples/start-here/create-certificate.ts',
		certificate: 'tutorial-cert',
	},
	'list-versions': {
		kind: 'sample',
		file: 'samples/start-here/list-versions.ts',
		certificate: 'tutorial-cert',
	},
} as const satisfies Record<string, LiveSnippetEntry>;

/** A live snippet id. */
export type LiveSnippetId = keyof typeof LIVE_SNIPPETS;

/** Whether a value is a known live snippet id (own keys only: `constructor` or `__proto__` are not). */
export function isLiveSnippetId(value: unknown): value is LiveSnippetId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(LIVE_SNIPPETS, value);
}

/** One line of a run's output, as the page shows it. */
export interface SnippetOutputLine {
	/** `note` lines come from the runner (renewal, stop), not from the sample. */
	stream: 'stdout' | 'stderr' | 'note';
	text: string;
}

/** One HTTP request the Azure SDK logged (or the server made, for `imds`). */
export interface SnippetTraceEntry {
	/** Which endpoint: the (demo) IMDS, Key Vault or Entra ID, or anything else. */
	service: 'imds' | 'vault' | 'entra' | 'other';
	method: string;
	/** Host as the client saw it. */
	host: string;
	/** Path and query, with the SDK's own redactions. */
	path: string;
	/** Null when no response was logged. */
	status: number | null;
	/** Milliseconds from the request to its response, as seen from the runner. */
	ms: number | null;
}

/** How a run ended. */
export type SnippetOutcome = 'ok' | 'failed' | 'timeout' | 'stopped' | 'outputLimit';

/** The answer of `POST /api/snippets/run`. */
export interface SnippetTranscript {
	sample: LiveSnippetId;
	outcome: SnippetOutcome;
	/** The sentence that says how the run ended, in the request's language. */
	summary: string;
	exitCode: number | null;
	durationMs: number;
	output: SnippetOutputLine[];
	trace: SnippetTraceEntry[];
	/** The raw JSON body (imds only), redacted. */
	responseBody?: string;
	/** Whether output was cut at the size limit. */
	truncated: boolean;
}

/** The error answer of `POST /api/snippets/run`. */
export interface SnippetErrorResponse {
	error: { code: string; message: string };
}
