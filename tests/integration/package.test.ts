// The package as users install it: `npm pack` (which bundles the CLI through prepack), the tarball
// installed offline into an empty folder outside the repository, then `npx kvcert` run there.
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import {
	copyFileSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedDataFile } from '../support/shared-data.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const temp = mkdtempSync(join(tmpdir(), 'kvcert-package-'));
const project = join(temp, 'project');
let tarball = '';
let tarballFiles: string[] = [];

// The broken template is Microsoft Learn's Key Vault VM extension example (certificates/ URL, no
// store location); the clean one is the site's own Windows sample.
const broken = join(root, 'tests/fixtures/check/learn-windows-top-level.json');
const clean = join(root, 'samples/arm/windows-vm-extension.json');
// Bicep and Terraform: the browser checker's examples (a numeric polling interval and a versioned URL).
const brokenBicep = join(
	root,
	'src/components/widgets/checker/examples/windows-secret-uri-with-version.bicep'
);
const brokenTerraform = join(root, 'src/components/widgets/checker/examples/linux-secret-id.tf');

const npmEnv = {
	...process.env,
	npm_config_audit: 'false',
	npm_config_fund: 'false',
	npm_config_update_notifier: 'false',
	// Never the registry: kvcert must come from the tarball installed below.
	npm_config_offline: 'true',
};

