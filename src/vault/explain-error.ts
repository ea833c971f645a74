/** A failure turned into plain advice: HTTP status for our API, a stable code, the message key. */
export interface ExplainedError {
	status: number;
	code:
		| 'forbidden'
		| 'notFound'
		| 'unauthorized'
		| 'noCredential'
		| 'timeout'
		| 'cancelled'
		| 'unreachable'
		| 'throttled'
		| 'failed';
	/** Values for the message placeholders. */
	values: Record<string, string | number>;
}

const NETWORK_CODES = new Set([
	'ENOTFOUND',
	'EAI_AGAIN',
	'ECONNREFUSED',
	'ECONNRESET',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'CERT_HAS_EXPIRED',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
]);
const CREDENTIAL_ERRORS = new Set([
	'CredentialUnavailableError',
	'AuthenticationError',
	'AggregateAuthenticationError',
	'AuthenticationRequiredError',
]);

/**
 * Classifies an error from the Azure SDK or the credential chain. Only the class of error, the
 * HTTP status and Key Vault's error code are looked at; the raw message (which can name the
 * caller's identity) is never passed on.
 */
export function explainError(error: unknown, timeoutSeconds: number): ExplainedError {
	const e = (error ?? {}) as { name?: string; statusCode?: number; code?: string };
	if (e.name === 'AbortError' || e.name === 'TimeoutError')
		return { status: 504, code: 'timeout', values: { seconds: timeoutSeconds } };
	if (e.name && CREDENTIAL_ERRORS.has(e.name))
		return { status: 502, code: 'noCredential', values: {} };
	if (e.statusCode === 403) return { status: 403, code: 'forbidden', values: {} };
	if (e.statusCode === 404) return { status: 404, code: 'notFound', values: {} };
	if (e.statusCode === 401) return { status: 502, code: 'unauthorized', values: {} };
	if (e.statusCode === 429) return { status: 503, code: 'throttled', values: {} };
	if (!e.statusCode && e.code && NETWORK_CODES.has(e.code))
		return { status: 502, code: 'unreachable', values: {} };
	const code = typeof e.code === 'string' ? e.code.replace(/\W/g, '').slice(0, 60) : '';
	return {
		status: 502,
		code: 'failed',
		values: { status: e.statusCode ?? '-', code: code || 'Error' },
	};
}
