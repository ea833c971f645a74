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