beforeAll(() => {
	const packed = execFileSync(
		'npm',
		['pack', '--json', '--pack-destination', temp, '--loglevel', 'error'],
		{ cwd: root, encoding: 'utf8', env: npmEnv, stdio: ['ignore', 'pipe', 'pipe'] }
	);
	const [info] = JSON.parse(packed.slice(packed.indexOf('['))) as Array<{
		filename: string;
		files: Array<{ path: string }>;
	}>;
	tarball = join(temp, info!.filename);
	tarballFiles = info!.files.map((f) => f.path);
	mkdirSync(project);
	writeFileSync(join(project, 'package.json'), '{ "name": "probe", "private": true }\n');
	// Offline: the package has no runtime dependencies, so nothing is fetched.
	execFileSync('npm', ['install', '--offline', '--no-save', '--loglevel', 'error', tarball], {
		cwd: project,
		env: npmEnv,
		stdio: 'pipe',
	});
	copyFileSync(broken, join(project, 'broken.json'));
	copyFileSync(clean, join(project, 'clean.json'));
	copyFileSync(brokenBicep, join(project, 'broken.bicep'));
	copyFileSync(brokenTerraform, join(project, 'broken.tf'));
}, 180_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const runEnv = { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', KVCERT_LANG: '' };

/** `npx kvcert …` in the install folder. */
function npx(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync('npx', ['kvcert', ...args], {
		cwd: project,
		encoding: 'utf8',
		env: { ...npmEnv, ...runEnv, GITHUB_STEP_SUMMARY: '', ...env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The bin npm linked (node_modules/.bin/kvcert): the same program without npx's own start-up. */
function kvcert(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(join(project, 'node_modules/.bin/kvcert'), args, {
		cwd: project,
		encoding: 'utf8',
		env: { ...process.env, ...runEnv, GITHUB_STEP_SUMMARY: '', ...env },
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the npm package', () => {
	it('ships the compiled CLI, the config schema and the licence, and nothing of the site or the tests', () => {
		expect(tarballFiles).toContain('dist-cli/kvcert.js');
		expect(tarballFiles).toContain('package.json');
		expect(tarballFiles).toContain('LICENSE');
		expect(tarballFiles).toContain('schemas/kvcert.config.schema.json');
		// The Action's entry is for GitHub's checkout, not for npm users.
		expect(tarballFiles).not.toContain('dist-cli/action.js');
		const unexpected = tarballFiles.filter(
			(f) =>
				!f.startsWith('dist-cli/') &&
				!['package.json', 'README.md', 'LICENSE', 'schemas/kvcert.config.schema.json'].includes(f)
		);
		expect(unexpected).toEqual([]);
		expect(tarballFiles.filter((f) => /\.(?:ts|astro|mdx)$/.test(f))).toEqual([]);
		const installed = join(project, 'node_modules/kvcert');
		const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
		expect(manifest.bin).toEqual({ kvcert: 'dist-cli/kvcert.js' });
		// Publishable: MIT, no private flag, and no script that runs at install time.
		expect(manifest).toMatchObject({ license: 'MIT', engines: { node: expect.any(String) } });
		expect(manifest.private).toBeUndefined();
		expect(manifest.repository.url).toMatch(/^git\+https:\/\//);
		expect(manifest.homepage).toMatch(/^https:\/\//);
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepack'])
			expect(manifest.scripts?.[script]).toBeUndefined();
		expect(manifest.dependencies ?? {}).toEqual({});
		// Nothing but kvcert itself was installed.
		expect(readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual([
			'kvcert',
		]);
		expect(readFileSync(join(installed, 'dist-cli/kvcert.js'), 'utf8')).toMatch(
			/^#!\/usr\/bin\/env node\n/
		);
	});

	it('passes npm publish --dry-run with the same files', () => {
		const result = spawnSync('npm', ['publish', '--dry-run', '--json'], {
			cwd: root,
			encoding: 'utf8',
			env: npmEnv,
		});
		expect(result.status, result.stderr).toBe(0);
		// The bundle is checked fresh before publishing (prepublishOnly).
		expect(result.stderr).toContain('dist-cli/ is the build of the current sources');
		const warnings = result.stderr
			.split('\n')
			.filter((line) => /npm warn/i.test(line) && !/requires you to be logged in/.test(line));
		expect(warnings).toEqual([]);
		// npm 11 keys the report by package name; npm 10 gives it bare.
		const report = JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
		const published = report.kvcert ?? report;
		expect(published.files.map((f: { path: string }) => f.path).sort()).toEqual(
			[...tarballFiles].sort()
		);
	}, 120_000);

	it('prints its version and its help in English and Japanese', () => {
		expect(npx(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
		const en = npx(['--help']);
		expect(en.status).toBe(0);
		expect(en.stdout).toContain('Usage: kvcert <command> [options]');
		expect(en.stdout).toContain('Check Key Vault VM extension settings');
		const ja = npx(['--help'], { LANG: 'ja_JP.UTF-8' });
		expect(ja.stdout).toContain('使い方: kvcert <コマンド> [オプション]');
		expect(ja.stdout).toContain('Key Vault VM 拡張機能の設定を確認します');
		expect(kvcert(['--help'], { KVCERT_LANG: 'ja' }).stdout).toContain('使い方: kvcert');
		const checkHelp = kvcert(['check', '--help', '--lang', 'ja']);
		expect(checkHelp).toMatchObject({ status: 0 });
		expect(checkHelp.stdout).toContain('使い方: kvcert check');
		expect(kvcert(['check', '--help']).stdout).toContain('Usage: kvcert check');
	}, 60_000);

	it('checks a broken and a clean template in every format, with the documented exit codes', () => {
		const text = kvcert(['check', 'broken.json']);
		expect(text.status).toBe(1);
		expect(text.stdout).toContain('error[KV015]');
		expect(text.stdout).toContain('--> broken.json:29:57');
		const cleanText = kvcert(['check', 'clean.json']);
		expect(cleanText.status).toBe(0);
		expect(cleanText.stdout).toBe('clean.json: 1 Key Vault VM extension(s), no problems found.\n');
		expect(kvcert(['check', 'broken.json', '--lang', 'ja']).stdout).toContain('エラー[KV015]');

		const json = kvcert(['check', 'broken.json', 'clean.json', '--format', 'json']);
		expect(json.status).toBe(1);
		const report = JSON.parse(json.stdout);
		expect(report.tool).toMatchObject({ name: 'kvcert', version: pkg.version });
		expect(report.files.map((f: { file: string }) => f.file)).toEqual([
			'broken.json',
			'clean.json',
		]);
		expect(report.files[1].diagnostics).toEqual([]);
		expect(kvcert(['check', 'clean.json', '--format', 'json']).status).toBe(0);

		const schema = JSON.parse(readFileSync(sharedDataFile('sarif-schema-2.1.0.json'), 'utf8'));
		const validate = new Ajv({ strict: false, validateFormats: false }).compile(schema);
		for (const [file, status] of [
			['broken.json', 1],
			['clean.json', 0],
		] as const) {
			const sarif = npx(['check', file, '--format', 'sarif']);
			expect(sarif.status).toBe(status);
			const log = JSON.parse(sarif.stdout);
			expect(validate(log)).toBe(true);
			expect(log.runs[0].tool.driver.semanticVersion).toBe(pkg.version);
			expect(log.runs[0].results.length > 0).toBe(status === 1);
		}

		const github = kvcert(['check', 'broken.json', '--format', 'github']);
		expect(github.status).toBe(1);
		expect(github.stdout).toMatch(/^::error file=broken\.json,line=29,col=57,/m);
		expect(kvcert(['check', 'clean.json', '--format', 'github'])).toMatchObject({
			status: 0,
			stdout: '',
		});

		const missing = kvcert(['check', 'missing.json']);
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('kvcert check: missing.json does not exist.');
	}, 120_000);

	it('reads Bicep and Terraform with the grammars shipped beside the bundle', () => {
		for (const file of ['tree-sitter.wasm', 'tree-sitter-bicep.wasm', 'tree-sitter-terraform.wasm'])
			expect(tarballFiles).toContain(`dist-cli/grammars/${file}`);
		const bicep = kvcert(['check', 'broken.bicep', '--format', 'json']);
		expect(bicep.stderr).toBe('');
		expect(bicep.status).toBe(1);
		const bicepFindings = JSON.parse(bicep.stdout).files[0].diagnostics.map(
			(d: { ruleId: string; range: { start: { line: number } } }) => [d.ruleId, d.range.start.line]
		);
		expect(bicepFindings).toEqual([
			['KV010', 31],
			['KV043', 34],
		]);
		const terraform = kvcert(['check', 'broken.tf']);
		expect(terraform.status).toBe(1);
		expect(terraform.stdout).toContain('error[KV010]');
		expect(terraform.stdout).toContain('--> broken.tf:17:28');
		expect(terraform.stdout).toContain('warning[KV042]');
		expect(terraform.stdout).toContain('--> broken.tf:20:77');
		expect(kvcert(['check', 'broken.tf', '--lang', 'ja']).stdout).toContain('エラー[KV010]');
	}, 60_000);

	it('computes certificate thumbprints without the repository', () => {
		const pem = join(root, 'tests/fixtures/thumbprint/www.contoso.test.pem');
		copyFileSync(pem, join(project, 'cert.pem'));
		const result = kvcert(['thumbprint', 'cert.pem', '--format', 'json']);
		expect(result.status).toBe(0);
		const fingerprint = new X509Certificate(readFileSync(pem)).fingerprint.replaceAll(':', '');
		expect(JSON.parse(result.stdout)[0].sha1).toBe(fingerprint);
	});
});
