// The Azure Pipelines example of the README, run as the Linux agent runs it
// (scripts/run-azure-pipeline.mjs): the packed tarball stands in for the registry package
// (KVCERT_PACKAGE as a queue-time variable), the JUnit results are parsed as PublishTestResults
// reads them, and the SARIF file is published as an artifact.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'kvcert-azure-'));
const pipelineFile = join(temp, 'azure-pipelines.yml');
let tarball = '';
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The YAML block under "### Azure Pipelines" in the README. */
function readmePipeline(): string {
	const readme = readFileSync(join(root, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('### Azure Pipelines'));
	const match = /```yaml\n([\s\S]*?)```/.exec(section);
	if (!match) throw new Error('no yaml block under ### Azure Pipelines');
	return match[1]!;
}

const npmEnv = {
	npm_config_audit: 'false',
	npm_config_fund: 'false',
	npm_config_update_notifier: 'false',
	// Never the registry: kvcert comes from the tarball.
	npm_config_offline: 'true',
};

beforeAll(() => {
	writeFileSync(pipelineFile, readmePipeline());
	const packed = execFileSync(
		'npm',
		['pack', '--json', '--pack-destination', temp, '--loglevel', 'error'],
		{
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, ...npmEnv },
		}
	);
	tarball = join(temp, JSON.parse(packed.slice(packed.indexOf('[')))[0].filename);
}, 120_000);

function runPipeline(sources: string) {
	const artifacts = join(temp, `artifacts-${Math.random().toString(36).slice(2)}`);
	const result = spawnSync(
		process.execPath,
		[
			join(root, 'scripts/run-azure-pipeline.mjs'),
			'--pipeline',
			pipelineFile,
			'--sources',
			sources,
			'--artifacts',
			artifacts,
			'--variable',
			`KVCERT_PACKAGE=${tarball}`,
		],
		{ encoding: 'utf8', env: { ...process.env, ...npmEnv, LANG: 'en_US.UTF-8', KVCERT_LANG: '' } }
	);
	const line = result.stdout.split('\n').find((l) => l.startsWith('run-azure-pipeline: '))!;
	return {
		status: result.status,
		log: result.stdout,
		artifacts,
		report: JSON.parse(line.slice('run-azure-pipeline: '.length)) as {
			steps: Array<{ name: string; result: string }>;
			testResults: Array<{ tests: number; failed: number; failures: string[]; title: string }>;
			artifacts: string[];
		},
	};
}

function sources(files: Record<string, string>): string {
	const dir = mkdtempSync(join(temp, 'repo-'));
	execFileSync('git', ['init', '-q', dir]);
	mkdirSync(join(dir, 'infra'));
	for (const [name, source] of Object.entries(files))
		copyFileSync(join(root, source), join(dir, 'infra', name));
	return dir;
}

describe('the Azure Pipelines example', { timeout: 180_000 }, () => {
	it('uses only tasks and steps the runner script knows', () => {
		const steps = parse(readmePipeline()).steps as Array<{ task?: string; script?: string }>;
		expect(steps.map((s) => s.task ?? 'script')).toEqual([
			'NodeTool@0',
			'script',
			'script',
			'PublishTestResults@2',
			'script',
			'PublishBuildArtifacts@1',
		]);
	});

	it('fails the job on a broken template, publishing the JUnit failures and the SARIF file', () => {
		const dir = sources({
			'broken.json': 'tests/fixtures/check/learn-windows-top-level.json',
			'clean.json': 'samples/arm/windows-vm-extension.json',
		});
		const { status, log, report, artifacts } = runPipeline(dir);
		expect(status).toBe(1);
		expect(report.steps.map((s) => `${s.name}: ${s.result}`)).toEqual([
			'NodeTool@0: succeeded',
			'Install kvcert: succeeded',
			'kvcert check: failed',
			'PublishTestResults@2: succeeded',
			'kvcert SARIF: succeeded',
			'PublishBuildArtifacts@1: succeeded',
		]);
		// The findings are in the step's log, although the JUnit report went to a file.
		expect(log).toContain('error[KV015]: The URL points to /certificates/');
		expect(report.testResults).toHaveLength(1);
		expect(report.testResults[0]).toMatchObject({ tests: 4, failed: 3, title: 'kvcert' });
		expect(report.testResults[0]!.failures[1]).toBe(
			'KV015 certificates-path (infra/broken.json:29:57)'
		);
		expect(report.artifacts).toEqual(['CodeAnalysisLogs']);
		const sarif = JSON.parse(
			readFileSync(join(artifacts, 'CodeAnalysisLogs/kvcert.sarif'), 'utf8')
		);
		expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
			'KV005',
			'KV015',
			'KV020',
		]);
	});

	it('passes on clean templates', () => {
		const { status, report } = runPipeline(
			sources({ 'clean.json': 'samples/arm/windows-vm-extension.json' })
		);
		expect(status).toBe(0);
		expect(report.steps.every((s) => s.result === 'succeeded')).toBe(true);
		expect(report.testResults[0]).toMatchObject({ tests: 1, failed: 0 });
	});
});
