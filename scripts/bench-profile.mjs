// `npm run bench -- --cpu-prof`: where a whole `kvcert check` process spends its time. The CLI is
// bundled as the shipped one is, but readable (names kept, with a source map), and run once per
// workload under `node --cpu-prof`; the profile's self time is summed per source function
// (mapped back to src/…:line) and the top ones printed, with the garbage collector's share.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Bundles src/cli/bin.ts like scripts/build-cli.mjs, unminified with source maps, into `dir`. */
export async function readableBundle(dir) {
	await build({
		absWorkingDir: root,
		entryPoints: { kvcert: 'src/cli/bin.ts' },
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20.3',
		mainFields: ['module', 'main'],
		outdir: dir,
		chunkNames: 'chunks/[name]-[hash]',
		sourcemap: 'external',
		logLevel: 'warning',
		define: { __KVCERT_VERSION__: '"bench"', __KVCERT_HOMEPAGE__: '""' },
		banner: {
			js: "import { createRequire as __kvcertCreateRequire } from 'node:module'; const require = __kvcertCreateRequire(import.meta.url);",
		},
	});
	cpSync(join(root, 'dist-cli/grammars'), join(dir, 'grammars'), { recursive: true });
	return join(dir, 'kvcert.js');
}

/** Source maps of the bundle's files, by file URL, loaded on first use. */
function sourceMaps(dir) {
	const maps = new Map();
	return (url) => {
		if (!url.startsWith('file://') || !url.startsWith(`file://${dir}`)) return undefined;
		if (!maps.has(url)) {
			let map;
			try {
				map = new SourceMap(JSON.parse(readFileSync(`${fileURLToPath(url)}.map`, 'utf8')));
			} catch {
				map = undefined;
			}
			maps.set(url, map);
		}
		return maps.get(url);
	};
}

/** Self time per function of one .cpuprofile, as [label, ms] sorted by time, and the total. */
function selfTimes(profile, mapFor, dir) {
	const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
	const byNode = new Map();
	profile.samples.forEach((id, i) =>
		byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0))
	);
	const byFunction = new Map();
	let total = 0;
	for (const [id, micros] of byNode) {
		const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
		let where = url ? url.replace(/^.*\//, '') : '';
		const entry = mapFor(url)?.findEntry(lineNumber, columnNumber);
		if (entry?.originalSource) {
			const source = entry.originalSource.replace(/^file:\/\//, '');
			where = `${relative(root, join(dir, 'chunks', source)).replace(/^(\.\.\/)+/, '')}:${entry.originalLine + 1}`;
		} else if (url.startsWith('node:')) where = url;
		const label = `${functionName || '(anonymous)'}${where ? `  ${where}` : ''}`;
		byFunction.set(label, (byFunction.get(label) ?? 0) + micros);
		total += micros;
	}
	return { total: total / 1000, top: [...byFunction].sort((a, b) => b[1] - a[1]) };
}

/**
 * Profiles each `[label, args]` (arguments of kvcert) once and prints its top `count` functions by
 * self time.
 */
export async function profileWorkloads(workloads, count = 15) {
	const dir = mkdtempSync(join(os.tmpdir(), 'kvcert-prof-'));
	try {
		const kvcert = await readableBundle(dir);
		const mapFor = sourceMaps(dir);
		for (const [label, args] of workloads) {
			const profiles = join(dir, `profile-${readdirSync(dir).length}`);
			spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profiles}`, kvcert, ...args], {
				cwd: root,
				stdio: 'ignore',
			});
			const [file] = readdirSync(profiles);
			const { total, top } = selfTimes(
				JSON.parse(readFileSync(join(profiles, file), 'utf8')),
				mapFor,
				dir
			);
			const gc = top.find(([name]) => name.startsWith('(garbage collector)'))?.[1] ?? 0;
			console.log('');
			console.log(
				`CPU profile: ${label} — ${total.toFixed(0)} ms sampled, garbage collection ${((gc / 1000 / total) * 100).toFixed(0)} % (load ${os.loadavg()[0].toFixed(1)})`
			);
			for (const [name, micros] of top.slice(0, count))
				console.log(
					`${(micros / 1000).toFixed(0).padStart(7)} ms ${((micros / 1000 / total) * 100).toFixed(1).padStart(5)} %  ${name}`
				);
		}
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
