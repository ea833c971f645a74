// `npm start`: serve the production build on http://localhost:4321 (HOST and PORT override),
// building first when there is no build or the sources are newer than it. Unless
// KVCERT_VAULT_MODE=azure, the demo Key Vault and IMDS emulator start first, in this process, on
// loopback (KVCERT_EMULATOR_PORT picks the vault port; the IMDS uses the next one).
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import compression from 'compression';

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

const builtAt = existsSync(entry) ? statSync(entry).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newest(join(root, s))));
if (process.argv.includes('--no-build') ? !builtAt : changedAt > builtAt) {
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

// src/ is TypeScript: load what this script needs from it through tsx, then stop tsx before the
// site loads.
const { register } = await import('tsx/esm/api');
const unregister = register();
const { createSiteHandler } = await import('../src/server/site-handler.ts');
const mode = (process.env.KVCERT_VAULT_MODE ?? 'demo').trim().toLowerCase();
if (mode !== 'azure') {
	const { getDemoEmulator } = await import('../src/vault/demo-emulator.ts');
	const emulatorPort = Number(process.env.KVCERT_EMULATOR_PORT ?? 0);
	const demo = await getDemoEmulator(emulatorPort ? { port: emulatorPort } : {});
	console.log(
		`kvcert: demo Key Vault ${demo.vaultUrl}  IMDS ${demo.imdsUrl}  (KVCERT_VAULT_MODE=${mode})`
	);
} else {
	console.log('kvcert: live parts read real Azure vaults (KVCERT_VAULT_MODE=azure)');
}
await unregister();

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);

// The adapter's own server sends pages uncompressed (a long tutorial page is ~240 KB of HTML, ~27 KB
// gzip), so kvcert serves the adapter's handler (static files + on-demand routes) behind compression.
process.env.ASTRO_NODE_AUTOSTART = 'disabled';
const { handler } = await import(pathToFileURL(entry).href);
const compress = compression();
// Methods, the API's allowed host names, security headers with the CSP, Cache-Control, /404:
// see src/server/site-handler.ts.
const site = createSiteHandler(handler, { clientDirectory: join(root, 'dist/client') });
const server = createServer((req, res) => compress(req, res, () => site(req, res)));
server.on('error', (error) => {
	console.error(`kvcert: cannot listen on ${host}:${port}: ${error.message}`);
	process.exit(1);
});
server.listen(port, host, () => {
	const shownHost = host === '127.0.0.1' ? 'localhost' : host;
	console.log(`kvcert: http://${shownHost}:${port}/`);
});

// `npm run load` (scripts/load.mjs) forks this script and asks for its memory over IPC.
if (process.send)
	process.on('message', (message) => {
		if (message?.kvcert !== 'memory') return;
		if (message.gc) {
			globalThis.gc?.();
			globalThis.gc?.();
		}
		process.send({ memory: process.memoryUsage() });
	});
