// Bundles the kvcert command and the GitHub Action into dist-cli/: compiled JavaScript, no
// TypeScript at run time, no runtime dependencies. Each subcommand is its own chunk, loaded when it
// runs, so `kvcert check` never loads the Azure SDK or the emulator. Files the code reads beside the
// bundle (the tree-sitter grammars) are listed in `assets`.
//
// dist-cli/ is committed: the pre-commit hook and the Action run it from a checkout, with nothing
// built or installed. The build is deterministic (same sources, same bytes), so a test can tell
// whether the committed bundle is the build of the committed sources:
//
//   node scripts/build-cli.mjs              build into dist-cli/
//   node scripts/build-cli.mjs --if-stale   build only when a source is newer than the bundle
//   node scripts/build-cli.mjs --check      exit 1 when dist-cli/ on disk differs from a fresh build
//   node scripts/build-cli.mjs --check=git  the same against what git has staged/committed
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	chmodSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist-cli');

/** The command to run when the committed bundle is stale: the failure message names it. */
export const rebuildCommand = 'npm run build:cli && git add dist-cli';

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

/** The bundle's entry points: the command (with its shebang, made executable) and the Action. */
const entryPoints = { kvcert: 'src/cli/bin.ts', action: 'src/cli/action-main.ts' };
const executable = 'kvcert.js';

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
		built = statSync(join(outdir, executable)).mtimeMs;
	} catch {
		built = 0;
	}
	if (built > newestSource()) process.exit(0);
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Builds in memory: every file of dist-cli/ by its path under dist-cli, with its bytes. */
async function bundle() {
	const result = await build({
		absWorkingDir: root,
		entryPoints,
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
		define: {
			__KVCERT_VERSION__: JSON.stringify(pkg.version),
			__KVCERT_HOMEPAGE__: JSON.stringify(pkg.homepage ?? ''),
		},
		// Bundled CommonJS dependencies (node-forge, the Azure SDK's) call require() for Node built-ins.
		banner: {
			js: "import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);",
		},
	});
	const files = new Map();
	for (const file of result.outputFiles)
		files.set(relative(outdir, file.path).split(sep).join('/'), Buffer.from(file.contents));
	for (const [source, destination] of assets)
		files.set(destination, readFileSync(join(root, source)));
	return { files, metafile: result.metafile };
}

/** Git's object id of a file's bytes, to compare with what git holds without reading it back. */
const blobId = (bytes) =>
	createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');

const started = performance.now();
const { files, metafile } = await bundle();

const check = process.argv.find((a) => a === '--check' || a.startsWith('--check='));
if (check) {
	let onDisk;
	if (check === '--check=git') {
		const listed = execFileSync('git', ['ls-files', '-s', '--', 'dist-cli'], {
			cwd: root,
			encoding: 'utf8',
		});
		onDisk = new Map(
			listed
				.split('\n')
				.filter(Boolean)
				.map((line) => {
					const [meta, path] = line.split('\t');
					const [mode, id] = meta.split(' ');
					return [path.slice('dist-cli/'.length), { id, mode }];
				})
		);
	} else
		onDisk = new Map(
			listFiles(outdir).map((file) => {
				const path = relative(outdir, file).split(sep).join('/');
				return [path, { id: blobId(readFileSync(file)) }];
			})
		);
	const problems = [];
	for (const [path, bytes] of files) {
		const found = onDisk.get(path);
		if (!found) problems.push(`missing: dist-cli/${path}`);
		else if (found.id !== blobId(bytes)) problems.push(`differs: dist-cli/${path}`);
		else if (path === executable && found.mode && found.mode !== '100755')
			problems.push(`not executable: dist-cli/${path}`);
	}
	for (const path of onDisk.keys())
		if (!files.has(path)) problems.push(`left over: dist-cli/${path}`);
	if (problems.length > 0) {
		console.error(
			[
				`dist-cli/ is not the build of the current sources${check === '--check=git' ? ' (as git has it)' : ''}:`,
				...problems.map((p) => `  ${p}`),
				`Run: ${rebuildCommand}`,
				'(then commit dist-cli/ with the change that made it stale)',
			].join('\n')
		);
		process.exit(1);
	}
	console.error(`dist-cli/ is the build of the current sources (${files.size} files).`);
	process.exit(0);
}

/** Writes a file through a temporary name, so a kvcert running meanwhile never reads half a file. */
function writeAtomically(path, contents) {
	mkdirSync(dirname(path), { recursive: true });
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, contents);
	if (path.endsWith(`${sep}${executable}`)) chmodSync(temporary, 0o755);
	renameSync(temporary, path);
}

const written = new Set();
for (const [path, bytes] of files) {
	const target = join(outdir, path);
	writeAtomically(target, bytes);
	written.add(target);
}
// Chunks are named by content hash: remove the ones an older build left.
for (const file of listFiles(outdir)) if (!written.has(file)) rmSync(file, { force: true });

if (process.argv.includes('--sizes')) {
	for (const [path, output] of Object.entries(metafile.outputs))
		console.error(`${(output.bytes / 1024).toFixed(0).padStart(6)} KB  ${path}`);
}
console.error(
	`kvcert CLI bundled into ${relative(root, outdir)}/ (${files.size} files, ${assets.length} assets) in ${(performance.now() - started).toFixed(0)} ms`
);
