// Whole-process benchmark of the shipped kvcert (dist-cli/kvcert.js), as CI and pre-commit run it:
// each command is a fresh `node` process, timed from spawn to exit, alternating with its baseline so
// that load from other processes hits both alike.
//   startup:  kvcert check <tiny settings file>         vs  node -e 0                   (target ≤ 2×)
//   10 MB:    kvcert check <10 MB template> --format sarif  vs  node reading + parsing it
//             with jsonc-parser (scripts/bench-parse-only.mjs)                          (target ≤ 1.5×)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const kvcert = join(root, 'dist-cli/kvcert.js');

/**
 * Wall and CPU time (user + system) of one process, in ms. The process runs under bash, whose
 * `times` reports its children's CPU time, which stays meaningful when other processes load the
 * machine; throws when it exits with an unexpected code.
 */
function time(args, expectedStatus) {
	const started = performance.now();
	const result = spawnSync(
		'bash',
		[
			'-c',
			'"$@" >/dev/null; status=$?; times >&2; exit $status',
			'bash',
			process.execPath,
			...args,
		],
		{ cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }
	);
	const wall = performance.now() - started;
	if (result.status !== expectedStatus)
		throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
	const children = result.stderr.trim().split('\n').at(-1) ?? '';
	const cpu = [...children.matchAll(/(\d+)m([\d.]+)s/g)].reduce(
		(sum, [, minutes, seconds]) => sum + (Number(minutes) * 60 + Number(seconds)) * 1000,
		0
	);
	return { wall, cpu };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs both commands alternately `runs` times after one warm-up each (file cache, code cache). */
function compare(label, subject, baseline, runs, target) {
	time(...baseline);
	time(...subject);
	const subjectRuns = [];
	const baselineRuns = [];
	for (let i = 0; i < runs; i++) {
		baselineRuns.push(time(...baseline));
		subjectRuns.push(time(...subject));
	}
	const a = subjectRuns.map((r) => r.wall);
	const b = baselineRuns.map((r) => r.wall);
	const ratioMin = Math.min(...a) / Math.min(...b);
	const ratioMedian = median(a) / median(b);
	const cpuRatio = median(subjectRuns.map((r) => r.cpu)) / median(baselineRuns.map((r) => r.cpu));
	return [
		label,
		`${Math.min(...a).toFixed(0)} / ${median(a).toFixed(0)} ms`,
		`${Math.min(...b).toFixed(0)} / ${median(b).toFixed(0)} ms`,
		`${ratioMin.toFixed(2)}× / ${ratioMedian.toFixed(2)}×`,
		`${cpuRatio.toFixed(2)}×`,
		`≤ ${target}×`,
		ratioMedian <= target ? 'met' : ratioMin <= target ? 'met on min only' : 'NOT met',
	];
}

/** Prints the whole-process table; `generateTemplate` builds the 10 MB template. */
export function benchProcess(generateTemplate) {
	const temp = mkdtempSync(join(os.tmpdir(), 'kvcert-bench-'));
	try {
		const big = join(temp, 'template-10mb.json');
		const { text } = generateTemplate(10_000_000);
		writeFileSync(big, text);
		const tiny = join(root, 'samples/settings/linux-4.0.settings.json');
		const loadBefore = os.loadavg()[0];
		const rows = [
			compare('startup: check a tiny file', [[kvcert, 'check', tiny], 0], [['-e', '0'], 0], 15, 2),
			compare(
				`10 MB template (${(text.length / 1e6).toFixed(1)} MB), SARIF`,
				[[kvcert, 'check', big, '--format', 'sarif'], 1],
				[[join(root, 'scripts/bench-parse-only.mjs'), big], 0],
				5,
				1.5
			),
		];
		const header = [
			'whole process',
			'kvcert min / median',
			'baseline min / median',
			'ratio (min / median)',
			'CPU ratio (median)',
			'target',
			'',
		];
		const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
		const line = (cells) =>
			cells
				.map((c, i) => c.padEnd(widths[i]))
				.join('  ')
				.trimEnd();
		console.log(
			`kvcert as a process (Node ${process.version}; load ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs)`
		);
		console.log(
			'Baselines: `node -e 0`, and node reading + parsing the same file with jsonc-parser; runs alternate (15 startup pairs, 5 at 10 MB).'
		);
		console.log(line(header));
		for (const row of rows) console.log(line(row));
		console.log(
			'The target is on wall time; CPU time (user + system of the process, from bash `times`) is less sensitive to other load.'
		);
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}
