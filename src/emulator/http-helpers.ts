import type { IncomingMessage, ServerResponse } from 'node:http';

/** Sends a JSON body the way Key Vault does (`application/json; charset=utf-8`). */
export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {}
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'Content-Type': 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength(text),
		'Cache-Control': 'no-store',
		...headers,
	});
	res.end(text);
}

/**
 * A URL path or resource without its trailing slashes, in one pass from the end (the pattern
 * `/\/+$/` is quadratic on a long run of slashes that does not end the text).
 */
export function withoutTrailingSlashes(path: string): string {
	let end = path.length;
	while (end > 0 && path[end - 1] === '/') end--;
	return path.slice(0, end);
}

/** Thrown when a request body is larger than allowed. */
export class BodyTooLargeError extends Error {}

/** Reads a request body as text, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 256 * 1024): Promise<string> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > limit) throw new BodyTooLargeError('Request body too large.');
		chunks.push(buffer);
	}
	return Buffer.concat(chunks).toString('utf8');
}
