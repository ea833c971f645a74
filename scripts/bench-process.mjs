// Whole-process benchmark of the shipped kvcert (dist-cli/kvcert.js), as CI and pre-commit run it:
// each command is a fresh `node` process, timed from spawn to exit, alternating with its baseline so
// that load from other processes hits both alike.
//   startup:  kvcert check <tiny settings file>         vs  node -e 0                   (target ≤ 2×)
//   10 MB:    kvcert check <10 MB template> --format sarif  vs  node reading + parsing it
//             with jsonc-parser (scripts/bench-parse-only.mjs)                          (target ≤ 1.5×)
//   issue 21: the same for an ARM template of virtual machines with NICs and extensions (10 MiB),
//             and for 2,000 Bicep / 1,960 Terraform machines with extensions (about 2 MB each; the
//             Terraform file stays under the grammar's 2,000,000-character limit) against a
//             process that parses them with the WebAssembly grammars kvcert ships
//             (scripts/bench-parse-only-iac.mjs)                                        (target ≤ 1.5×)
// With --cpu-prof, each big workload then runs once under the profiler (scripts/bench-profile.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { profileWorkloads } from './bench-profile.mjs';
import { armVirtualMachines, iacMachines } from './bench-workloads.mjs';

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

/**
 * Throws unless kvcert reads `file` and finds its extensions: a file over a reader's limit is
 * reported as not read, which is fast and would make the figures meaningless.
 */
function assertRead(file, expected) {
	const result = spawnSync(process.execPath, [kvcert, 'check', file, '--format', 'json'], {
		cwd: root,
		encoding: 'utf8',
		maxBuffer: 1 << 28,
	});
	const found = JSON.parse(result.stdout).files?.[0]?.extensions;
	if (found !== expected)
		throw new Error(`${file}: kvcert found ${found} extensions, not ${expected}: not read whole`);
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
	console.error(`  measured: ${label} (load ${os.loadavg()[0].toFixed(1)})`);
	return [
		label,
		`${Math.min(...a).toFixed(0)} / ${median(a).toFixed(0)} ms`,
		`${Math.min(...b).toFixed(0)} / ${median(b).toFixed(0)} ms`,
		`${ratioMin.toFixed(2)}× / ${ratioMedian.toFixed(2)}×`,
		`${cpuRatio.toFixed(2)}×`,
		os.loadavg()[0].toFixed(1),
		`≤ ${target}×`,
		ratioMedian <= target ? 'met' : ratioMin <= target ? 'met on min only' : 'NOT met',
	];
}

/**
 * Prints the whole-process table; `generateTemplate` builds the 10 MB template. `options.profile`
 * then profiles the big workloads once each.
 */
export async function benchProcess(generateTemplate, options = {}) {
	const temp = mkdtempSync(join(os.tmpdir(), 'kvcert-bench-'));
	try {
		const write = (name, text) => {
			const path = join(temp, name);
			writeFileSync(path, text);
			return { path, mb: (text.length / 1e6).toFixed(1), text };
		};
		const big = write('template-10mb.json', generateTemplate(10_000_000).text);
		const machines = write('vms-10mib.json', armVirtualMachines(10));
		const bicep = write('machines.bicep', iacMachines('bicep', 2000));
		const terraform = write('machines.tf', iacMachines('terraform', 1960));
		assertRead(machines.path, machines.text.split('virtualMachines/extensions"').length - 1);
		assertRead(bicep.path, 2000);
		assertRead(terraform.path, 1960);
		const tiny = join(root, 'samples/settings/linux-4.0.settings.json');
		const parseJson = join(root, 'scripts/bench-parse-only.mjs');
		const parseIac = join(root, 'scripts/bench-parse-only-iac.mjs');
		const sarif = (file) => [kvcert, 'check', file.path, '--format', 'sarif'];
		const loadBefore = os.loadavg()[0];
		const rows = [
			compare('startup: check a tiny file', [[kvcert, 'check', tiny], 0], [['-e', '0'], 0], 15, 2),
			compare(
				`10 MB template (${big.mb} MB), SARIF`,
				[sarif(big), 1],
				[[parseJson, big.path], 0],
				7,
				1.5
			),
			compare(
				`ARM: VMs + NICs + extensions (${machines.mb} MB), SARIF`,
				[sarif(machines), 1],
				[[parseJson, machines.path], 0],
				7,
				1.5
			),
			compare(
				`Bicep: 2,000 machines (${bicep.mb} MB), SARIF`,
				[sarif(bicep), 1],
				[[parseIac, 'bicep', bicep.path], 0],
				7,
				1.5
			),
			compare(
				`Terraform: 1,960 machines (${terraform.mb} MB), SARIF`,
				[sarif(terraform), 1],
				[[parseIac, 'terraform', terraform.path], 0],
				7,
				1.5
			),
		];
		const header = [
			'whole process',
			'kvcert min / median',
			'baseline min / median',
			'ratio (min / median)',
			'CPU ratio (median)',
			'load',
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
			'Baselines: `node -e 0`; node reading + parsing the same file with jsonc-parser (JSON) or with the WebAssembly grammar kvcert ships (Bicep, Terraform). Runs alternate: 15 startup pairs, 7 for each file.'
		);
		console.log(line(header));
		for (const row of rows) console.log(line(row));
		console.log(
			'The target is on wall time; CPU time (user + system of the process, from bash `times`) is less sensitive to other load. `load` is the 1-minute load average after the row.'
		);
		if (options.profile)
			await profileWorkloads([
				['ARM: VMs + NICs + extensions, SARIF', sarif(machines).slice(1)],
				['Bicep: 2,000 machines, SARIF', sarif(bicep).slice(1)],
				['Terraform: 1,960 machines, SARIF', sarif(terraform).slice(1)],
			]);
	} finally {
		rmSync(temp, { recursive: true, force: true });
	}
}
