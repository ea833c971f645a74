/**
 * Whether a Content-Type is exactly JSON: the media type `application/json`, with no parameter but
 * `charset`. Anything else — `text/plain`, a form, `application/jsonx`, or a second media type
 * after the semicolon (`application/json;text/plain`, which Astro's origin check reads as
 * text/plain) — is refused, so a cross-site form or text POST never reaches a handler.
 */
export function isJsonContentType(value: string | null | undefined): boolean {
	const [mediaType, ...parameters] = (value ?? '').split(';');
	if (mediaType?.trim().toLowerCase() !== 'application/json') return false;
	return parameters.every((parameter) =>
		/^\s*charset\s*=\s*(?:"[\w-]+"|[\w-]+)\s*$/i.test(parameter)
	);
}
