// Benchmark of `kvcert check`: generated ARM templates of about 1 MB and 10 MB (thousands of
// resources, many Key Vault extensions), checked versus parsed alone with jsonc-parser.
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { parseTree } from 'jsonc-parser';
import { checkSync } from '../src/core/check/index.ts';
import { generateTemplate } from './bench-template.ts';

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

// BENCH_GC=1: a full garbage collection before each timed run, so that neither side pays for
// collecting what the other left (it also shrinks the young generation, which slows both).
v8.setFlagsFromString('--expose-gc');
const forceGc = process.env['BENCH_GC'] === '1';
const collectGarbage = forceGc ? (vm.runInNewContext('gc') as () => void) : () => {};

/** Times `parse` and `check` alternately, so that load from other processes hits both alike. */
function timeBoth(
	parse: () => void,
	check: () => void,
	runs: number
): { parse: number[]; check: number[]; parseCpu: number[]; checkCpu: number[] } {
	const samples = {
		parse: [] as number[],
		check: [] as number[],
		parseCpu: [] as number[],
		checkCpu: [] as number[],
	};
	const cpu = (since: NodeJS.CpuUsage) => {
		const used = process.cpuUsage(since);
		return (used.user + used.system) / 1000;
	};
	for (let i = 0; i < runs; i++) {
		collectGarbage();
		let start = performance.now();
		let startCpu = process.cpuUsage();
		parse();
		samples.parse.push(performance.now() - start);
		samples.parseCpu.push(cpu(startCpu));
		collectGarbage();
		start = performance.now();
		startCpu = process.cpuUsage();
		check();
		samples.check.push(performance.now() - start);
		samples.checkCpu.push(cpu(startCpu));
	}
	return samples;
}

const loadBefore = os.loadavg()[0]!;
const rows: string[][] = [];
for (const [label, bytes, runs] of [
	['1 MB', 1_000_000, 15],
	['10 MB', 10_000_000, 9],
] as const) {
	const { text, resources, extensions } = generateTemplate(bytes);
	// Warm up both paths so that the JIT has compiled them.
	let diagnostics = 0;
	for (let i = 0; i < 3; i++) {
		parseTree(text, [], { allowTrailingComma: true });
		diagnostics = checkSync(text).diagnostics.length;
	}
	const samples = timeBoth(
		() => parseTree(text, [], { allowTrailingComma: true }),
		() => checkSync(text),
		runs
	);
	const parse = { min: Math.min(...samples.parse), median: median(samples.parse) };
	const check = { min: Math.min(...samples.check), median: median(samples.check) };
	rows.push([
		label,
		`${(text.length / 1e6).toFixed(2)} MB`,
		String(resources),
		String(extensions),
		String(diagnostics),
		`${parse.min.toFixed(0)} / ${parse.median.toFixed(0)} ms`,
		`${check.min.toFixed(0)} / ${check.median.toFixed(0)} ms`,
		`${(check.min / parse.min).toFixed(2)}× / ${(check.median / parse.median).toFixed(2)}×`,
		`${(Math.min(...samples.checkCpu) / Math.min(...samples.parseCpu)).toFixed(2)}× / ${(median(samples.checkCpu) / median(samples.parseCpu)).toFixed(2)}×`,
	]);
}

const header = [
	'template',
	'size',
	'resources',
	'KV extensions',
	'diagnostics',
	'parse (jsonc-parser) min / median',
	'check min / median',
	'check ÷ parse (min / median)',
	'same, CPU time',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(
	`kvcert check benchmark (target: check ≤ 1.5 × parse, 10 MB < 1 s; load ${loadBefore.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} CPUs)`
);
console.log(
	`In-process (sources through tsx); same text for both; 3 warm-ups, then runs alternate (15 at 1 MB, 9 at 10 MB)${forceGc ? ', each after a full GC' : ''}.`
);
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
	'CPU time (process.cpuUsage, all threads, GC helpers included) is less sensitive to other load than wall time; the target is on wall time.'
);
