// Bundles the kvcert command into dist-cli/ (run by `prepare` after npm ci/install and by `prepack`):
// compiled JavaScript, no TypeScript at run time, no runtime dependencies. Each subcommand is its own
// chunk, loaded when it runs, so `kvcert check` never loads the Azure SDK or the emulator.
// Files the code reads beside the bundle (e.g. tree-sitter grammars) are listed in `assets`.
import {
	copyFileSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist-cli');

/**
 * Files copied beside the bundle, as `[source under the repo, destination under dist-cli]`. The
 * package's `files` ships all of dist-cli, so whatever is listed here ends up in the tarball.
 * src/cli/grammars.ts reads the tree-sitter runtime and grammars from dist-cli/grammars/.
 */
export const assets = [
	['node_modules/web-tree-sitter/tree-sitter.wasm', 'grammars/tree-sitter.wasm'],
	['node_modules/tree-sitter-bicep/tree-sitter-bicep.wasm', 'grammars/tree-sitter-bicep.wasm'],
	[
		'node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm',
		'grammars/tree-sitter-terraform.wasm',
	],
];

// npm pack and npm publish run prepack and then prepare: build once.
if (
	process.env['npm_lifecycle_event'] === 'prepare' &&
	['pack', 'publish'].includes(process.env['npm_command'] ?? '')
) {
	console.log('kvcert CLI: already bundled by prepack');
	process.exit(0);
}

/** Newest modification time among the files the bundle is built from. */
function newestSource() {
	const inputs = ['src', 'content/i18n', 'package.json', 'scripts/build-cli.mjs'];
	let newest = 0;
	for (const input of inputs) {
		const path = join(root, input);
		const files = statSync(path).isDirectory() ? listFiles(path) : [path];
		for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
	}
	return newest;
}

// --if-stale (the test setup): skip when the bundle is newer than every source.
if (process.argv.includes('--if-stale')) {
	let built = 0;
	try {
		built = statSync(join(outdir, 'kvcert.js')).mtimeMs;
	} catch {
		built = 0;
	}
	if (built > newestSource()) process.exit(0);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Writes a file through a temporary name, so a kvcert running meanwhile never reads half a file. */
function writeAtomically(path, contents) {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, contents);
	renameSync(temporary, path);
}

function listFiles(directory) {
	let files = [];
	try {
		for (const entry of readdirSync(directory, { withFileTypes: true })) {
			const path = join(directory, entry.name);
			files = entry.isDirectory() ? [...files, ...listFiles(path)] : [...files, path];
		}
	} catch {
		// No output yet.
	}
	return files;
}

const started = performance.now();
const result = await build({
	absWorkingDir: root,
	entryPoints: { kvcert: 'src/cli/bin.ts' },
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20.3',
	// ESM builds first: jsonc-parser's CommonJS build is UMD, which a bundler cannot follow.
	mainFields: ['module', 'main'],
	outdir,
	chunkNames: 'chunks/[name]-[hash]',
	minify: true,
	legalComments: 'eof',
	write: false,
	metafile: true,
	logLevel: 'warning',
	define: { __KVCERT_VERSION__: JSON.stringify(pkg.version) },
	// Bundled CommonJS dependencies (node-forge, the Azure SDK's) call require() for Node built-ins.
	banner: {
		js: "import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);",
	},
});

const written = new Set();
for (const file of result.outputFiles) {
	writeAtomically(file.path, file.contents);
	written.add(file.path);
}
for (const [source, destination] of assets) {
	const target = join(outdir, destination);
	mkdirSync(dirname(target), { recursive: true });
	copyFileSync(join(root, source), `${target}.tmp`);
	renameSync(`${target}.tmp`, target);
	written.add(target);
}
// Chunks are named by content hash: remove the ones an older build left.
for (const file of listFiles(outdir)) if (!written.has(file)) rmSync(file, { force: true });

if (process.argv.includes('--sizes')) {
	for (const [path, output] of Object.entries(result.metafile.outputs))
		console.log(`${(output.bytes / 1024).toFixed(0).padStart(6)} KB  ${path}`);
}
console.log(
	`kvcert CLI bundled into ${relative(root, outdir)}/ (${result.outputFiles.length} files, ${assets.length} assets) in ${(performance.now() - started).toFixed(0)} ms`
);
