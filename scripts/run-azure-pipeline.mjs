// Runs an Azure Pipelines YAML job the way the Linux agent does, without Azure DevOps: pipeline and
// queue-time variables, predefined folders (Build.SourcesDirectory, System.DefaultWorkingDirectory,
// Build.ArtifactStagingDirectory, Common.TestResultsDirectory, Agent.TempDirectory), `$(Name)` macros
// expanded before a step runs and variables given to it as environment variables (NAME_WITH_DOTS →
// NAME_WITH_DOTS upper-cased, `.` as `_`), `script:` steps run by `bash --noprofile --norc <file>`
// in the working folder, and `condition:` with succeeded(), succeededOrFailed(), always(), failed().
// Tasks it knows: NodeTool@0 (the machine's Node stands in), PublishTestResults@2 (JUnit files
// parsed as the task reads them), PublishBuildArtifacts@1 (copied to --artifacts).
//
//   node scripts/run-azure-pipeline.mjs --pipeline <yml> --sources <dir> [--artifacts <dir>]
//                                       [--variable NAME=value]…
//
// Prints each step's output, then one line `run-azure-pipeline: {json}` with every step's result,
// the test results published and the artifacts; exits 1 when a step failed.
import { spawnSync } from 'node:child_process';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

const { values } = parseArgs({
	options: {
		pipeline: { type: 'string' },
		sources: { type: 'string' },
		artifacts: { type: 'string' },
		variable: { type: 'string', multiple: true, default: [] },
	},
});
if (!values.pipeline || !values.sources) {
	console.error('run-azure-pipeline: --pipeline <yml> and --sources <dir> are required');
	process.exit(2);
}
const pipeline = parse(readFileSync(values.pipeline, 'utf8'));
const sources = resolve(values.sources);
const agent = mkdtempSync(join(tmpdir(), 'kvcert-agent-'));
const artifacts = resolve(values.artifacts ?? join(agent, 'published'));
const folders = {
	'Build.SourcesDirectory': sources,
	'System.DefaultWorkingDirectory': sources,
	'Build.ArtifactStagingDirectory': join(agent, 'a'),
	'Common.TestResultsDirectory': join(agent, 'TestResults'),
	'Agent.TempDirectory': join(agent, '_temp'),
};
for (const folder of Object.values(folders).slice(2)) mkdirSync(folder, { recursive: true });

const variables = { ...folders, 'Agent.OS': 'Linux', 'Build.Reason': 'Manual' };
const declared = pipeline.variables ?? {};
if (Array.isArray(declared)) for (const v of declared) variables[v.name] = String(v.value);
else for (const [name, value] of Object.entries(declared)) variables[name] = String(value);
for (const pair of values.variable) {
	const at = pair.indexOf('=');
	variables[pair.slice(0, at)] = pair.slice(at + 1);
}

/** `$(Name)` macros, as the agent expands them before the step runs; unknown ones stay. */
const expand = (text) =>
	String(text).replace(/\$\(([\w.]+)\)/g, (whole, name) => variables[name] ?? whole);
const variableEnv = Object.fromEntries(
	Object.entries(variables).map(([name, value]) => [name.replace(/\./g, '_').toUpperCase(), value])
);

/** Whether a step runs, given whether an earlier step failed. */
function shouldRun(condition, failed) {
	const text = (condition ?? 'succeeded()').replace(/\s+/g, '');
	if (text === 'succeeded()') return !failed;
	if (text === 'succeededOrFailed()' || text === 'always()') return true;
	if (text === 'failed()') return failed;
	throw new Error(`run-azure-pipeline does not evaluate condition: ${condition}`);
}

/** A small well-formedness check, so a broken XML report fails here as the task would fail on it. */
function checkXml(text) {
	const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
	const stack = [];
	const tag = /<(\/?)([A-Z_][\w.-]*)(?:\s+[\w:.-]+="[^"<]*")*\s*(\/?)>|<!--[\s\S]*?-->|([^<]+)/giy;
	let match;
	let end = 0;
	while ((match = tag.exec(body)) !== null) {
		end = tag.lastIndex;
		if (match[4] !== undefined) {
			if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(match[4]))
				throw new Error('bad entity in text');
			continue;
		}
		if (!match[2]) continue;
		if (match[1]) {
			if (stack.pop() !== match[2]) throw new Error(`mismatched </${match[2]}>`);
		} else if (!match[3]) stack.push(match[2]);
	}
	if (end !== body.length || stack.length > 0) throw new Error('not well-formed XML');
}

