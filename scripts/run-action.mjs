// Runs the JavaScript action in action.yml the way a GitHub runner does, without GitHub: the
// inputs' defaults applied and every input given as INPUT_<NAME> (upper case, spaces as `_`), then
// `node <action folder>/<runs.main>` started in the workspace with GITHUB_WORKSPACE, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, GITHUB_ACTION_PATH, RUNNER_TEMP and CI set, and the step's outputs read
// back from GITHUB_OUTPUT.
//
//   node scripts/run-action.mjs --workspace <dir> [--action <dir>] [--input name=value]… [--summary <file>]
//
// --action is the action's folder (default: this repository); a test gives it a copy holding only
// the committed files the action needs, as `uses:` downloads them. Prints the action's own output,
// then one line `run-action: {json}` with its exit code and outputs; exits with that code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const { values } = parseArgs({
	options: {
		workspace: { type: 'string' },
		action: { type: 'string' },
		input: { type: 'string', multiple: true, default: [] },
		summary: { type: 'string' },
	},
});
if (!values.workspace) {
	console.error('run-action: --workspace <dir> is required');
	process.exit(2);
}
const actionPath = resolve(
	values.action ?? fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
);
const workspace = resolve(values.workspace);
const action = parse(readFileSync(join(actionPath, 'action.yml'), 'utf8'));
const using = action.runs?.using;
if (!/^node(?:20|24)$/.test(using ?? ''))
	throw new Error(`action.yml runs.using is ${using}: run-action runs node20/node24 actions`);
const main = join(actionPath, action.runs.main);
if (!existsSync(main)) throw new Error(`the action's main file ${action.runs.main} is missing`);

const given = Object.fromEntries(
	values.input.map((pair) => {
		const at = pair.indexOf('=');
		return [pair.slice(0, at), pair.slice(at + 1)];
	})
);
for (const name of Object.keys(given))
	if (!(name in (action.inputs ?? {}))) throw new Error(`action.yml has no input ${name}`);
const inputEnv = {};
for (const [name, spec] of Object.entries(action.inputs ?? {})) {
	const value = String(given[name] ?? spec.default ?? '');
	if (spec.required && !value) throw new Error(`input ${name} is required`);
	inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
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

const temp = mkdtempSync(join(tmpdir(), 'kvcert-runner-'));
const summaryFile = values.summary ? resolve(values.summary) : join(temp, 'step-summary.md');
const outputFile = join(temp, 'output');
writeFileSync(outputFile, '');
// The runner gives the action a clean set of INPUT_ variables: none leak from this process.
const env = Object.fromEntries(
	Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_'))
);
let code = 1;
let outputs = {};
try {
	const result = spawnSync(process.execPath, [main], {
		cwd: workspace,
		env: {
			...env,
			...inputEnv,
			CI: 'true',
			GITHUB_ACTIONS: 'true',
			GITHUB_ACTION_PATH: actionPath,
			GITHUB_WORKSPACE: workspace,
			GITHUB_OUTPUT: outputFile,
			GITHUB_STEP_SUMMARY: summaryFile,
			RUNNER_TEMP: temp,
		},
		stdio: 'inherit',
	});
	code = result.status ?? 1;
	outputs = readOutputs(outputFile);
} finally {
	rmSync(temp, { recursive: true, force: true });
}
console.log(`run-action: ${JSON.stringify({ exitCode: code, outputs })}`);
process.exit(code);
