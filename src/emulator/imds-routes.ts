import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson, withoutTrailingSlashes } from './http-helpers.ts';
import type { ManagedIdentity, TokenRegistry } from './identities.ts';

/** What the fake IMDS needs. */
export interface ImdsContext {
	identities: ManagedIdentity[];
	tokens: TokenRegistry;
}

const invalid = (description: string) => ({
	error: 'invalid_request',
	error_description: description,
});

/** Picks the identity a token request names with client_id, object_id or msi_res_id (or the system one). */
function selectIdentity(query: URLSearchParams, identities: ManagedIdentity[]) {
	const clientId = query.get('client_id');
	const objectId = query.get('object_id');
	const resourceId = query.get('msi_res_id');
	const named = [clientId, objectId, resourceId].filter((v) => v !== null);
	if (named.length > 1) return { error: 'Multiple identity selectors were specified.' };
	if (clientId !== null)
		return {
			identity: identities.find((i) => i.clientId.toLowerCase() === clientId.toLowerCase()),
		};
	if (objectId !== null)
		return {
			identity: identities.find((i) => i.objectId.toLowerCase() === objectId.toLowerCase()),
		};
	if (resourceId !== null)
		return {
			identity: identities.find(
				(i) => i.kind === 'user' && i.resourceId.toLowerCase() === resourceId.toLowerCase()
			),
		};
	return { identity: identities.find((i) => i.kind === 'system') };
}

/**
 * Host names the IMDS answers: loopback (how the emulator is reached) and IMDS's own address. A
 * page on another name (DNS rebinding) gets no token.
 */
const IMDS_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\]|169\.254\.169\.254)(?::\d{1,5})?$/i;

/**
 * The Azure Instance Metadata Service token endpoint, as a VM sees it:
 * `GET /metadata/identity/oauth2/token[/]?api-version=…&resource=…[&client_id|object_id|msi_res_id]`
 * with `Metadata: true`. Research: keyvault-sdk.md §3.2–3.4 and §6.7.
 */
export function handleImdsRequest(req: IncomingMessage, res: ServerResponse, context: ImdsContext) {
	const url = new URL(req.url ?? '/', 'http://imds.invalid');
	const path = withoutTrailingSlashes(url.pathname);
	if (path !== '/metadata/identity/oauth2/token') {
		sendJson(res, 404, invalid('Not found'));
		return;
	}
	if (req.method !== 'GET') {
		sendJson(res, 405, invalid('Only GET is supported'));
		return;
	}
	// Real IMDS refuses requests that carry X-Forwarded-For (a sign they came through a proxy).
	if (req.headers['x-forwarded-for'] !== undefined) {
		sendJson(res, 400, invalid('Requests with an X-Forwarded-For header are not accepted'));
		return;
	}
	if (!IMDS_HOST.test(req.headers.host ?? '')) {
		sendJson(res, 403, invalid('The IMDS emulator answers loopback host names only'));
		return;
	}
	if (String(req.headers['metadata'] ?? '').toLowerCase() !== 'true') {
		sendJson(res, 400, invalid('Required metadata header not specified'));
		return;
	}
	if (!url.searchParams.get('api-version')) {
		sendJson(res, 400, invalid("Required query variable 'api-version' is missing"));
		return;
	}
	const resource = url.searchParams.get('resource');
	if (!resource) {
		sendJson(res, 400, invalid("Required query variable 'resource' is missing"));
		return;
	}
	const selected = selectIdentity(url.searchParams, context.identities);
	if (selected.error || !selected.identity) {
		sendJson(res, 400, invalid(selected.error ?? 'Identity not found'));
		return;
	}
	const { token, expiresOn } = context.tokens.issue(resource, selected.identity);
	const now = Math.floor(Date.now() / 1000);
	sendJson(res, 200, {
		access_token: token,
		client_id: selected.identity.clientId,
		expires_in: String(expiresOn - now),
		expires_on: String(expiresOn),
		ext_expires_in: String(expiresOn - now),
		not_before: String(now),
		resource,
		token_type: 'Bearer',
	});
}
