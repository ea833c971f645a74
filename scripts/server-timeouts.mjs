// HTTP timeouts for the kvcert server (`npm start` and `npm run workshop`), sized for a room of
// participants' browsers on slow, busy laptops rather than for a server behind a load balancer.
//
// Node's defaults (headers within 60 s of opening the connection, idle keep-alive closed after
// 5 s) hurt such a room: a starved browser that opens a connection (or preconnects one) and sends
// its request late is answered 408 instead of its page or script, and a page without its scripts
// stays blank (seen in dry run rv17c on a machine at load 56–85). The server is on a LAN with at
// most a few hundred connections, so holding a slow one longer costs next to nothing.

/** @type {import('node:http').ServerOptions} */
export const SERVER_TIMEOUTS = {
	// A request's headers may take up to 5 minutes from the connection opening: a browser that
	// late has long shown its own spinner, but it still gets its page instead of a 408.
	headersTimeout: 300_000,
	// The whole request (headers and body; the API's bodies are a few KB) within the same bound.
	// Node requires headersTimeout ≤ requestTimeout.
	requestTimeout: 300_000,
	// Keep an idle connection 65 s (Node: 5 s): participants' pages send progress and poll every
	// few seconds, and a connection closed just as a busy browser reuses it costs a retry.
	keepAliveTimeout: 65_000,
	// Look for expired requests every 15 s (Node: 30 s), so the bounds above hold within 15 s.
	connectionsCheckingInterval: 15_000,
};
