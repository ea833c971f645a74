import { request } from 'node:http';

/** An answer from the room's server; for a stream, the events read up to the one asked for. */
export interface RoomAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	text: string;
	events: { event: string; data: unknown }[];
}

/** A request to a room server, as one participant on a LAN sends it. */
export interface RoomRequest {
	port: number;
	path: string;
	/** The participant's own source address (127.0.0.x), as distinct machines have. */
	from?: string;
	/** @default '127.0.0.2' */
	to?: string;
	method?: string;
	headers?: Record<string, string>;
	body?: string;
	/** Read Server-Sent Events until this one (or `refused`, `end`), then close the stream. */
	until?: string;
	/** @default 60000 */
	timeoutMs?: number;
}

/** Sends one request from `from` to `to` (no connection reuse) and reads its answer. */
export function roomRequest(options: RoomRequest): Promise<RoomAnswer> {
	const to = options.to ?? '127.0.0.2';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(
			() => reject(new Error(`no answer to ${options.path}`)),
			options.timeoutMs ?? 60_000
		);
		const req = request(
			{
				host: to,
				port: options.port,
				path: options.path,
				method: options.method ?? 'GET',
				agent: false,
				...(options.from ? { localAddress: options.from } : {}),
				headers: {
					Host: `${to}:${options.port}`,
					...(options.until ? { Accept: 'text/event-stream' } : {}),
					...options.headers,
				},
			},
			(res) => {
				const answer: RoomAnswer = {
					status: res.statusCode ?? 0,
					headers: res.headers,
					text: '',
					events: [],
				};
				let buffer = '';
				const done = () => {
					clearTimeout(timer);
					resolve(answer);
				};
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					answer.text += chunk;
					if (!options.until) return;
					buffer += chunk;
					let cut: number;
					while ((cut = buffer.indexOf('\n\n')) >= 0) {
						const raw = buffer.slice(0, cut);
						buffer = buffer.slice(cut + 2);
						const event = /^event: (.+)$/m.exec(raw)?.[1] ?? 'message';
						answer.events.push({
							event,
							data: JSON.parse(/^data: (.+)$/m.exec(raw)?.[1] ?? 'null'),
						});
						if (event === options.until || event === 'refused' || event === 'end') {
							req.destroy();
							return done();
						}
					}
				});
				res.on('end', done);
			}
		);
		req.on('error', (error) => {
			if (!req.destroyed) reject(error);
		});
		req.end(options.body);
	});
}
