import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running `npm run workshop` for a browser test. */
export interface RoomServer {
	port: number;
	/** `http://localhost:<port>/<lang>/workshop/room/#key=…` as the command printed it. */
	facilitatorUrl: string;
	/** The first participants' address it printed (`http://192.168.1.20:<port>`), if any. */
	participantOrigin: string | undefined;
	stop(): void;
}

/** A port free on every interface (the room listens on 0.0.0.0). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '0.0.0.0', () => {
			const { port } = probe.address() as AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

/** Starts the real command on a free port (all interfaces) and waits until it listens. */
export async function startRoomServer(lang: 'ja' | 'en' = 'en'): Promise<RoomServer> {
	const port = await freePort();
	const server: ChildProcess = spawn(
		process.execPath,
		['scripts/workshop.mjs', '--no-build', '--no-qr', '--lang', lang],
		{
			env: { ...process.env, PORT: String(port), HOST: '0.0.0.0' },
			stdio: ['ignore', 'pipe', 'inherit'],
		}
	);
	let output = '';
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no room:\n${output}`)), 90_000);
		server.stdout!.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes(`listening on 0.0.0.0:${port}`)) {
				clearTimeout(timer);
				resolve();
			}
		});
		server.once('exit', (code) => reject(new Error(`the room exited (${code}):\n${output}`)));
	});
	const facilitatorUrl = /http:\/\/localhost:\d+\/\w+\/workshop\/room\/#key=[\w-]+/.exec(
		output
	)![0];
	const participant = new RegExp(`(http://[\\d.]+:${port})/\\w+/workshop/`).exec(output);
	return {
		port,
		facilitatorUrl,
		participantOrigin: participant?.[1],
		stop: () => server.kill(),
	};
}
