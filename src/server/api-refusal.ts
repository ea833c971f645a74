import type { Lang } from '../core/i18n/index.ts';
import { uiTranslator } from '../core/i18n/ui-strings.ts';
import { jsonResponse } from './json-response.ts';

/**
 * The body every API refusal has: a stable code and the reason in the caller's language; for a
 * refusal worth retrying, the seconds to wait (also in `Retry-After`) and a sentence that says the
 * page tries again, with `{{seconds}}` for the page to count down. Pages read it with
 * src/components/widgets/api-refusal.ts.
 */
export interface RefusalBody {
	error: {
		code: string;
		message: string;
		retryAfter?: number;
		retry?: string;
	};
}

/** The refusal body, with the retry sentence when `retryAfter` is given. */
export function refusalBody(
	lang: Lang,
	code: string,
	message: string,
	retryAfter?: number
): RefusalBody {
	return {
		error: {
			code,
			message,
			...(retryAfter === undefined
				? {}
				: {
						retryAfter,
						retry: uiTranslator(lang)('kvcert.api.retrying'),
					}),
		},
	};
}

/** A JSON refusal response (`Retry-After` set when `retryAfter` is given). */
export function refusalResponse(
	status: number,
	lang: Lang,
	code: string,
	message: string,
	retryAfter?: number,
	headers: Record<string, string> = {}
): Response {
	return jsonResponse(refusalBody(lang, code, message, retryAfter), status, {
		...(retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) }),
		...headers,
	});
}
