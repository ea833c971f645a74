/**
 * Which host names the server answers API requests for (against DNS rebinding: a hostile page on
 * evil.example whose name is made to resolve to 127.0.0.1 sends `Host: evil.example`). Allowed:
 * localhost, 127.0.0.1, ::1, the HOST the server listens on, and the host of PUBLIC_ORIGIN.
 */
export function allowedHosts(env: NodeJS.ProcessEnv = process.env): Set<string> {
	const hosts = new Set(['localhost', '127.0.0.1', '[::1]']);
	const listen = env['HOST']?.trim();
	if (listen && listen !== '0.0.0.0' && listen !== '::')
		hosts.add(
			listen.includes(':') && !listen.startsWith('[') ? `[${listen}]` : listen.toLowerCase()
		);
	for (const origin of (env['PUBLIC_ORIGIN'] ?? '').split(',')) {
		try {
			if (origin.trim()) hosts.add(new URL(origin.trim()).hostname.toLowerCase());
		} catch {
			// An unparsable PUBLIC_ORIGIN allows nothing extra.
		}
	}
	return hosts;
}

/** The host name of a `Host` header value (`example.com:4321` → `example.com`, `[::1]:80` → `[::1]`). */
function hostName(value: string): string | undefined {
	try {
		return new URL(`http://${value.trim()}`).hostname.toLowerCase();
	} catch {
		return undefined;
	}
}

/**
 * Whether a request's `Host` (and `Origin`, when the browser sends one) name an allowed host.
 * A missing Host is refused: every HTTP/1.1 client sends one.
 */
export function isAllowedRequestHost(
	headers: { host?: string | undefined; origin?: string | undefined },
	allowed: Set<string>
): boolean {
	const host = headers.host === undefined ? undefined : hostName(headers.host);
	if (!host || !allowed.has(host)) return false;
	if (headers.origin === undefined) return true;
	try {
		return allowed.has(new URL(headers.origin).hostname.toLowerCase());
	} catch {
		return false;
	}
}
