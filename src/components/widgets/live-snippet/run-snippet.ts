import type { Lang } from '../../../core/i18n/lang.ts';
import type {
	LiveSnippetId,
	SnippetErrorResponse,
	SnippetTranscript,
} from '../../../core/snippets/catalog.ts';

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
 * a 405, and a stopped server not at all: both mean "needs npm start", never a raw error.
 */
export async function runSnippet(
	request: SnippetRunRequest,
	fetchImpl: typeof fetch = fetch
): Promise<SnippetRunResult> {
	let response: Response;
	try {
		response = await fetchImpl('/api/snippets/run', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(request),
			signal: AbortSignal.timeout(60_000),
		});
	} catch {
		return { kind: 'needsServer' };
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
