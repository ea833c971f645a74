// `npm start`: serve the production build on http://localhost:4321 (HOST and PORT override),
// building first when there is no build or the sources are newer than it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '4321';
const shownHost = process.env.HOST === '127.0.0.1' ? 'localhost' : process.env.HOST;
console.log(`kvcert: http://${shownHost}:${process.env.PORT}/`);
await import(pathToFileURL(entry).href);
