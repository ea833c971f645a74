import { describe, expect, test } from 'vitest';
import {
	SCRIPT_START,
	configsFromTemplate,
	formatLogLine,
	renewalEvent,
	scriptedVersion,
	simulate,
	workshopConfig,
	workshopVault,
	type ExtensionConfig,
	type LogLine,
	type Simulation,
	type SimOs,
	type VaultEvent,
} from '../../../src/core/simulate/index.ts';

const HOUR = 3600;
const versions: [SimOs, string][] = [
	['windows', '1.0'],
	['windows', '3.0'],
	['windows', '4.0'],
	['linux', '2.0'],
	['linux', '3.0'],
	['linux', '4.0'],
];

function run(
	os: SimOs,
	version: string,
	events: VaultEvent[],
	config?: Partial<ExtensionConfig>,
	polls = 4
): Simulation {
	return simulate({
		config: { ...workshopConfig(os, version), ...config },
		vault: workshopVault(),
		events,
		start: SCRIPT_START,
		polls,
	});
}

const thumbs = (s: Simulation, poll: number) =>
	s.polls[poll]!.certificates.map((c) => c.thumbprint);
const text = (lines: LogLine[], lang: 'ja' | 'en' = 'en') =>
	lines.map((l) => formatLogLine(l, lang)).join('\n');
const renew = renewalEvent(HOUR + 60, 2);

describe.each(versions)('KeyVaultFor%s %s', (os, version) => {
	test('first poll installs the current version; a renewal is installed beside it at the next poll', () => {
		const sim = run(os, version, [renew]);
		expect(sim.interval).toBe(3600);
		const first = sim.polls[0]!;
		expect(first.certificates).toHaveLength(1);
		const old = first.certificates[0]!.thumbprint;
		expect(thumbs(sim, 1)).toEqual([old]); // the renewal happens after the second poll
		const third = thumbs(sim, 2);
		expect(third).toHaveLength(2);
		expect(third[0]).toBe(old);
		expect(third[1]).toBe(renew.kind === 'new-version' ? renew.version.thumbprint : '');
		expect(sim.polls[2]!.events).toEqual([renew]);
		expect(text(sim.polls[0]!.log)).toContain(
			"Refreshing 'https://kvcert-demo.vault.azure.net/secrets/webcert/'"
		);
	});

	test('a disabled current version is refused and nothing is removed', () => {
		const disable: VaultEvent = {
			at: HOUR * 2 + 1,
			kind: 'disable-version',
			certificate: 'webcert',
			version: renew.kind === 'new-version' ? renew.version.version : '',
		};
		const sim = run(os, version, [renew, disable]);
		expect(thumbs(sim, 3)).toEqual(thumbs(sim, 2));
		const log = text(sim.polls[3]!.log);
		expect(log).toContain('403 Forbidden (SecretDisabled)');
		expect(log).toContain('Failed to download one or more certificates, retrying...');
		expect(log).toMatch(/is undocumented; the simulator keeps it/);
	});

	test('a deleted certificate: 404, installed copies stay, and the log says removal is undocumented', () => {
		const sim = run(os, version, [{ at: 10, kind: 'delete-certificate', certificate: 'webcert' }]);
		expect(sim.polls[1]!.certificates).toHaveLength(1);
		const log = text(sim.polls[1]!.log);
		expect(log).toContain('404 Not Found (SecretNotFound)');
		expect(log).toContain(
			'was deleted from the vault. Whether the extension then removes installed copies is undocumented'
		);
	});

	test('revoked access: 403, renewals no longer arrive until access is granted again', () => {
		const sim = run(os, version, [
			{ at: 10, kind: 'revoke-access' },
			renew,
			{ at: HOUR * 2 + 10, kind: 'grant-access' },
		]);
		expect(thumbs(sim, 2)).toHaveLength(1);
		expect(text(sim.polls[2]!.log)).toContain('403 Forbidden (ForbiddenByPolicy)');
		expect(thumbs(sim, 3)).toHaveLength(2);
	});

	test('a missing identity: no token, nothing downloaded', () => {
		const sim = run(os, version, [{ at: 0, kind: 'remove-identity' }]);
		expect(sim.polls[0]!.certificates).toEqual([]);
		expect(text(sim.polls[0]!.log)).toContain('Identity not found');
	});

	test('a versioned URL is not followed: rejected by 4.0, undocumented before', () => {
		const base = workshopConfig(os, version);
		const entry = base.observedCertificates[0]!;
		const url = `${entry.url}/${'a'.repeat(32)}`;
		const sim = run(os, version, [renew], { observedCertificates: [{ ...entry, url }] });
		expect(sim.polls.every((p) => p.certificates.length === 0)).toBe(true);
		const start = text(sim.startLog);
		if (version === '4.0') expect(start).toContain('observed URLs must be versionless');
		else expect(start).toContain('pins it or ignores renewals is undocumented');
	});

	test('the same timeline gives the same store and log on every run', () => {
		const events = [renew, { at: HOUR * 2 + 5, kind: 'revoke-access' } as VaultEvent];
		expect(JSON.stringify(run(os, version, events))).toBe(JSON.stringify(run(os, version, events)));
	});
});

