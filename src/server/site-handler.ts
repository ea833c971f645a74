import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { allowedHosts, isAllowedRequestHost, publicOrigins } from './allowed-hosts.ts';
import { CLIENT_HEADER, clientKeyOf } from './client-limits.ts';
import { isJsonContentType } from './json-content-type.ts';
import { contentSecurityPolicy, siteScriptHashes } from './content-security-policy.ts';
import { langOf } from '../core/i18n/lang.ts';
import { uiTranslator } from '../core/i18n/ui-strings.ts';
import { acceptLanguageTags, preferredLanguage } from '../core/preferred-language.ts';

/** A Node request handler (the Astro node adapter's `handler` has this shape). */
export type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

/** What {@link createSiteHandler} needs besides the adapter's handler. */
export interface SiteHandlerOptions {
	/** The built client folder (dist/client): its pages' inline scripts are hashed into the CSP. */
	clientDirectory: string;
	/** Where HOST and PUBLIC_ORIGIN come from. @default process.env */
	env?: NodeJS.ProcessEnv;
	/** More host names the API answers (room mode: the machine's name). */
	extraHosts?: string[];
}

const ALLOWED_METHODS = 'GET, HEAD';
/** API paths that also take POST (JSON bodies; the handler checks type and size). */
const POST_PATHS = new Set([
	'/api/simulator/control',
	'/api/snippets/run',
	'/api/room/join',
	'/api/room/progress',
	'/api/room/facilitator',
	'/api/room/leave',
]);

/** Cache-Control for a path: hashed assets for a year, pages briefly, the API never. */
export function cacheControlFor(pathname: string): string {
	// no-transform keeps the compression middleware from holding Server-Sent Events back.
	if (pathname === '/api/simulator/live' || pathname === '/api/room/events')
		return 'no-store, no-transform';
	if (pathname.startsWith('/api/')) return 'no-store';
	if (pathname.startsWith('/_astro/')) return 'public, max-age=31536000, immutable';
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	if (last === '' || last.endsWith('.html') || !last.includes('.')) return 'public, max-age=60';
	return 'public, max-age=3600';
}

/** Response headers every answer carries, pages, files and API alike. */
export function securityHeaders(csp: string): Record<string, string> {
	return {
		'Content-Security-Policy': csp,
		'X-Content-Type-Options': 'nosniff',
		'Referrer-Policy': 'strict-origin-when-cross-origin',
		'X-Frame-Options': 'DENY',
		'Cross-Origin-Opener-Policy': 'same-origin',
	};
}

/** Drops `name` from headers given to writeHead (object or flat array form). */
function withoutHeader(
	headers: OutgoingHttpHeaders | unknown[] | undefined,
	name: string
): OutgoingHttpHeaders | unknown[] | undefined {
	if (!headers) return headers;
	if (Array.isArray(headers)) {
		const out: unknown[] = [];
		for (let i = 0; i < headers.length; i += 2)
			if (String(headers[i]).toLowerCase() !== name) out.push(headers[i], headers[i + 1]);
		return out;
	}
	return Object.fromEntries(Object.entries(headers).filter(([k]) => k.toLowerCase() !== name));
}

/**
 * Wraps the site's handler with what the adapter does not do: GET and HEAD only (405 with
 * `Allow`, where TRACE used to crash into a 500), `/404` as the 404 page, API requests only for
 * allowed host names (DNS rebinding), security headers with a CSP on every response, and
 * Cache-Control per route.
 */
export function createSiteHandler(handler: NodeHandler, options: SiteHandlerOptions): NodeHandler {
	const headers = securityHeaders(contentSecurityPolicy(siteScriptHashes(options.clientDirectory)));
	const env = options.env ?? process.env;
	const hosts = allowedHosts(env, options.extraHosts);
	const origins = publicOrigins(env);
	return (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		const isApi = url.pathname.startsWith('/api/');
		const cacheControl = cacheControlFor(url.pathname);
		for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
		// Our Cache-Control wins over the adapter's and the static file server's.
		const writeHead = response.writeHead;
		response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
			const last = args.length - 1;
			if (typeof args[last] === 'object')
				args[last] = withoutHeader(args[last] as OutgoingHttpHeaders, 'cache-control');
			if (!isApi || !response.hasHeader('cache-control'))
				response.setHeader('Cache-Control', cacheControl);
			return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
		} as ServerResponse['writeHead'];

		const lang = langOf(url.searchParams.get('lang') ?? request.headers['accept-language']);
		const refuse = (
			status: number,
			code: string,
			extra: Record<string, string> = {},
			message = uiTranslator(lang)(`kvcert.thumbprint.api.${code}`)
		) => {
			// An EventSource cannot read a refused answer's body: tell it in an event it can read.
			if (isApi && /text\/event-stream/.test(request.headers.accept ?? '')) {
				const refused = { status, code, message, retrying: false };
				response.writeHead(200, {
					'Content-Type': 'text/event-stream; charset=utf-8',
					...extra,
				});
				response.end(`event: refused\ndata: ${JSON.stringify(refused)}\n\n`);
				return;
			}
			const body = isApi ? JSON.stringify({ error: { code, message } }) : `${message}\n`;
			response.writeHead(status, {
				'Content-Type': isApi ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
				'Content-Length': Buffer.byteLength(body),
				...extra,
			});
			response.end(request.method === 'HEAD' ? undefined : body);
		};
		const postAllowed = POST_PATHS.has(url.pathname);
		if (
			request.method !== 'GET' &&
			request.method !== 'HEAD' &&
			!(request.method === 'POST' && postAllowed)
		)
			return refuse(405, 'methodNotAllowed', {
				Allow: postAllowed ? `${ALLOWED_METHODS}, POST` : ALLOWED_METHODS,
			});
		const hostHeaders = {
			host: request.headers.host,
			origin: request.headers.origin,
			localAddress: request.socket?.localAddress,
		};
		if (isApi && !isAllowedRequestHost(hostHeaders, hosts, origins))
			return refuse(
				403,
				'hostNotAllowed',
				{},
				uiTranslator(lang)('kvcert.api.hostNotAllowed', {
					host: String(request.headers.host ?? '').slice(0, 100),
				})
			);
		// JSON bodies only, answered here in the API's shape and the caller's language: after this
		// handler, Astro's origin check would answer a text/plain or form POST with a text 403.
		if (request.method === 'POST' && !isJsonContentType(request.headers['content-type']))
			return refuse(415, 'notJson', {}, uiTranslator(lang)('kvcert.api.notJson'));
		// Per-client limits read the connection's address, never a header the client could send.
		if (isApi) {
			delete request.headers[CLIENT_HEADER];
			if (request.socket?.remoteAddress)
				request.headers[CLIENT_HEADER] = clientKeyOf(request.socket.remoteAddress);
		}
		// The home page in the visitor's language (both home pages link the other language).
		if (url.pathname === '/') {
			const home = preferredLanguage(acceptLanguageTags(request.headers['accept-language']));
			response.writeHead(302, { Location: `/${home}/${url.search}`, Vary: 'Accept-Language' });
			return response.end();
		}
		// The adapter answers /404 with a 500; serve the 404 page as for any unknown path.
		if (/^\/404(?:\/|\.html)?$/.test(url.pathname)) request.url = '/__kvcert-not-found/';
		handler(request, response);
	};
}
