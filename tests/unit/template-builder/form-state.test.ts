import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	certificateControl,
	controlOfRefusal,
	fieldStates,
	fieldsFromOptions,
	optionsFromFields,
} from '../../../src/components/widgets/template-builder/form-state.ts';
import {
	defaultOptions,
	refusalsOf,
	scaffold,
	scaffoldFormats,
	type ScaffoldOptions,
} from '../../../src/core/scaffold/index.ts';
import { fitted, scaffoldOptions } from '../scaffold/options-arbitrary.ts';
import { translate, userIdentity } from '../scaffold/helpers.ts';

/** What the builder shows for some answers: each format's files, or its refusal codes. */
const shownOutputs = (options: ScaffoldOptions) =>
	scaffoldFormats.map((format) => {
		const result = scaffold(options, format, translate.en);
		return result.ok ? result.files : result.refusals.map((r) => r.code);
	});

describe('the form and the options', () => {
	test('answers put into the form and read back give the same outputs in every format', () => {
		fc.assert(
			fc.property(scaffoldOptions.map(fitted), (options) => {
				fc.pre(refusalsOf(options).length === 0);
				const back = optionsFromFields(fieldsFromOptions(options));
				expect(shownOutputs(back), JSON.stringify(options)).toEqual(shownOutputs(options));
			}),
			{ numRuns: 40 }
		);
	});

	test('the compact form (no machine, cloud or extension fields) gives the default answers', () => {
		const values = fieldsFromOptions(defaultOptions('linux'));
		for (const name of ['machine', 'machineName', 'resourceGroup', 'cloud', 'polling', 'form'])
			delete values[name];
		expect(optionsFromFields(values)).toEqual(defaultOptions('linux'));
	});

	test('a refused choice gives way to the other one; a refused setting gives no option', () => {
		const arc = optionsFromFields({
			...fieldsFromOptions(defaultOptions('windows')),
			target: 'arc',
			machine: 'new',
			identity: 'user',
			clientId: userIdentity.clientId,
			identityId: userIdentity.resourceId,
			form: 'nested',
		});
		expect(arc).toMatchObject({ machine: 'existing', identity: { kind: 'system' }, form: 'child' });

		const newScaleSet = optionsFromFields({
			...fieldsFromOptions(defaultOptions('windows')),
			target: 'vmss-flexible',
			machine: 'new',
			form: 'child',
		});
		expect(newScaleSet.form).toBe('nested');

		const windows4 = optionsFromFields({
			...fieldsFromOptions(defaultOptions('windows')),
			linkOnRenewal: true,
			requireInitialSync: true,
			[certificateControl(0, 'keyExportable')]: true,
		});
		expect(windows4.linkOnRenewal).toBeUndefined();
		expect(windows4.requireInitialSync).toBeUndefined();
		expect(windows4.certificates[0]?.keyExportable).toBeUndefined();

		const windows3 = optionsFromFields({
			...fieldsFromOptions(defaultOptions('windows')),
			version: '3.0',
			linkOnRenewal: true,
			[certificateControl(0, 'keyExportable')]: true,
		});
		expect(windows3.linkOnRenewal).toBe(true);
		expect(windows3.certificates[0]?.keyExportable).toBe(true);
	});

	test('fields of the other OS are hidden; a version without a setting refuses it with its version', () => {
		const linux4 = fieldStates(defaultOptions('linux'));
		expect(linux4['storeName']).toEqual({ hidden: true });
		expect(linux4['linkOnRenewal']).toEqual({ hidden: true });
		expect(linux4['acls']).toEqual({ hidden: false });
		expect(linux4['symbolicLinkName']?.refused).toEqual({
			code: 'symbolicLinkRemoved',
			data: { version: '4.0' },
		});
		const linux3 = fieldStates({ ...defaultOptions('linux'), version: '3.0' });
		expect(linux3['symbolicLinkName']).toEqual({ hidden: false });

		const windows4 = fieldStates(defaultOptions('windows'));
		expect(windows4['path']).toEqual({ hidden: true });
		expect(windows4['keyExportable']?.refused?.code).toBe('keyExportableRemoved');
		expect(windows4['subnetId']).toEqual({ hidden: true });
		expect(windows4['clientId']).toEqual({ hidden: true });
		const user = fieldStates({ ...defaultOptions('windows'), identity: userIdentity });
		expect(user['clientId']).toEqual({ hidden: false });
	});

	test('lists are split at commas; an ACL entry is user, :group or user:group', () => {
		const options = optionsFromFields({
			...fieldsFromOptions(defaultOptions('linux')),
			[certificateControl(0, 'acls')]: ' www-data , :ssl-cert, app1:appgroup,, ',
		});
		expect(options.certificates[0]?.acls).toEqual([
			{ user: 'www-data' },
			{ group: 'ssl-cert' },
			{ user: 'app1', group: 'appgroup' },
		]);
		const windows = optionsFromFields({
			...fieldsFromOptions(defaultOptions('windows')),
			[certificateControl(0, 'accounts')]: 'Network Service,  IIS AppPool\\DefaultAppPool ,',
		});
		expect(windows.certificates[0]?.accounts).toEqual([
			'Network Service',
			'IIS AppPool\\DefaultAppPool',
		]);
	});

	test('each refusal names the control it is shown at', () => {
		expect(controlOfRefusal('certificates.2.symbolicLinkName')).toBe('cert.2.symbolicLinkName');
		expect(controlOfRefusal('certificates')).toBe('cert.0.name');
		expect(controlOfRefusal('identity.clientId')).toBe('clientId');
		expect(controlOfRefusal('identity.resourceId')).toBe('identityId');
		expect(controlOfRefusal('pollingIntervalInS')).toBe('polling');
		expect(controlOfRefusal('vaultName')).toBe('vaultName');
	});
});