describe('per-version details', () => {
	test('Windows 4.0 installs the two newest versions, never exportable, and links renewals', () => {
		const vault = workshopVault();
		vault.certificates[0]!.versions.unshift(
			scriptedVersion('webcert', 0, SCRIPT_START - 400 * 86_400)
		);
		const sim = simulate({
			config: workshopConfig('windows', '4.0'),
			vault,
			events: [renew],
			start: SCRIPT_START,
			polls: 3,
		});
		expect(sim.polls[0]!.certificates).toHaveLength(2);
		expect(sim.polls[0]!.certificates.every((c) => c.keyExportable === false)).toBe(true);
		const after = sim.polls[2]!.certificates;
		expect(after).toHaveLength(3);
		expect(after[1]!.renewedBy).toBe(after[2]!.thumbprint);
		expect(text(sim.polls[2]!.log)).toContain('whether it removes older ones is undocumented');
	});

	test('Windows 3.0 keyExportable comes from the setting; Windows 1.0 says undocumented', () => {
		expect(run('windows', '3.0', []).polls[0]!.certificates[0]!.keyExportable).toBe(false);
		expect(run('windows', '1.0', []).polls[0]!.certificates[0]!.keyExportable).toBe('undocumented');
	});

	test('Windows linkOnRenewal false: no link', () => {
		const sim = run('windows', '3.0', [renew], { linkOnRenewal: false });
		expect(sim.polls[2]!.certificates[0]!.renewedBy).toBeUndefined();
		expect(run('windows', '3.0', [renew]).polls[2]!.certificates[0]!.renewedBy).toBeDefined();
	});

	test('Linux 3.0: one file per version mode 600 and a symlink to the newest', () => {
		const sim = run('linux', '3.0', [renew]);
		const files = sim.polls[2]!.files;
		const dir = '/var/lib/waagent/Microsoft.Azure.KeyVault.Store';
		const link = files.find((f) => f.kind === 'symlink')!;
		expect(link.path).toBe(`${dir}/kvcert-demo.webcert`);
		const newVersion = renew.kind === 'new-version' ? renew.version.version : '';
		expect(link.target).toBe(`${dir}/kvcert-demo.webcert.${newVersion}`);
		expect(files.filter((f) => f.kind === 'file').map((f) => f.mode)).toEqual(['600', '600']);
	});

	test('Linux 3.0 customSymbolicLinkName and acls with aclEnabled', () => {
		const entry = {
			...workshopConfig('linux', '3.0').observedCertificates[0]!,
			customSymbolicLinkName: 'app1Cert1',
			acls: [{ user: 'app1' }],
		};
		const sim = run('linux', '3.0', [], { observedCertificates: [entry], aclEnabled: true });
		expect(sim.polls[0]!.files.find((f) => f.kind === 'symlink')!.path).toMatch(/\/app1Cert1$/);
		expect(sim.polls[0]!.files.find((f) => f.kind === 'file')!.acls).toEqual([{ user: 'app1' }]);
	});

	test('Linux 4.x: .pem and .keyid symlinks, timestamped files, .luma 644, string list rejected', () => {
		const files = run('linux', '4.0', []).polls[0]!.files;
		const names = files.map((f) => `${f.path.replace(/^.*\//, '')} ${f.kind} ${f.mode}`);
		expect(names).toContain('kvcert-demo.webcert.luma file 644');
		expect(names).toContain('kvcert-demo.webcert.pem symlink 777');
		expect(names).toContain('kvcert-demo.webcert.keyid symlink 777');
		expect(names.some((n) => new RegExp(`\\.pem\\.${SCRIPT_START} file 600$`).test(n))).toBe(true);
		const url = workshopConfig('linux', '4.0').observedCertificates[0]!.url;
		const rejected = run('linux', '4.0', [], { observedCertificates: [{ url, form: 'string' }] });
		expect(rejected.polls[0]!.certificates).toEqual([]);
		expect(text(rejected.startLog)).toContain(
			'no longer supports observedCertificates as a list of URL strings'
		);
	});

	test('Linux 2.0: files named as 3.0, and the log says 1.0/2.0 naming is undocumented', () => {
		const sim = run('linux', '2.0', []);
		expect(sim.polls[0]!.files.map((f) => f.kind)).toEqual(['symlink', 'file']);
		expect(text(sim.startLog)).toContain('File names of Linux 1.0/2.0 are undocumented');
	});

	test('pollingIntervalInS as a number stops the extension with the reported message', () => {
		const sim = run('windows', '1.0', [], { pollingIntervalInS: 3600 });
		expect(sim.polls).toEqual([]);
		expect(text(sim.startLog)).toContain(
			"Failed to parse the configuration settings with: 'not a string'"
		);
	});

	test('4.0 clamps the polling interval; 3.0 says its default is undocumented', () => {
		expect(run('windows', '4.0', [], { pollingIntervalInS: '60' }).interval).toBe(300);
		const sim = run('linux', '3.0', [], { pollingIntervalInS: undefined });
		expect(sim.interval).toBe(3600);
		expect(text(sim.startLog)).toContain('The default for this version is undocumented');
	});

	test('requireInitialSync: transitioning until every certificate is installed', () => {
		const sim = run(
			'windows',
			'3.0',
			[
				{ at: 0, kind: 'revoke-access' },
				{ at: HOUR, kind: 'grant-access' },
			],
			{ requireInitialSync: true }
		);
		expect(sim.polls.map((p) => p.status)).toEqual([
			'transitioning',
			'success',
			'success',
			'success',
		]);
		expect(run('windows', '3.0', [{ at: 0, kind: 'revoke-access' }]).polls[0]!.status).toBe(
			'success'
		);
	});

	test('an undocumented version is not simulated', () => {
		const sim = run('windows', '2.0', []);
		expect(sim.polls).toEqual([]);
		expect(text(sim.startLog, 'ja')).toContain('ドキュメントに記載されたバージョンではありません');
	});

	test('accelerated interval, bounded polls', () => {
		const sim = simulate({
			config: workshopConfig('linux', '3.0'),
			vault: workshopVault(),
			events: [],
			start: SCRIPT_START,
			polls: 10_000,
			intervalOverride: 5,
		});
		expect(sim.polls).toHaveLength(200);
		expect(sim.polls[1]!.at - sim.polls[0]!.at).toBe(5);
	});
});

