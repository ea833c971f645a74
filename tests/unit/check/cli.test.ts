import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(root, 'tests/fixtures/check');
const temp = mkdtempSync(join(tmpdir(), 'kvcert-check-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function kvcert(
	args: string[],
	options: { input?: string; env?: Record<string, string>; cwd?: string } = {}
) {
	const result = spawnSync(process.execPath, [join(root, 'bin/kvcert.mjs'), 'check', ...args], {
		cwd: options.cwd ?? fixtures,
		input: options.input ?? '',
		encoding: 'utf8',
		// A command that never returns fails the test instead of hanging the run.
		timeout: 60_000,
		env: {
			...process.env,
			LANG: 'en_US.UTF-8',
			LC_ALL: '',
			LC_MESSAGES: '',
			KVCERT_LANG: '',
			GITHUB_STEP_SUMMARY: '',
			...options.env,
		},
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('kvcert check', () => {
	it('exits 0 when nothing reaches --fail-on, and says when there is no extension', () => {
		const clean = kvcert(['no-extension.json']);
		expect(clean.status).toBe(0);
		expect(clean.stdout).toContain('no Key Vault VM extension found');
		// One user-assigned identity without msiClientId: a warning (KV030), not an error.
		expect(kvcert(['service-fabric-vmss.json', '--fail-on', 'error']).status).toBe(0);
		expect(kvcert(['service-fabric-vmss.json', '--fail-on', 'warning']).status).toBe(1);
		expect(kvcert(['powershell.ps1']).status).toBe(0);
		expect(kvcert(['powershell.ps1', '--fail-on', 'warning']).status).toBe(1);
	});

	it('fails --fail-on error on a named file that is not text, but not on JSON with nothing to check', () => {
		// rv24c item 4: random bytes named .json got an info and exit 0.
		const bytes = Buffer.alloc(4096);
		for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) % 256;
		writeFileSync(join(temp, 'random.json'), bytes);
		const binary = kvcert(['random.json', '--fail-on', 'error'], { cwd: temp });
		expect(binary.status).toBe(1);
		expect(binary.stdout).toContain('error[KV051]: This file cannot be read as text');
		expect(binary.stdout).toContain('--> random.json:1:1');
		writeFileSync(join(temp, 'package.json'), '{"name":"x","version":"1.0.0"}\n');
		expect(kvcert(['package.json', '--fail-on', 'error'], { cwd: temp }).status).toBe(0);
	});

	it('exits 1 with text output pointing at the source', () => {
		const { status, stdout } = kvcert(['learn-windows-top-level.json']);
		expect(status).toBe(1);
		expect(stdout).toContain('error[KV015]');
		expect(stdout).toContain('--> learn-windows-top-level.json:29:57');
		expect(stdout).toMatch(/\n\s+\|\s+\^{12}\n/);
	});

	it('exits 2 on usage errors and unreadable paths, saying what and where', () => {
		expect(kvcert([]).status).toBe(2);
		expect(kvcert(['x.json', '--format', 'xml']).status).toBe(2);
		expect(kvcert(['x.json', '--bogus']).status).toBe(2);
		const missing = kvcert(['does-not-exist.json']);
		expect(missing.status).toBe(2);
		expect(missing.stderr).toContain('does-not-exist.json');
		writeFileSync(
			join(temp, 'cmd.sh'),
			'az vm extension set -n KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --settings @gone.json\n'
		);
		writeFileSync(join(temp, 'mail.txt'), 'Hi team,\nthe extension fails again. Any idea?\n');
		// A named file that holds nothing kvcert reads is an info, not a usage error.
		const mail = kvcert(['mail.txt', 'cmd.sh'], { cwd: temp });
		expect(mail.status).toBe(0);
		expect(mail.stdout).toContain(
			'info[KV051]: This text looks like an email. kvcert check reads ARM templates (JSON)'
		);
		expect(mail.stdout).toContain('--> mail.txt:1:1');
	});

	it('never aborts on a settings file it cannot read: a warning at its place, checking goes on', () => {
		writeFileSync(
			join(temp, 'cmd.sh'),
			'az vm extension set -n KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --settings @gone.json\n'
		);
		const reference = kvcert(['cmd.sh', join(fixtures, 'az-cli.sh')], { cwd: temp });
		expect(reference.status).toBe(1);
		expect(reference.stdout).toContain(
			'warning[KV051]: Settings not read: file "gone.json" cannot be read — findings for them are not shown.\n  --> cmd.sh:1:89'
		);
		expect(reference.stdout).toContain('KV010');
		expect(reference.stdout).toContain(
			'cmd.sh: the settings of 1 Key Vault VM extension(s) could not be read and were not checked.'
		);
		const json = JSON.parse(kvcert(['cmd.sh', '--format', 'json'], { cwd: temp }).stdout);
		expect(json.files[0]).toMatchObject({ extensions: 1, unreadSettings: 1 });
		expect(json.summary.unreadSettings).toBe(1);
		const ja = kvcert(['cmd.sh', '--lang', 'ja'], { cwd: temp });
		expect(ja.stdout).toContain(
			'settings を読み取れませんでした: ファイル "gone.json" を読めません。'
		);
		expect(ja.stdout).toContain('Key Vault VM 拡張機能 1 件の settings を読み取れませんでした。');
	});

	it('writes JSON with the documented schema', () => {
		const { status, stdout } = kvcert(['az-cli.sh', '--format', 'json']);
		expect(status).toBe(1);
		const report = JSON.parse(stdout);
		expect(report).toMatchObject({ version: 1, tool: { name: 'kvcert' }, lang: 'en' });
		expect(report.files[0]).toMatchObject({ file: 'az-cli.sh', kind: 'command', extensions: 2 });
		expect(report.files[0].diagnostics[0]).toMatchObject({
			ruleId: 'KV010',
			severity: 'error',
			file: 'az-cli.sh',
			range: { start: { line: 6, column: 68 }, end: { line: 6, column: 72 } },
		});
		expect(report.summary.errors).toBe(3);
	});

	it('writes SARIF', () => {
		const { stdout } = kvcert(['arc-linux.json', 'arc-linux.parameters.json', '--format', 'sarif']);
		const sarif = JSON.parse(stdout);
		expect(sarif.version).toBe('2.1.0');
		expect(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
		expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
			'KV022',
			'KV010',
			'KV016',
		]);
	});

	it('writes GitHub annotations and the step summary', () => {
		const summary = join(temp, 'summary.md');
		const { stdout } = kvcert(['az-cli.sh', '--format', 'github'], {
			env: { GITHUB_STEP_SUMMARY: summary },
		});
		// Annotations name files from the repository root, whatever the working folder.
		expect(stdout).toContain(
			'::error file=tests/fixtures/check/az-cli.sh,line=6,col=68,endLine=6,endColumn=72,title=KV010 polling-interval-string::'
		);
		expect(readFileSync(summary, 'utf8')).toContain('| KV032 |');
	});

	it('answers in Japanese with --lang ja or LANG=ja_JP', () => {
		expect(kvcert(['learn-windows-top-level.json', '--lang', 'ja']).stdout).toContain(
			'秘密鍵を含む証明書を取得するには /secrets/ を使ってください'
		);
		expect(kvcert(['no-extension.json'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout).toContain(
			'見つかりませんでした'
		);
	});

	it('reads standard input with -', () => {
		const { status, stdout } = kvcert(['-', '--format', 'json'], {
			input: read('tre-settings.json'),
		});
		expect(status).toBe(1);
		expect(JSON.parse(stdout).files[0]).toMatchObject({ file: '<stdin>', kind: 'settings' });
	});

	it('fixes a copy with --fix and lists what changed', () => {
		const copy = join(temp, 'learn.json');
		copyFileSync(join(fixtures, 'learn-windows-top-level.json'), copy);
		const { status, stderr } = kvcert(['learn.json', '--fix'], { cwd: temp });
		const fixed = readFileSync(copy, 'utf8');
		expect(fixed).toContain('"url": "https://myvault.vault.azure.net/secrets/mycertificate1"');
		expect(fixed).toContain('"certificateStoreLocation": "LocalMachine"');
		expect(stderr).toContain('fixed KV015');
		expect(stderr).toContain('fixed KV020');
		expect(status).toBe(1);
	});
});

describe('kvcert check flags for CI', () => {
	const esc = '\u001b[';
	/** Runs kvcert on a pseudo-terminal (util-linux `script`), as a user at a terminal sees it. */
	function onTerminal(args: string[], env: Record<string, string> = {}) {
		const command = [process.execPath, join(root, 'bin/kvcert.mjs'), 'check', ...args]
			.map((a) => `'${a}'`)
			.join(' ');
		return spawnSync('script', ['-qec', command, '/dev/null'], {
			cwd: fixtures,
			encoding: 'utf8',
			env: { ...process.env, LANG: 'en_US.UTF-8', NO_COLOR: '', ...env },
		}).stdout;
	}

	it('--quiet shows errors only and never calls a file with warnings clean', () => {
		const quiet = kvcert(['az-cli.sh', 'powershell.ps1', '--quiet']);
		expect(quiet.status).toBe(1);
		expect(quiet.stdout).toContain('error[KV010]');
		expect(quiet.stdout).not.toContain('warning[');
		expect(quiet.stdout).not.toContain('powershell.ps1');
		const onlyWarnings = kvcert(['powershell.ps1', '-q']);
		expect(onlyWarnings).toMatchObject({ status: 0, stdout: '' });
		const json = JSON.parse(kvcert(['az-cli.sh', '--quiet', '--format', 'json']).stdout);
		expect(json.summary).toMatchObject({ errors: 3, warnings: 0 });
	});

	it('--max-warnings N fails when there are more than N warnings, in the user’s language', () => {
		expect(kvcert(['powershell.ps1', '--max-warnings', '2']).status).toBe(0);
		const over = kvcert(['powershell.ps1', '--max-warnings', '1']);
		expect(over.status).toBe(1);
		expect(over.stderr).toContain('kvcert check: 2 warnings, more than --max-warnings 1.');
		const quiet = kvcert(['powershell.ps1', '--max-warnings=0', '--quiet', '--lang', 'ja']);
		expect(quiet).toMatchObject({ status: 1, stdout: '' });
		expect(quiet.stderr).toContain('警告が 2 件あり、--max-warnings の 0 件を超えています。');
		const bad = kvcert(['powershell.ps1', '--max-warnings', 'many']);
		expect(bad.status).toBe(2);
		expect(bad.stderr).toContain('invalid value "many" for --max-warnings');
	});

	it('colours only on a terminal, and not with --no-color or NO_COLOR', () => {
		expect(kvcert(['az-cli.sh']).stdout).not.toContain(esc);
		const coloured = onTerminal(['az-cli.sh']);
		expect(coloured).toContain(`${esc}1m${esc}31merror[KV010]${esc}39m`);
		expect(coloured).toContain(`${esc}33mwarning[KV032]`);
		expect(onTerminal(['az-cli.sh', '--lang', 'ja'])).toContain(`${esc}31mエラー[KV010]`);
		for (const plain of [
			onTerminal(['az-cli.sh', '--no-color']),
			onTerminal(['az-cli.sh'], { NO_COLOR: '1' }),
		]) {
			expect(plain).toContain('error[KV010]');
			expect(plain).not.toContain(esc);
		}
	});

	it('creates the --output folder, and says so when the file cannot be written', () => {
		copyFileSync(join(fixtures, 'az-cli.sh'), join(temp, 'az-cli.sh'));
		copyFileSync(join(fixtures, 'az-cli.settings.json'), join(temp, 'az-cli.settings.json'));
		expect(
			kvcert(['az-cli.sh', '--format', 'sarif', '--output', 'out/a/kv.sarif'], { cwd: temp }).status
		).toBe(1);
		expect(JSON.parse(readFileSync(join(temp, 'out/a/kv.sarif'), 'utf8')).version).toBe('2.1.0');
		const blocked = kvcert(['az-cli.sh', '--output', 'az-cli.sh/kv.txt', '--lang', 'ja'], {
			cwd: temp,
		});
		expect(blocked.status).toBe(2);
		expect(blocked.stderr).toMatch(
			/^kvcert check: az-cli\.sh\/kv\.txt に書き込めません \(E[A-Z]+\)。$/m
		);
	});

	// Issue 24, N18: under /proc, mkdir answers ENOENT for a parent that exists, and Node's
	// recursive mkdir looped on it forever (8 s of CPU in 30 s, killed by a timeout).
	it('refuses an --output folder that cannot be made, at once', () => {
		copyFileSync(join(fixtures, 'az-cli.sh'), join(temp, 'az-cli.sh'));
		copyFileSync(join(fixtures, 'az-cli.settings.json'), join(temp, 'az-cli.settings.json'));
		const proc = kvcert(['az-cli.sh', '--output', '/proc/kvcert-nope/kv.txt'], { cwd: temp });
		expect(proc.status).toBe(2);
		expect(proc.stderr).toBe('kvcert check: cannot write /proc/kvcert-nope/kv.txt (ENOENT).\n');
	});

	// Issue 24, N16: the step summary is Markdown that GitHub renders, so a file name or a quoted
	// value holding HTML must stay text.
	it('writes file names into the step summary as text, not HTML', () => {
		const folder = mkdtempSync(join(temp, 'html-'));
		copyFileSync(join(fixtures, 'az-cli.sh'), join(folder, '<img src=x> & <b>.sh'));
		copyFileSync(join(fixtures, 'az-cli.settings.json'), join(folder, 'az-cli.settings.json'));
		const summary = join(folder, 'summary.md');
		kvcert(['<img src=x> & <b>.sh', '--format', 'github'], {
			cwd: folder,
			env: { GITHUB_STEP_SUMMARY: summary },
		});
		const written = readFileSync(summary, 'utf8');
		expect(written).toContain('| &lt;img src=x&gt; &amp; &lt;b&gt;.sh |');
		expect(written).not.toMatch(/<img|<b>/);
	});

	// rv24b item 2: Windows PowerShell 5 writes UTF-16 with a byte order mark (`>`, Out-File); such
	// a template was read as noise ("neither JSON nor commands", exit 0) and skipped in folders.
	it('reads UTF-16 files with a byte order mark, named or found in a folder', () => {
		const folder = mkdtempSync(join(temp, 'utf16-'));
		const text = read('learn-windows-top-level.json');
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
		const be = Buffer.from(le);
		be.swap16();
		writeFileSync(join(folder, 'le.json'), le);
		writeFileSync(join(folder, 'be.json'), be);
		for (const file of ['le.json', 'be.json']) {
			const named = kvcert([file, '--format', 'json'], { cwd: folder });
			expect(named.status).toBe(1);
			const rules = JSON.parse(named.stdout).files[0].diagnostics.map(
				(d: { ruleId: string }) => d.ruleId
			);
			expect(rules).toContain('KV015');
		}
		// --fix writes the file back in UTF-16, its byte order mark first.
		expect(kvcert(['le.json', '--fix'], { cwd: folder }).stderr).toContain('fixed KV015');
		const fixed = readFileSync(join(folder, 'le.json'));
		expect([...fixed.subarray(0, 2)]).toEqual([0xff, 0xfe]);
		expect(fixed.subarray(2).toString('utf16le')).toContain(
			'"url": "https://myvault.vault.azure.net/secrets/mycertificate1"'
		);
		const walked = kvcert(['.', '--format', 'json'], { cwd: folder });
		expect(walked.status).toBe(1);
		expect(
			JSON.parse(walked.stdout)
				.files.map((f: { file: string }) => f.file)
				.sort()
		).toEqual(['be.json', 'le.json']);
	});

	it('documents the flags in --help in both languages', () => {
		const en = kvcert(['--help']).stdout;
		for (const flag of ['--quiet', '--max-warnings <n>', '--no-color', 'NO_COLOR'])
			expect(en).toContain(flag);
		const ja = kvcert(['--help', '--lang', 'ja']).stdout;
		expect(ja).toContain('エラーだけを出力します');
		expect(ja).toContain('環境変数 NO_COLOR');
	});
});

function read(name: string): string {
	return readFileSync(join(fixtures, name), 'utf8');
}
