import { describe, expect, test } from 'vitest';
import {
	defaultOptions,
	refusalCodes,
	refusalsOf,
	scaffold,
	type RefusalCode,
	type ScaffoldFormat,
	type ScaffoldOptions,
} from '../../../src/core/scaffold/index.ts';
import { subnetId, translate, userIdentity } from './helpers.ts';

const windows = (changes: Partial<ScaffoldOptions>): ScaffoldOptions => ({
	...defaultOptions('windows'),
	...changes,
});
const linux = (changes: Partial<ScaffoldOptions>): ScaffoldOptions => ({
	...defaultOptions('linux'),
	...changes,
});
const newVm = { machine: 'new', subnetId } as const;

/** One case per reason: the answers, the format (if the reason is the format's), the field. */
const cases: Array<[RefusalCode, ScaffoldOptions, ScaffoldFormat | undefined, string]> = [
	['versionUnknown', windows({ version: '2.0' }), undefined, 'version'],
	['versionUnsupported', linux({ version: '2.0' }), undefined, 'version'],
	['arcNew', linux({ target: 'arc', machine: 'new' }), undefined, 'machine'],
	['arcUserIdentity', linux({ target: 'arc', identity: userIdentity }), undefined, 'identity'],
	['nestedExisting', windows({ form: 'nested' }), undefined, 'form'],
	[
		'scaleSetChildNew',
		windows({ ...newVm, machineName: 'web', target: 'vmss-uniform' }),
		undefined,
		'form',
	],
	[
		'linkOnRenewalLinux',
		linux({ version: '3.0', linkOnRenewal: true }),
		undefined,
		'linkOnRenewal',
	],
	['linkOnRenewalRemoved', windows({ linkOnRenewal: false }), undefined, 'linkOnRenewal'],
	[
		'keyExportableLinux',
		linux({ certificates: [{ name: 'a', keyExportable: true }] }),
		undefined,
		'certificates.0.keyExportable',
	],
	[
		'keyExportableRemoved',
		windows({ certificates: [{ name: 'a', keyExportable: false }] }),
		undefined,
		'certificates.0.keyExportable',
	],
	[
		'requireInitialSyncRemoved',
		linux({ requireInitialSync: true }),
		undefined,
		'requireInitialSync',
	],
	[
		'initialSyncDeadlock',
		windows({ ...newVm, version: '3.0', requireInitialSync: true }),
		undefined,
		'requireInitialSync',
	],
	[
		'profileDeadlock',
		linux({ ...newVm, target: 'vmss-flexible', form: 'nested' }),
		undefined,
		'form',
	],
	['newMachineScript', windows(newVm), 'azcli', 'machine'],
	[
		'terraformFlexibleSystem',
		linux({ ...newVm, version: '3.0', target: 'vmss-flexible', form: 'nested' }),
		'terraform',
		'identity',
	],
	[
		'symbolicLinkWindows',
		windows({ certificates: [{ name: 'a', symbolicLinkName: 'x' }] }),
		undefined,
		'certificates.0.symbolicLinkName',
	],
	[
		'symbolicLinkRemoved',
		linux({ certificates: [{ name: 'a', symbolicLinkName: 'x' }] }),
		undefined,
		'certificates.0.symbolicLinkName',
	],
	[
		'aclsWindows',
		windows({ certificates: [{ name: 'a', acls: [{ user: 'app' }] }] }),
		undefined,
		'certificates.0.acls',
	],
	[
		'accountsLinux',
		linux({ certificates: [{ name: 'a', accounts: ['Network Service'] }] }),
		undefined,
		'certificates.0.accounts',
	],
	[
		'storeLinux',
		linux({ certificates: [{ name: 'a', storeName: 'MY' }] }),
		undefined,
		'certificates.0.storeName',
	],
	[
		'pathWindows',
		windows({ certificates: [{ name: 'a', path: '/etc/ssl' }] }),
		undefined,
		'certificates.0.path',
	],
	['pollingNotInteger', windows({ pollingIntervalInS: 36.5 }), undefined, 'pollingIntervalInS'],
	['pollingRange', linux({ pollingIntervalInS: 86_400 }), undefined, 'pollingIntervalInS'],
	[
		'pollingPositive',
		linux({ version: '3.0', pollingIntervalInS: 0 }),
		undefined,
		'pollingIntervalInS',
	],
	['machineName', windows({ machineName: 'my vm' }), undefined, 'machineName'],
	[
		'windowsComputerName',
		windows({ ...newVm, machineName: 'a-very-long-vm-name' }),
		undefined,
		'machineName',
	],
	['resourceGroup', windows({ resourceGroup: 'rg.' }), undefined, 'resourceGroup'],
	['vaultName', windows({ vaultName: 'my--vault' }), undefined, 'vaultName'],
	['noCertificates', windows({ certificates: [] }), undefined, 'certificates'],
	[
		'tooManyCertificates',
		windows({ certificates: Array.from({ length: 51 }, (_, i) => ({ name: `c${i}` })) }),
		undefined,
		'certificates',
	],
	[
		'certificateName',
		windows({ certificates: [{ name: 'web_cert' }] }),
		undefined,
		'certificates.0.name',
	],
	[
		'certificateDuplicate',
		windows({ certificates: [{ name: 'Web' }, { name: 'web' }] }),
		undefined,
		'certificates.1.name',
	],
	[
		'storeName',
		windows({ certificates: [{ name: 'a', storeName: "MY'" }] }),
		undefined,
		'certificates.0.storeName',
	],
	[
		'storeLocation',
		windows({ certificates: [{ name: 'a', storeLocation: 'localmachine' as 'LocalMachine' }] }),
		undefined,
		'certificates.0.storeLocation',
	],
	[
		'account',
		windows({ certificates: [{ name: 'a', accounts: ['"; rm -rf /'] }] }),
		undefined,
		'certificates.0.accounts.0',
	],
	[
		'path',
		linux({ certificates: [{ name: 'a', path: 'relative/dir' }] }),
		undefined,
		'certificates.0.path',
	],
	[
		'symbolicLinkName',
		linux({ version: '3.0', certificates: [{ name: 'a', symbolicLinkName: '../x' }] }),
		undefined,
		'certificates.0.symbolicLinkName',
	],
	[
		'aclEntry',
		linux({ certificates: [{ name: 'a', acls: [{}] }] }),
		undefined,
		'certificates.0.acls.0',
	],
	[
		'clientId',
		windows({ identity: { ...userIdentity, clientId: userIdentity.resourceId } }),
		undefined,
		'identity.clientId',
	],
	[
		'identityResourceId',
		windows({ identity: { ...userIdentity, resourceId: 'web-identity' } }),
		undefined,
		'identity.resourceId',
	],
	['subnetId', windows({ machine: 'new' }), undefined, 'subnetId'],
	['machineNameMissing', windows({ machineName: '' }), undefined, 'machineName'],
	['resourceGroupMissing', windows({ resourceGroup: '' }), undefined, 'resourceGroup'],
	['vaultNameMissing', windows({ vaultName: '' }), undefined, 'vaultName'],
	[
		'certificateNameMissing',
		windows({ certificates: [{ name: '' }] }),
		undefined,
		'certificates.0.name',
	],
	[
		'clientIdMissing',
		windows({ identity: { ...userIdentity, clientId: '' } }),
		undefined,
		'identity.clientId',
	],
	[
		'identityResourceIdMissing',
		windows({ identity: { ...userIdentity, resourceId: '' } }),
		undefined,
		'identity.resourceId',
	],
];

