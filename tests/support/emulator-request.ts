import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** An emulator's answer: status, headers and the parsed JSON body. */
export interface EmulatorAnswer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read many Key Vault body shapes
	json: any;
}

/** A raw request to the emulator's vault (https, trusting `ca`) or IMDS (http). */
export function emulatorRequest(
	url: string,
	options: { method?: string; headers?: Record<string, string>; body?: string; ca?: string } = {}
): Promise<EmulatorAnswer> {
	const target = new URL(url);
	const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
	return new Promise((resolve, reject) => {
		const req = send(
			target,
			{
				method: options.method ?? 'GET',
				headers: options.headers ?? {},
				...(options.ca ? { ca: options.ca, servername: 'localhost' } : {}),
			},
			(res) => {
				let text = '';
				res.on('data', (d) => (text += d));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						json: text ? JSON.parse(text) : undefined,
					})
				);
			}
		);
		req.on('error', reject);
		req.end(options.body);
	});
}
