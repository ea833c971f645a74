import { isIP } from 'node:net';

/**
 * Which host names the server answers API requests for (against DNS rebinding: a hostile page on
 * evil.example whose name is made to resolve to 127.0.0.1 sends `Host: evil.example`). Allowed:
 * localhost, 127.0.0.1, ::1, the HOST the server listens on, the host of each PUBLIC_ORIGIN, and
 * `extra` names (room mode adds the machine's name). Besides these, a request is allowed whose Host
 * is the very IP address its connection arrived on (see {@link isAllowedRequestHost}).
 */
export function allowedHosts(
	env: NodeJS.ProcessEnv = process.env,
	extra: string[] = []
): Set<string> {
	const hosts = new Set(['localhost', '127.0.0.1', '[::1]']);
	const listen = env['HOST']?.trim();
	if (listen && listen !== '0.0.0.0' && listen !== '::')
		hosts.add(
			listen.includes(':') && !listen.startsWith('[') ? `[${listen}]` : listen.toLowerCase()
		);
	for (const origin of publicOrigins(env)) hosts.add(new URL(origin).hostname.toLowerCase());
	for (const name of extra) if (name.trim()) hosts.add(name.trim().toLowerCase());
	return hosts;
}

/** The origins in PUBLIC_ORIGIN (comma-separated; unparsable entries allow nothing). */
export function publicOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
	const origins: string[] = [];
	for (const entry of (env['PUBLIC_ORIGIN'] ?? '').split(',')) {
		try {
			if (entry.trim()) origins.push(new URL(entry.trim()).origin);
		} catch {
			// An unparsable PUBLIC_ORIGIN allows nothing extra.
		}
	}
	return origins;
}

/** The host name of a `Host` header value (`example.com:4321` → `example.com`, `[::1]:80` → `[::1]`). */
function hostName(value: string): string | undefined {
	try {
		return new URL(`http://${value.trim()}`).hostname.toLowerCase();
	} catch {
		return undefined;
	}
}

/** An IP address without brackets or an IPv4-mapped prefix (`[::ffff:10.0.0.5]` → `10.0.0.5`). */
function plainAddress(value: string): string {
	return value
		.replace(/^\[|\]$/g, '')
		.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '')
		.toLowerCase();
}

/** What the checks read from a request. */
export interface RequestHostHeaders {
	host?: string | undefined;
	origin?: string | undefined;
	/** The address the connection arrived on (the server side of the socket). */
	localAddress?: string | undefined;
}

/**
 * Whether a request may use the API: its `Host` names an allowed host, or is the IP address its
 * connection arrived on (a browser that sends `Host: 192.168.1.20` navigated to that address
 * itself: DNS rebinding needs a name, and an IP literal is not one); and its `Origin`, when the
 * browser sends one, is the server's own origin (`http://` and the same host and port as `Host`) or
 * a PUBLIC_ORIGIN (an https origin must be one). A missing Host is refused: every HTTP/1.1 client sends one.
 */
export function isAllowedRequestHost(
	headers: RequestHostHeaders,
	allowed: Set<string>,
	origins: string[] = []
): boolean {
	const host = headers.host === undefined ? undefined : hostName(headers.host);
	if (!host) return false;
	const arrivedOn =
		isIP(plainAddress(host)) !== 0 &&
		headers.localAddress !== undefined &&
		plainAddress(host) === plainAddress(headers.localAddress);
	if (!allowed.has(host) && !arrivedOn) return false;
	if (headers.origin === undefined) return true;
	try {
		const origin = new URL(headers.origin).origin;
		if (origins.includes(origin)) return true;
		// The server speaks plain HTTP; an https origin is a proxy in front, named in PUBLIC_ORIGIN.
		return origin === new URL(`http://${headers.host!.trim().toLowerCase()}`).origin;
	} catch {
		return false;
	}
}
