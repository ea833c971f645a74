// Benchmark of `kvcert check` on Bicep and Terraform: generated files of about 1 MB (hundreds of
// machines, each with a Key Vault extension), checked versus parsed alone with tree-sitter.
import { fileGrammars } from '../src/cli/grammars.ts';
import { checkSync, prepareGrammars } from '../src/core/check/index.ts';
import { generateBicep, generateTerraform } from './bench-iac-files.ts';

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

const rows: string[][] = [];
for (const [label, path, generate] of [
	['Bicep 1 MB', 'bench.bicep', generateBicep],
	['Terraform 1 MB', 'bench.tf', generateTerraform],
] as const) {
	const { text, extensions } = generate(1_000_000);
	const prepared = await prepareGrammars(fileGrammars);
	const { parser } = (path.endsWith('.tf') ? prepared.terraform : prepared.bicep)!;
	const parse = () => parser.parseOnly(text);
	const check = () => checkSync(text, { path, prepared });
	let result = check();
	for (let i = 0; i < 2; i++) {
		parse();
		result = check();
	}
	const parseTimes: number[] = [];
	const checkTimes: number[] = [];
	for (let i = 0; i < 7; i++) {
		let start = performance.now();
		parse();
		parseTimes.push(performance.now() - start);
		start = performance.now();
		check();
		checkTimes.push(performance.now() - start);
	}
	const p = { min: Math.min(...parseTimes), median: median(parseTimes) };
	const c = { min: Math.min(...checkTimes), median: median(checkTimes) };
	rows.push([
		label,
		`${(text.length / 1e6).toFixed(2)} MB`,
		`${result.extensionCount} / ${extensions}`,
		String(result.diagnostics.length),
		`${p.min.toFixed(0)} / ${p.median.toFixed(0)} ms`,
		`${c.min.toFixed(0)} / ${c.median.toFixed(0)} ms`,
		`${(c.min / p.min).toFixed(2)}× / ${(c.median / p.median).toFixed(2)}×`,
	]);
}

const header = [
	'input',
	'size',
	'KV extensions found / written',
	'diagnostics',
	'parse (tree-sitter) min / median',
	'check min / median',
	'check ÷ parse (min / median)',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log('');
console.log(
	'kvcert check on Bicep and Terraform (aim: check ≤ 1.5 × tree-sitter parse; check includes the parse)'
);
console.log(line(header));
for (const row of rows) console.log(line(row));
