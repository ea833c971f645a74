// `npm start`: serve the production build on http://localhost:4321 (HOST and PORT override),
// building first when there is no build or the sources are newer than it. Unless
// KVCERT_VAULT_MODE=azure, the demo Key Vault and IMDS emulator start first, in this process, on
// loopback (KVCERT_EMULATOR_PORT picks the vault port; the IMDS uses the next one).
// scripts/workshop.mjs (`npm run workshop`) serves the same site as a workshop room through serve().
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import compression from 'compression';
import { SERVER_TIMEOUTS } from './server-timeouts.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = join(root, 'dist/server/entry.mjs');
const sources = [
	'astro.config.mjs',
	'sidebar.mjs',
	'content.config.ts',
	'route-data.ts',
	'package-lock.json',
	'content',
	'src',
	'pages',
	'public',
	'styles',
	'samples',
];

/** Newest modification time (ms) of a file or of any file below a folder. */
function newest(path) {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(max, name) => Math.max(max, newest(join(path, name))),
		stat.mtimeMs
	);
}

/** Builds the site when there is no build, or (unless `noBuild`) when the sources are newer. */
function buildIfNeeded(noBuild) {
	const builtAt = existsSync(entry) ? statSync(entry).mtimeMs : 0;
	const changedAt = Math.max(...sources.map((s) => newest(join(root, s))));
	if (noBuild ? builtAt : changedAt <= builtAt) return;
	console.log(
		builtAt ? 'Sources changed since the last build: building…' : 'No build yet: building…'
	);
	const build = spawnSync(process.execPath, [join(root, 'node_modules/astro/astro.js'), 'build'], {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
	});
	if (build.status !== 0) process.exit(build.status ?? 1);
}

/**
 * Serves the site: build if needed, the demo vault (unless KVCERT_VAULT_MODE=azure), then the
 * adapter's handler behind compression and src/server/site-handler.ts. `beforeSite(load)` runs
 * while TypeScript from src/ can still be loaded (`load(path)` imports it), and may return more
 * host names for the API. `onListening()` prints what to open; by default the local address.
 */
export async function serve({
	host = process.env.HOST ?? '127.0.0.1',
	port = Number(process.env.PORT ?? 4321),
	noBuild = process.argv.includes('--no-build'),
	quietVault = false,
	beforeSite = async () => [],
	onListening = () => {
		const shownHost = host === '127.0.0.1' ? 'localhost' : host;
		console.log(`kvcert: http://${shownHost}:${port}/`);
	},
} = {}) {
	buildIfNeeded(noBuild);
	// src/ is TypeScript: load what this script needs from it through tsx, then stop tsx before the
	// site loads.
	const { register } = await import('tsx/esm/api');
	const unregister = register();
	const load = (path) => import(pathToFileURL(join(root, path)).href);
	const { createSiteHandler } = await load('src/server/site-handler.ts');
	const mode = (process.env.KVCERT_VAULT_MODE ?? 'demo').trim().toLowerCase();
	if (mode !== 'azure') {
		const { getDemoEmulator } = await load('src/vault/demo-emulator.ts');
		const emulatorPort = Number(process.env.KVCERT_EMULATOR_PORT ?? 0);
		const demo = await getDemoEmulator(emulatorPort ? { port: emulatorPort } : {});
		if (!quietVault)
			console.log(
				`kvcert: demo Key Vault ${demo.vaultUrl}  IMDS ${demo.imdsUrl}  (KVCERT_VAULT_MODE=${mode})`
			);
	} else {
		console.log('kvcert: live parts read real Azure vaults (KVCERT_VAULT_MODE=azure)');
	}
	const extraHosts = await beforeSite(load);
	await unregister();

	// The adapter's own server sends pages uncompressed (a long tutorial page is ~240 KB of HTML,
	// ~27 KB gzip), so kvcert serves the adapter's handler (static files + on-demand routes) behind
	// compression.
	process.env.ASTRO_NODE_AUTOSTART = 'disabled';
	const { handler } = await import(pathToFileURL(entry).href);
	const compress = compression();
	// Methods, the API's allowed host names, security headers with the CSP, Cache-Control, /404:
	// see src/server/site-handler.ts.
	const site = createSiteHandler(handler, {
		clientDirectory: join(root, 'dist/client'),
		extraHosts,
	});
	// Timeouts for slow browsers in a room: see scripts/server-timeouts.mjs.
	const server = createServer(SERVER_TIMEOUTS, (req, res) =>
		compress(req, res, () => site(req, res))
	);
	server.on('error', (error) => {
		console.error(`kvcert: cannot listen on ${host}:${port}: ${error.message}`);
		process.exit(1);
	});
	await new Promise((resolve) => server.listen(port, host, resolve));
	await onListening();

	// `npm run load` (scripts/load.mjs) forks this script and asks for its memory over IPC.
	if (process.send)
		process.on('message', (message) => {
			if (message?.kvcert !== 'memory') return;
			if (message.gc) {
				globalThis.gc?.();
				globalThis.gc?.();
			}
			process.send({ memory: process.memoryUsage(), cpu: process.cpuUsage() });
		});
	return server;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await serve();
