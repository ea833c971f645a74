import type { Lang } from '../../../core/i18n/lang.ts';
import type {
	LiveSnippetId,
	SnippetErrorResponse,
	SnippetTranscript,
} from '../../../core/snippets/catalog.ts';
import { apiFetch, ApiRefusedError } from '../api-refusal.ts';

/** What the page shows after pressing Run. */
export type SnippetRunResult =
	| { kind: 'transcript'; transcript: SnippetTranscript }
	| { kind: 'error'; message: string }
	/** No kvcert server behind the page (static build, or the server is down). */
	| { kind: 'needsServer' };

/** The request {@link runSnippet} sends. */
export interface SnippetRunRequest {
	sample: LiveSnippetId;
	lang: Lang;
	renew?: boolean;
}

/**
 * Asks the kvcert server to run a live snippet. A static host answers the POST with a 404 page or
 * a 405, and a stopped server not at all: both mean "needs npm start", never a raw error. When the
 * server is busy it waits and tries again, telling `onWait` (src/components/widgets/api-refusal.ts).
 */
export async function runSnippet(
	request: SnippetRunRequest,
	fetchImpl: typeof fetch = fetch,
	onWait?: (text: string) => void
): Promise<SnippetRunResult> {
	let response: Response;
	try {
		response = await apiFetch(
			`/api/snippets/run?lang=${request.lang}`,
			{
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(request),
			},
			{ fetchImpl, timeoutMs: 60_000, ...(onWait ? { onWait } : {}) }
		);
	} catch (error) {
		return error instanceof ApiRefusedError
			? { kind: 'error', message: error.message }
			: { kind: 'needsServer' };
	}
	const type = response.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) return { kind: 'needsServer' };
	let body: SnippetTranscript | SnippetErrorResponse;
	try {
		body = (await response.json()) as SnippetTranscript | SnippetErrorResponse;
	} catch {
		return { kind: 'needsServer' };
	}
	if ('error' in body && typeof body.error?.message === 'string')
		return { kind: 'error', message: body.error.message };
	if (!response.ok || !('output' in body) || !Array.isArray(body.output))
		return { kind: 'needsServer' };
	return { kind: 'transcript', transcript: body };
}
