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
	/** No kvcert server behind the page: a static host's 404 page or 405. */
	| { kind: 'needsServer' }
	/** The request got no answer (network down, server stopped, no answer in time). */
	| { kind: 'unreachable' }
	/** The server answered with an error of its own and no sentence for it (HTTP 5xx). */
	| { kind: 'serverError'; status: number };

/** The request {@link runSnippet} sends. */
export interface SnippetRunRequest {
	sample: LiveSnippetId;
	lang: Lang;
	renew?: boolean;
}

/**
 * Asks the kvcert server to run a live snippet. A static host answers the POST with a 404 page or
 * a 405: that alone means "needs npm start". No answer at all, or a 5xx without a sentence, is said
 * as what it is, never as a static build. When the server is busy it waits and tries again,
 * telling `onWait` (src/components/widgets/api-refusal.ts).
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
			: { kind: 'unreachable' };
	}
	const otherwise = (): SnippetRunResult =>
		response.status >= 500
			? { kind: 'serverError', status: response.status }
			: { kind: 'needsServer' };
	const type = response.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) return otherwise();
	let body: SnippetTranscript | SnippetErrorResponse;
	try {
		body = (await response.json()) as SnippetTranscript | SnippetErrorResponse;
	} catch {
		return otherwise();
	}
	if ('error' in body && typeof body.error?.message === 'string')
		return { kind: 'error', message: body.error.message };
	if (!response.ok || !('output' in body) || !Array.isArray(body.output)) return otherwise();
	return { kind: 'transcript', transcript: body };
}
