import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, sendJson, withoutTrailingSlashes } from './http-helpers.ts';
import type { ManagedIdentity, TokenRegistry } from './identities.ts';

/** The Microsoft Entra ID host the emulator answers as (for clients that reach it through a tunnel). */
export const ENTRA_HOST = 'login.microsoftonline.com';

/** A service principal with a client secret, as architecture 1 stores it on the VM. */
export interface DemoServicePrincipal {
	clientId: string;
	objectId: string;
	/** Demo only: it opens nothing but the emulator. */
	clientSecret: string;
}

/** The demo app registration whose client secret the service-principal sample uses. */
export const DEMO_SERVICE_PRINCIPAL: DemoServicePrincipal = {
	clientId: '44444444-4444-4444-8444-444444444444',
	objectId: '44444444-aaaa-4aaa-8aaa-444444444444',
	clientSecret: 'kvcert-demo-client-secret-not-a-real-one',
};

/** What the token endpoint needs. */
export interface EntraContext {
	tenantId: string;
	tokens: TokenRegistry;
	principal: DemoServicePrincipal;
}

const aadError = (error: string, code: number, description: string) => ({
	error,
	error_description: `AADSTS${code}: ${description}`,
	error_codes: [code],
});

/**
 * The smallest part of Microsoft Entra ID that a confidential client (MSAL, as
 * `ClientSecretCredential` uses it) needs: the v2.0 token endpoint's client-credentials grant for
 * the demo service principal (MSAL knows login.microsoftonline.com's metadata without asking).
 * Tokens are the emulator's own, accepted by its vault.
 */
export async function handleEntraRequest(
	req: IncomingMessage,
	res: ServerResponse,
	context: EntraContext
): Promise<void> {
	const url = new URL(req.url ?? '/', `https://${ENTRA_HOST}`);
	const path = withoutTrailingSlashes(url.pathname);
	const tenantPath = /^\/([0-9a-f-]{36})(\/.*)$/.exec(path);
	if (!tenantPath || tenantPath[1] !== context.tenantId) {
		sendJson(res, 400, aadError('invalid_tenant', 90002, 'Tenant not found.'));
		return;
	}
	if (req.method === 'POST' && tenantPath[2] === '/oauth2/v2.0/token') {
		let form: URLSearchParams;
		try {
			form = new URLSearchParams(await readBody(req, 16 * 1024));
		} catch (error) {
			const tooLarge = error instanceof BodyTooLargeError;
			sendJson(
				res,
				400,
				aadError(
					'invalid_request',
					90014,
					tooLarge ? 'The request body is too large.' : 'Bad request.'
				)
			);
			return;
		}
		if (form.get('grant_type') !== 'client_credentials') {
			sendJson(
				res,
				400,
				aadError('unsupported_grant_type', 70003, 'The app requested an unsupported grant type.')
			);
			return;
		}
		const principal = context.principal;
		if (form.get('client_id')?.toLowerCase() !== principal.clientId) {
			sendJson(
				res,
				400,
				aadError('unauthorized_client', 700016, 'Application not found in the directory.')
			);
			return;
		}
		if (form.get('client_secret') !== principal.clientSecret) {
			sendJson(res, 401, aadError('invalid_client', 7000215, 'Invalid client secret provided.'));
			return;
		}
		const scope = form.get('scope') ?? '';
		const resource = scope
			.split(' ')
			.find((s) => s.endsWith('/.default'))
			?.replace(/\/\.default$/, '');
		if (!resource) {
			sendJson(
				res,
				400,
				aadError('invalid_scope', 1002012, 'The provided value for scope is not valid.')
			);
			return;
		}
		const identity: ManagedIdentity = {
			kind: 'servicePrincipal',
			clientId: principal.clientId,
			objectId: principal.objectId,
			resourceId: '',
			canReadVault: true,
		};
		const { token, expiresOn } = context.tokens.issue(resource, identity);
		const expiresIn = expiresOn - Math.floor(Date.now() / 1000);
		sendJson(res, 200, {
			token_type: 'Bearer',
			expires_in: expiresIn,
			ext_expires_in: expiresIn,
			access_token: token,
		});
		return;
	}
	sendJson(
		res,
		404,
		aadError('invalid_request', 900561, 'The endpoint only accepts the requests the demo needs.')
	);
}