/** Reads JUnit results as PublishTestResults does: test cases, with failures and skips. */
function readJunit(file) {
	const text = readFileSync(file, 'utf8');
	checkXml(text);
	const cases = text.match(/<testcase\b[\s\S]*?(\/>|<\/testcase>)/g) ?? [];
	return {
		file,
		tests: cases.length,
		failed: cases.filter((c) => /<failure\b/.test(c)).length,
		skipped: cases.filter((c) => /<skipped\b/.test(c)).length,
		failures: cases
			.filter((c) => /<failure\b/.test(c))
			.map((c) => /\sname="([^"]*)"/.exec(c)?.[1] ?? ''),
	};
}

/** Files matching a minimatch-style pattern (`**`, `*`) under a folder. */
function match(pattern, folder) {
	const absolute = resolve(folder, pattern);
	const regex = new RegExp(
		`^${absolute
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.split('**/')
			.map((part) => part.replace(/\*/g, '[^/]*'))
			.join('(?:.*/)?')}$`
	);
	const found = [];
	const walk = (dir) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (regex.test(path)) found.push(path);
		}
	};
	const wildcard = absolute.search(/[*?]/);
	if (wildcard === -1) return existsSync(absolute) ? [absolute] : [];
	const base = dirname(absolute.slice(0, wildcard + 1));
	if (existsSync(base)) walk(base);
	return found;
}

const report = { steps: [], testResults: [], artifacts: [] };
let failed = false;
const steps = pipeline.steps ?? pipeline.jobs?.[0]?.steps ?? [];
try {
	for (const [index, step] of steps.entries()) {
		const name = step.displayName ?? step.task ?? `step ${index + 1}`;
		if (!shouldRun(step.condition, failed)) {
			report.steps.push({ name, result: 'skipped' });
			continue;
		}
		console.log(`##[section]Starting: ${name}`);
		let ok = true;
		if (step.script !== undefined || step.bash !== undefined) {
			const file = join(folders['Agent.TempDirectory'], `step-${index}.sh`);
			writeFileSync(file, expand(step.script ?? step.bash));
			const result = spawnSync('bash', ['--noprofile', '--norc', file], {
				cwd: step.workingDirectory ? resolve(sources, expand(step.workingDirectory)) : sources,
				env: {
					...process.env,
					...variableEnv,
					...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v)])),
					TF_BUILD: 'True',
				},
				stdio: 'inherit',
			});
			ok = result.status === 0;
			if (!ok) console.log(`##[error]Bash exited with code '${result.status}'.`);
		} else if (step.task === 'NodeTool@0') {
			console.log(
				`Using the machine's Node ${process.version} for versionSpec ${step.inputs?.versionSpec}`
			);
		} else if (step.task === 'PublishTestResults@2') {
			const inputs = step.inputs ?? {};
			if ((inputs.testResultsFormat ?? 'JUnit') !== 'JUnit')
				throw new Error('run-azure-pipeline reads JUnit results only');
			const folder = expand(inputs.searchFolder ?? '$(System.DefaultWorkingDirectory)');
			const files = match(expand(inputs.testResultsFiles ?? '**/TEST-*.xml'), folder);
			if (files.length === 0)
				console.log(
					`##[warning]No test result files matching ${inputs.testResultsFiles} were found.`
				);
			for (const file of files) {
				const results = readJunit(file);
				report.testResults.push({
					...results,
					file: relative(agent, file),
					title: inputs.testRunTitle,
				});
				console.log(`Published ${results.tests} test(s), ${results.failed} failed, from ${file}`);
				if (String(inputs.failTaskOnFailedTests) === 'true' && results.failed > 0) ok = false;
			}
		} else if (step.task === 'PublishBuildArtifacts@1') {
			const inputs = step.inputs ?? {};
			const path = expand(inputs.PathtoPublish ?? '$(Build.ArtifactStagingDirectory)');
			if (!existsSync(path)) {
				console.log(`##[error]Path does not exist: ${path}`);
				ok = false;
			} else {
				const target = join(artifacts, inputs.ArtifactName ?? 'drop');
				cpSync(path, target, { recursive: true });
				report.artifacts.push(inputs.ArtifactName ?? 'drop');
			}
		} else throw new Error(`run-azure-pipeline does not know ${step.task ?? JSON.stringify(step)}`);
		report.steps.push({ name, result: ok ? 'succeeded' : 'failed' });
		if (!ok) failed = true;
	}
} finally {
	rmSync(agent, { recursive: true, force: true });
}
console.log(`run-azure-pipeline: ${JSON.stringify(report)}`);
process.exit(failed ? 1 : 0);
