// Runs the composite action in action.yml the way a GitHub runner does, without GitHub: each step's
// `${{ … }}` expressions substituted (inputs, github.action_path, github.workspace, runner.temp,
// steps.<id>.outputs), its script run by `bash --noprofile --norc -eo pipefail` in the workspace
// with GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH and the step's env, step outputs read
// back from GITHUB_OUTPUT, and the run stopped at the first failing step.
//
//   node scripts/run-action.mjs --workspace <dir> [--input name=value]… [--summary <file>]
//
// Prints the steps' own output, then one line `run-action: {json}` with each step's exit code and
// the action's outputs; exits with the failing step's code (0 when every step passed).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const actionPath = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
const { values } = parseArgs({
	options: {
		workspace: { type: 'string' },
		input: { type: 'string', multiple: true, default: [] },
		summary: { type: 'string' },
	},
});
if (!values.workspace) {
	console.error('run-action: --workspace <dir> is required');
	process.exit(2);
}
const workspace = resolve(values.workspace);
const action = parse(readFileSync(join(actionPath, 'action.yml'), 'utf8'));
if (action.runs?.using !== 'composite') throw new Error('action.yml is not a composite action');

const given = Object.fromEntries(
	values.input.map((pair) => {
		const at = pair.indexOf('=');
		return [pair.slice(0, at), pair.slice(at + 1)];
	})
);
const inputs = {};
for (const [name, spec] of Object.entries(action.inputs ?? {})) {
	const value = given[name] ?? spec.default ?? '';
	if (spec.required && !value) throw new Error(`input ${name} is required`);
	inputs[name] = String(value);
}
for (const name of Object.keys(given))
	if (!(name in inputs)) throw new Error(`action.yml has no input ${name}`);

const temp = mkdtempSync(join(tmpdir(), 'kvcert-runner-'));
const summaryFile = values.summary ? resolve(values.summary) : join(temp, 'step-summary.md');
const stepOutputs = {};

/** Substitutes the `${{ … }}` expressions a runner would; anything else is refused, not guessed. */
function substitute(text) {
	return String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression) => {
		let match;
		if ((match = /^inputs\.([\w-]+)$/.exec(expression))) {
			if (!(match[1] in inputs)) throw new Error(`unknown input in ${expression}`);
			return inputs[match[1]];
		}
		if (expression === 'github.action_path') return actionPath;
		if (expression === 'github.workspace') return workspace;
		if (expression === 'runner.temp') return temp;
		if ((match = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression)))
			return stepOutputs[match[1]]?.[match[2]] ?? '';
		throw new Error(`run-action does not evaluate \${{ ${expression} }}`);
	});
}

/** Reads GITHUB_OUTPUT: `name=value` lines and `name<<DELIMITER` blocks. */
function readOutputs(file) {
	const outputs = {};
	const lines = readFileSync(file, 'utf8').split('\n');
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i];
		const heredoc = /^([\w-]+)<<(.+)$/.exec(line);
		if (heredoc) {
			const body = [];
			while (++i < lines.length && lines[i] !== heredoc[2]) body.push(lines[i]);
			outputs[heredoc[1]] = body.join('\n');
		} else if (line.includes('='))
			outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
	}
	return outputs;
}

const report = { steps: [], outputs: {} };
let failed = 0;
try {
	for (const [index, step] of action.runs.steps.entries()) {
		if (step.uses)
			throw new Error(`step ${index + 1} uses ${step.uses}: run-action runs shell steps only`);
		if (step.if) throw new Error(`step ${index + 1} has an if: run-action does not evaluate it`);
		if (step.shell !== 'bash') throw new Error(`step ${index + 1}: only shell: bash is supported`);
		const outputFile = join(temp, `output-${index}`);
		writeFileSync(outputFile, '');
		const script = join(temp, `step-${index}.sh`);
		writeFileSync(script, substitute(step.run));
		const env = {
			...process.env,
			CI: 'true',
			GITHUB_ACTIONS: 'true',
			GITHUB_ACTION_PATH: actionPath,
			GITHUB_WORKSPACE: workspace,
			GITHUB_OUTPUT: outputFile,
			GITHUB_STEP_SUMMARY: summaryFile,
			RUNNER_TEMP: temp,
			...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(v)])),
		};
		const cwd = step['working-directory']
			? resolve(workspace, substitute(step['working-directory']))
			: workspace;
		const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], {
			cwd,
			env,
			stdio: 'inherit',
		});
		const code = result.status ?? 1;
		if (step.id) stepOutputs[step.id] = readOutputs(outputFile);
		report.steps.push({
			name: step.name ?? `step ${index + 1}`,
			id: step.id ?? null,
			exitCode: code,
		});
		if (code !== 0) {
			failed = code;
			break;
		}
	}
	for (const [name, spec] of Object.entries(action.outputs ?? {}))
		report.outputs[name] = substitute(spec.value);
} finally {
	rmSync(temp, { recursive: true, force: true });
}
console.log(`run-action: ${JSON.stringify(report)}`);
process.exit(failed);
