// Golden files: the exact outputs of a few representative answers, reviewed line by line against
// research/kvvm-extension.md (the review notes are in the branch's report). A change to the output
// shows up here as a diff to review; `UPDATE_GOLDEN=1 npx vitest run tests/unit/scaffold/golden.test.ts`
// rewrites the files after such a review.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
	defaultOptions,
	scaffold,
	type ScaffoldFormat,
	type ScaffoldOptions,
} from '../../../src/core/scaffold/index.ts';
import { subnetId, translate, userIdentity } from './helpers.ts';

const root = new URL('../../fixtures/scaffold/', import.meta.url);

const golden: Array<{
	name: string;
	lang: 'en' | 'ja';
	options: ScaffoldOptions;
	formats: ScaffoldFormat[];
}> = [
	{
		name: 'windows-4.0-vm-existing-system-role',
		lang: 'en',
		options: defaultOptions('windows'),
		formats: ['arm', 'bicep', 'terraform', 'azcli', 'powershell'],
	},
	{
		name: 'linux-3.0-vm-existing-user-policy',
		lang: 'en',
		options: {
			...defaultOptions('linux'),
			version: '3.0',
			identity: userIdentity,
			access: 'policy',
			cloud: 'usgov',
			requireInitialSync: true,
			pollingIntervalInS: 1800,
			certificates: [
				{
					name: 'web-tls',
					acls: [{ user: 'www-data', group: 'ssl-cert' }],
					symbolicLinkName: 'web',
				},
				{ name: 'api-tls', path: '/etc/ssl/api' },
			],
		},
		formats: ['arm', 'bicep', 'terraform', 'azcli', 'powershell'],
	},
	{
		name: 'windows-3.0-vmss-uniform-new-user-role',
		lang: 'en',
		options: {
			...defaultOptions('windows'),
			version: '3.0',
			target: 'vmss-uniform',
			machine: 'new',
			machineName: 'webvmss',
			identity: userIdentity,
			form: 'nested',
			subnetId,
			linkOnRenewal: true,
			certificates: [
				{ name: 'webcert', keyExportable: false, accounts: ['Network Service'] },
				{ name: 'clientcert', storeName: 'TrustedPeople', storeLocation: 'LocalMachine' },
			],
		},
		formats: ['arm', 'bicep', 'terraform'],
	},
	{
		name: 'linux-4.0-arc-existing-system-role',
		lang: 'en',
		options: { ...defaultOptions('linux'), target: 'arc', machineName: 'onprem-01' },
		formats: ['arm', 'azcli', 'powershell'],
	},
	{
		name: 'windows-4.0-vm-new-system-role-ja',
		lang: 'ja',
		options: { ...defaultOptions('windows'), machine: 'new', form: 'nested', subnetId },
		formats: ['arm', 'bicep', 'terraform'],
	},
];

describe('golden outputs', () => {
	test.each(golden)('$name', ({ name, lang, options, formats }) => {
		const folder = new URL(`${name}/`, root);
		for (const format of formats) {
			const result = scaffold(options, format, translate[lang]);
			if (!result.ok) throw new Error(`${format}: ${JSON.stringify(result.refusals)}`);
			for (const file of result.files) {
				const path = new URL(`${format}-${file.name}`, folder);
				if (process.env['UPDATE_GOLDEN']) {
					mkdirSync(folder, { recursive: true });
					writeFileSync(path, file.text);
				}
				expect(file.text, `${name}/${format}-${file.name}`).toBe(readFileSync(path, 'utf8'));
			}
		}
	});
});