describe('refusals', () => {
	test('the default answers are written in every format, in both languages', () => {
		for (const os of ['windows', 'linux'] as const)
			for (const format of ['arm', 'bicep', 'terraform', 'azcli', 'powershell'] as const)
				for (const t of [translate.en, translate.ja])
					expect(scaffold(defaultOptions(os), format, t).ok, `${os} ${format}`).toBe(true);
	});

	test('every reason has a case below', () => {
		expect(refusalCodes.filter((code) => !cases.some(([c]) => c === code))).toEqual([]);
	});

	test.each(cases)(
		'%s: refused with the field and a message in ja and en',
		(code, options, format, field) => {
			const refusals = refusalsOf(options, format);
			const refusal = refusals.find((r) => r.code === code);
			expect(refusal, JSON.stringify(refusals)).toBeDefined();
			expect(refusal!.field).toBe(field);
			// The format is refused too: never a file with the answer silently dropped.
			const result = scaffold(options, format ?? 'arm', translate.en);
			expect(result.ok).toBe(false);
			for (const t of [translate.en, translate.ja]) {
				const message = t(`kvcert.builder.refusal.${code}`, refusal!.data);
				expect(message).not.toMatch(/^kvcert\.|\{\{\w+\}\}/);
			}
		}
	);

	test('a refused value is quoted in the message, cut short when it is long', () => {
		const [refusal] = refusalsOf(windows({ vaultName: 'x'.repeat(10_000) }));
		expect(String(refusal!.data['name']).length).toBe(80);
		expect(translate.en('kvcert.builder.refusal.vaultName', refusal!.data)).toContain('xxxx…');
	});

	test('a format refuses only what it cannot write: the same new machine is fine in ARM', () => {
		const options = windows(newVm);
		expect(refusalsOf(options, 'arm')).toEqual([]);
		expect(refusalsOf(options, 'powershell').map((r) => r.code)).toEqual(['newMachineScript']);
	});
});
