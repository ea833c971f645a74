import fc from 'fast-check';
import type { CertificateOptions, ScaffoldOptions } from '../../../src/core/scaffold/index.ts';
import { subnetId, userIdentity } from './helpers.ts';

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const windowsCertificate: fc.Arbitrary<CertificateOptions> = fc.record(
	{
		// eslint-disable-next-line regexp/use-ignore-case -- fast-check's stringMatching refuses the i flag
		name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,30}$/),
		storeName: fc.constantFrom('MY', 'TrustedPeople', 'WebHosting'),
		storeLocation: fc.constantFrom('LocalMachine', 'CurrentUser'),
		accounts: fc.array(
			fc.constantFrom('Network Service', 'Local Service', 'IIS AppPool\\DefaultAppPool'),
			{ maxLength: 2 }
		),
		keyExportable: fc.boolean(),
	},
	{ requiredKeys: ['name'] }
) as fc.Arbitrary<CertificateOptions>;

const linuxCertificate: fc.Arbitrary<CertificateOptions> = fc.record(
	{
		// eslint-disable-next-line regexp/use-ignore-case -- fast-check's stringMatching refuses the i flag
		name: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,30}$/),
		path: fc.constantFrom(
			'/var/lib/waagent/Microsoft.Azure.KeyVault.Store',
			'/etc/ssl/app',
			'/opt/app/certs'
		),
		symbolicLinkName: fc.stringMatching(/^[a-z][a-z0-9.-]{0,20}$/),
		acls: fc.array(
			fc.oneof(
				fc.record({ user: fc.constantFrom('www-data', 'app1', 'nginx') }),
				fc.record({ group: fc.constantFrom('ssl-cert', 'appgroup') }),
				fc.record({ user: fc.constantFrom('app1'), group: fc.constantFrom('appgroup') })
			),
			{ maxLength: 2 }
		),
	},
	{ requiredKeys: ['name'] }
) as fc.Arbitrary<CertificateOptions>;

/**
 * Answers across the whole option space, as a person could give them in the form or on the
 * command line: every OS, documented version (including the unsupported ones), target, machine,
 * identity, cloud, access model and form, with settings a version may or may not have. The
 * builder must either write outputs the checker passes, or refuse with reasons.
 */
export const scaffoldOptions: fc.Arbitrary<ScaffoldOptions> = fc
	.constantFrom('windows' as const, 'linux' as const)
	.chain((os) =>
		fc.record(
			{
				os: fc.constant(os),
				version: fc.constantFrom(
					...(os === 'windows' ? ['1.0', '3.0', '4.0', '4.0', '4.0'] : ['2.0', '3.0', '4.0', '4.0'])
				),
				target: fc.constantFrom('vm', 'vmss-uniform', 'vmss-flexible', 'arc'),
				machine: fc.constantFrom('existing', 'existing', 'new'),
				machineName: fc.stringMatching(/^[a-z][a-z0-9-]{0,7}[a-z0-9]$/),
				// eslint-disable-next-line regexp/use-ignore-case -- fast-check's stringMatching refuses the i flag
				resourceGroup: fc.stringMatching(/^[A-Za-z][\w-]{0,20}$/),
				identity: fc.oneof(fc.constant({ kind: 'system' as const }), fc.constant(userIdentity)),
				vaultName: fc.stringMatching(/^[a-z][a-z0-9]{1,10}(-[a-z0-9]{1,8})?$/),
				cloud: fc.constantFrom('public', 'china', 'usgov'),
				certificates: fc.uniqueArray(os === 'windows' ? windowsCertificate : linuxCertificate, {
					minLength: 1,
					maxLength: 3,
					selector: (c) => c.name.toLowerCase(),
				}),
				pollingIntervalInS: fc.oneof(
					fc.constantFrom(300, 1800, 3600),
					fc.integer({ min: 60, max: 86_400 })
				),
				linkOnRenewal: maybe(fc.boolean()),
				requireInitialSync: maybe(fc.boolean()),
				access: fc.constantFrom('role', 'policy', 'none'),
				form: fc.constantFrom('child', 'nested'),
				subnetId: fc.constant(subnetId),
			},
			{
				requiredKeys: [
					'os',
					'version',
					'target',
					'machine',
					'machineName',
					'resourceGroup',
					'identity',
					'vaultName',
					'cloud',
					'certificates',
					'pollingIntervalInS',
					'access',
					'form',
					'subnetId',
				],
			}
		)
	) as fc.Arbitrary<ScaffoldOptions>;

/**
 * Answers fitted to what the builder writes: a supported version, only the settings that version
 * takes, a polling interval in its range, an Arc machine as it exists. Most are then writable.
 */
export function fitted(answers: ScaffoldOptions): ScaffoldOptions {
	const options = { ...answers };
	if (Number(options.version.split('.')[0]) < 3) options.version = '3.0';
	const major = Number(options.version.split('.')[0]);
	const windows = options.os === 'windows';
	if (major >= 4)
		options.pollingIntervalInS = Math.min(3600, Math.max(300, options.pollingIntervalInS));
	if (options.target === 'arc') {
		options.machine = 'existing';
		options.identity = { kind: 'system' };
	}
	const fittedOptions: ScaffoldOptions = {
		...options,
		certificates: options.certificates.map((c) => {
			const copy = { ...c };
			if (windows && major >= 4) delete copy.keyExportable;
			if (!windows && major >= 4) delete copy.symbolicLinkName;
			return copy;
		}),
	};
	if (!windows || major >= 4) delete fittedOptions.linkOnRenewal;
	if (major >= 4) delete fittedOptions.requireInitialSync;
	if (options.machine === 'new' && options.target !== 'vm') fittedOptions.form = 'nested';
	if (options.machine === 'existing') fittedOptions.form = 'child';
	return fittedOptions;
}