describe('from the checker model', () => {
	test('a sample ARM template of the site is simulated', async () => {
		const { readFileSync } = await import('node:fs');
		const template = readFileSync(
			new URL('../../../samples/arm/windows-vm-extension.json', import.meta.url),
			'utf8'
		);
		const without = configsFromTemplate(template);
		expect(without.unread.map((u) => u.reason)).toEqual(['url']);
		const parameters = JSON.stringify({
			parameters: {
				vmName: { value: 'vm1' },
				keyVaultName: { value: 'contoso-kv' },
				certificateName: { value: 'www-contoso-com' },
			},
		});
		const { configs, assumedPublicCloud } = configsFromTemplate(template, {
			parameters: { path: 'p.json', text: parameters },
		});
		expect(assumedPublicCloud).toBe(true);
		expect(configs).toHaveLength(1);
		expect(configs[0]!.os).toBe('windows');
		expect(configs[0]!.observedCertificates.map((o) => o.url)).toEqual([
			'https://contoso-kv.vault.azure.net/secrets/www-contoso-com',
		]);
	});

	test('bare Linux 2.0 settings (AzureTRE form) with a fallback OS and version', () => {
		const settings = JSON.stringify({
			secretsManagementSettings: {
				pollingIntervalInS: '3600',
				requireInitialSync: true,
				observedCertificates: ['https://myvault.vault.azure.net/secrets/nexus-cert'],
			},
		});
		const { configs } = configsFromTemplate(settings, { os: 'linux', version: '2.0' });
		expect(configs[0]).toMatchObject({
			os: 'linux',
			version: '2.0',
			pollingIntervalInS: '3600',
			requireInitialSync: true,
			observedCertificates: [
				{ form: 'string', url: 'https://myvault.vault.azure.net/secrets/nexus-cert' },
			],
		});
		const sim = simulate({
			config: configs[0]!,
			vault: {
				access: true,
				identity: true,
				certificates: [
					{
						name: 'nexus-cert',
						deleted: false,
						versions: workshopVault().certificates[0]!.versions,
					},
				],
			},
			events: [],
			start: SCRIPT_START,
			polls: 1,
		});
		expect(sim.polls[0]!.files.find((f) => f.kind === 'symlink')!.path).toBe(
			'/var/lib/waagent/Microsoft.Azure.KeyVault.Store/myvault.nexus-cert'
		);
	});
});
