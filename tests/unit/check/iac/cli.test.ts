import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function kvcert(args: string[], options: { cwd?: string; lang?: string } = {}) {
	const result = spawnSync(process.execPath, [join(root, 'bin/kvcert.mjs'), 'check', ...args], {
		cwd: options.cwd ?? root,
		input: '',
		encoding: 'utf8',
		env: { ...process.env, LANG: options.lang ?? 'en_US.UTF-8', GITHUB_STEP_SUMMARY: '' },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kvcert check on Bicep and Terraform', () => {
	it('finds .bicep and .tf files in directories and passes the site samples', () => {
		const { status, stdout } = kvcert(['samples/bicep', 'samples/terraform']);
		expect(stdout).toContain(
			'samples/bicep/vm-extension.bicep: 1 Key Vault VM extension(s), no problems found.'
		);
		expect(stdout).toContain(
			'samples/terraform/vm-extension.tf: 1 Key Vault VM extension(s), no problems found.'
		);
		expect(status).toBe(0);
	});

	it('reports findings at the line and column of the Terraform and Bicep source', () => {
		const { status, stdout } = kvcert([
			'tests/fixtures/iac/caf-vm-extension-secret-id.tf',
			'--format',
			'json',
			'--fail-on',
			'warning',
		]);
		expect(status).toBe(1);
		const report = JSON.parse(stdout) as {
			files: Array<{
				diagnostics: Array<{ ruleId: string; range: { start: { line: number; column: number } } }>;
			}>;
		};
		const found = report.files
			.flatMap((f) => f.diagnostics)
			.map((d) => `${d.ruleId} ${d.range.start.line}:${d.range.start.column}`);
		expect(found).toEqual(['KV004 13:26', 'KV042 20:69']);
	});

	it('reads a JSON --parameters file for a .bicep file, its items through a for loop (public example, JUDGEMENTS.md)', () => {
		const folder = 'tests/fixtures/real-world/samuel-singh-json-params';
		const { status, stdout } = kvcert([
			`${folder}/vm-keyvault-extension.bicep`,
			'--parameters',
			`${folder}/vm-keyvault-extension.parameters.json`,
			'--format',
			'json',
			'--fail-on',
			'warning',
		]);
		const report = JSON.parse(stdout) as {
			files: Array<{
				file: string;
				diagnostics: Array<{
					ruleId: string;
					file: string;
					range: { start: { line: number; column: number } };
				}>;
			}>;
		};
		// Its two versioned URLs reach the extension through `[for cert in observedCertificates: …]`:
		// each found where it is written, in the parameters file (exit 1 on warnings).
		expect(
			report.files.flatMap((f) =>
				f.diagnostics.map(
					(d) => `${f.file} ${d.ruleId} ${d.file} ${d.range.start.line}:${d.range.start.column}`
				)
			)
		).toEqual([
			`${folder}/vm-keyvault-extension.bicep KV016 ${folder}/vm-keyvault-extension.parameters.json 14:59`,
			`${folder}/vm-keyvault-extension.bicep KV016 ${folder}/vm-keyvault-extension.parameters.json 19:65`,
		]);
		expect(status).toBe(1);
	});

	it('finds files by glob, in Japanese', () => {
		const { status, stdout } = kvcert([
			'tests/fixtures/iac/*.bicep',
			'--lang',
			'ja',
			'--fail-on',
			'warning',
		]);
		expect(status).toBe(1);
		expect(stdout).toContain(
			'警告[KV004]: typeHandlerVersion 1.0 は Microsoft のサポート対象外です'
		);
		expect(stdout).toContain('learn-legacy-name-string-list.bicep:12:25');
	});
});
