import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import {
	dependentExtension,
	expectFinding,
	expectNone,
	extension,
	template,
	vm,
} from './helpers.ts';

const windowsCert = (url: string, extra = '') =>
	`[ { "url": "${url}", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine"${extra} } ]`;
const linuxCert = (url: string, extra = '') => `[ { "url": "${url}"${extra} } ]`;

describe('KV001 publisher', () => {
	it('reports the 2017 preview publisher, with a fix', () => {
		const d = expectFinding(
			extension({ publisher: '⟦"Microsoft.Azure.KeyVault.Edp"⟧' }),
			'KV001',
			'error'
		);
		expect(d.fix?.edits[0]?.newText).toBe('Microsoft.Azure.KeyVault');
	});
	it('passes Microsoft.Azure.KeyVault', () => expectNone(extension(), 'KV001'));
});

describe('KV002 extension-type', () => {
	it('reports an unknown type', () =>
		expectFinding(
			extension({ publisher: '"Microsoft.Azure.KeyVault"', type: '⟦"KeyVaultForMac"⟧' }),
			'KV002',
			'error'
		));
	it('reports a type that does not match the VM OS', () =>
		expectFinding(
			template([vm({ os: 'Linux' }), dependentExtension({ type: '⟦"KeyVaultForWindows"⟧' })]),
			'KV002',
			'error'
		));
	it('passes the matching type', () => expectNone(template([vm(), dependentExtension()]), 'KV002'));
});

describe('KV003 type-handler-version', () => {
	it('reports Windows 2.0', () =>
		expectFinding(extension({ version: '⟦"2.0"⟧' }), 'KV003', 'error'));
	it('reports a number, with a fix', () => {
		const d = expectFinding(extension({ version: '⟦3.0⟧' }), 'KV003', 'error');
		expect(d.fix?.edits[0]?.newText).toBe('"3.0"');
	});
	it('passes Linux 2.0', () =>
		expectNone(
			extension({
				os: 'Linux',
				version: '"2.0"',
				observed: '[ "https://kv.vault.azure.net/secrets/web" ]',
			}),
			'KV003'
		));
});

describe('KV004 unsupported-version', () => {
	it('reports 1.0', () =>
		expectFinding(
			extension({ version: '⟦"1.0"⟧', observed: '[ "https://kv.vault.azure.net/secrets/web" ]' }),
			'KV004',
			'warning'
		));
	it('passes 3.0', () => expectNone(extension(), 'KV004'));
	it('names the documentation of the extension’s OS, in en and ja', () => {
		const windows = extension({ version: '⟦"1.0"⟧' });
		const linux = extension({
			os: 'Linux',
			version: '⟦"2.0"⟧',
			observed: linuxCert('https://kv.vault.azure.net/secrets/web'),
		});
		const unknownOs = extension({ type: '"KeyVaultForMac"', version: '⟦"1.0"⟧' });
		expect(expectFinding(windows, 'KV004', 'warning').message).toBe(
			'typeHandlerVersion 1.0 is outside Microsoft’s support (as the Windows documentation states it); upgrade to 3.0 or later (preferably 4.0).'
		);
		expect(expectFinding(windows, 'KV004', 'warning', { lang: 'ja' }).message).toBe(
			'typeHandlerVersion 1.0 は Microsoft のサポート対象外です (Windows 版のドキュメントに記載)。3.0 以降 (できれば 4.0) に更新してください。'
		);
		expect(expectFinding(linux, 'KV004', 'warning').message).toContain(
			'(as the Linux documentation states it)'
		);
		expect(expectFinding(linux, 'KV004', 'warning', { lang: 'ja' }).message).toContain(
			'(Linux 版のドキュメントに記載)'
		);
		expect(expectFinding(unknownOs, 'KV004', 'warning').message).toContain(
			'(as the Windows and Linux documentation state it)'
		);
	});
});

describe('KV005 child-resource-name', () => {
	it('reports a top-level name without the VM, with a fix when the VM is known', () => {
		const d = expectFinding(
			template([vm(), dependentExtension({ name: '⟦"KeyVaultForWindows"⟧' })]),
			'KV005',
			'error'
		);
		expect(d.fix?.edits[0]?.newText).toBe('vm1/KeyVaultForWindows');
	});
	it('passes "<vm>/<extension>"', () =>
		expectNone(template([vm(), dependentExtension()]), 'KV005'));
});

describe('KV006 depends-on-machine', () => {
	it('reports a missing dependsOn', () =>
		expectFinding(template([vm(), extension({ name: '⟦"vm1/kv"⟧' })]), 'KV006', 'warning'));
	it('passes with dependsOn on the VM', () =>
		expectNone(template([vm(), dependentExtension()]), 'KV006'));
});

describe('KV007 settings-object', () => {
	const resource = (settings: string) =>
		`{ "type": "Microsoft.Compute/virtualMachines/extensions", "name": "vm1/kv", "properties": { "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForLinux", "typeHandlerVersion": "3.0", "settings": ${settings} } }`;
	it('reports settings given as a JSON string', () =>
		expectFinding(resource('⟦"{\\"secretsManagementSettings\\": {}}"⟧'), 'KV007', 'error'));
	it('passes an object', () => expectNone(extension(), 'KV007'));
});

describe('KV008 observed-certificates-required', () => {
	it('reports an empty array', () =>
		expectFinding(extension({ observed: '⟦[]⟧' }), 'KV008', 'error'));
	it('passes a non-empty array', () => expectNone(extension(), 'KV008'));
});

describe('KV009 authentication-settings-placement', () => {
	it('reports authenticationSettings inside secretsManagementSettings', () =>
		expectFinding(
			extension({
				secrets:
					'⟦"authenticationSettings"⟧: { "msiEndpoint": "http://169.254.169.254/metadata/identity" }',
			}),
			'KV009',
			'error'
		));
	it('reports authenticationSettings beside settings', () =>
		expectFinding(extension({ properties: '⟦"authenticationSettings"⟧: {}' }), 'KV009', 'error'));
	it('passes the sibling form', () =>
		expectNone(
			extension({
				auth: '{ "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": "00000000-0000-0000-0000-000000000000" }',
			}),
			'KV009'
		));
});

describe('KV010 polling-interval-string', () => {
	it('reports a number, with a quoting fix', () => {
		const d = expectFinding(extension({ polling: '⟦3600⟧' }), 'KV010', 'error');
		expect(d.fix?.edits[0]?.newText).toBe('"3600"');
	});
	it('reports an int parameter at its default and wraps the use in string()', () => {
		const d = expectFinding(
			template(
				[extension({ polling: '"[parameters(\'polling\')]"' })],
				'"polling": { "type": "int", "defaultValue": ⟦3600⟧ }'
			),
			'KV010',
			'error'
		);
		expect(d.related).toHaveLength(1);
		expect(d.fix?.edits[0]?.newText).toBe('"[string(parameters(\'polling\'))]"');
	});
	it('passes a string of digits', () => expectNone(extension(), 'KV010'));
});

describe('KV011 polling-interval-range', () => {
	it('reports 60 seconds on 4.0', () =>
		expectFinding(extension({ version: '"4.0"', polling: '⟦"60"⟧' }), 'KV011', 'warning'));
	it('passes 60 seconds on 3.0', () => expectNone(extension({ polling: '"60"' }), 'KV011'));
});

describe('KV012 observed-certificates-shape', () => {
	it('reports objects on Windows 1.0', () =>
		expectFinding(
			extension({
				version: '"1.0"',
				observed: '[ ⟦{ "url": "https://kv.vault.azure.net/secrets/web" }⟧ ]',
			}),
			'KV012',
			'error'
		));
	it('warns about strings on 3.0', () =>
		expectFinding(
			extension({ observed: '[ ⟦"https://kv.vault.azure.net/secrets/web"⟧ ]' }),
			'KV012',
			'warning'
		));
	it('passes strings on Linux 2.0', () =>
		expectNone(
			extension({
				os: 'Linux',
				version: '"2.0"',
				observed: '[ "https://kv.vault.azure.net/secrets/web" ]',
			}),
			'KV012'
		));
});

describe('KV013 v4-string-list', () => {
	it('reports a string item on 4.0, with a fix', () => {
		const d = expectFinding(
			extension({
				os: 'Linux',
				version: '"4.0"',
				observed: '[ ⟦"https://kv.vault.azure.net/secrets/web"⟧ ]',
			}),
			'KV013',
			'error'
		);
		expect(d.fix?.edits[0]?.newText).toBe('{ "url": "https://kv.vault.azure.net/secrets/web" }');
	});
	it('passes objects on 4.0', () =>
		expectNone(
			extension({
				os: 'Linux',
				version: '"4.0"',
				observed: linuxCert('https://kv.vault.azure.net/secrets/web'),
			}),
			'KV013'
		));
});

describe('KV014 observed-url-format', () => {
	it('reports http', () =>
		expectFinding(
			extension({ observed: windowsCert('⟦http⟧://kv.vault.azure.net/secrets/web') }),
			'KV014',
			'error'
		));
	it('reports a foreign host', () =>
		expectFinding(
			extension({ observed: windowsCert('https://⟦kv.example.com⟧/secrets/web') }),
			'KV014',
			'error'
		));
	it('warns about a trailing slash, with a fix', () => {
		const d = expectFinding(
			extension({ observed: windowsCert('https://kv.vault.azure.net/secrets/web⟦/⟧') }),
			'KV014',
			'warning'
		);
		expect(d.fix?.edits[0]?.newText).toBe('');
	});
	it('passes :443 and sovereign suffixes', () =>
		expectNone(
			extension({ observed: windowsCert('https://kv.vault.azure.cn:443/secrets/web') }),
			'KV014'
		));
});

describe('KV015 certificates-path', () => {
	it('reports /certificates/ exactly, with a fix', () => {
		const d = expectFinding(
			extension({ observed: windowsCert('https://kv.vault.azure.net/⟦certificates⟧/web') }),
			'KV015',
			'error'
		);
		expect(d.fix?.edits[0]?.newText).toBe('secrets');
	});
	it('reports /keys/ inside a concat expression', () =>
		expectFinding(
			template(
				[
					extension({
						observed: windowsCert(
							"[concat('https://', parameters('kv'), environment().suffixes.keyvaultDns, '/⟦keys⟧/web')]"
						),
					}),
				],
				'"kv": { "type": "string" }'
			),
			'KV015',
			'error'
		));
	it('passes /secrets/', () => expectNone(extension(), 'KV015'));
});

describe('KV016 versioned-url', () => {
	const version = '0123456789abcdef0123456789abcdef';
	it('warns on 3.0', () =>
		expectFinding(
			extension({ observed: windowsCert(`https://kv.vault.azure.net/secrets/web/⟦${version}⟧`) }),
			'KV016',
			'warning'
		));
	it('is an error on 4.0, with a fix removing the segment', () => {
		const d = expectFinding(
			extension({
				version: '"4.0"',
				observed: windowsCert(`https://kv.vault.azure.net/secrets/web/⟦${version}⟧`),
			}),
			'KV016',
			'error'
		);
		expect(d.fix?.edits[0]).toMatchObject({ newText: '' });
	});
	it('passes a versionless URL', () => expectNone(extension(), 'KV016'));
});

describe('KV017 managed-hsm', () => {
	it('reports a Managed HSM host', () =>
		expectFinding(
			extension({ observed: windowsCert('https://⟦hsm1.managedhsm.azure.net⟧/secrets/web') }),
			'KV017',
			'error'
		));
	it('passes a vault host', () => expectNone(extension(), 'KV017'));
});

describe('KV018 vault-and-secret-names', () => {
	it('reports a vault name starting with a digit', () =>
		expectFinding(
			extension({ observed: windowsCert('https://⟦1kv⟧.vault.azure.net/secrets/web') }),
			'KV018',
			'error'
		));
	it('reports a secret name with an underscore', () =>
		expectFinding(
			extension({ observed: windowsCert('https://kv1.vault.azure.net/secrets/⟦web_cert⟧') }),
			'KV018',
			'error'
		));
	it('passes valid names', () => expectNone(extension(), 'KV018'));
});

describe('KV019 cloud-suffix', () => {
	it('reports the public suffix in a China region', () =>
		expectFinding(
			extension({
				location: 'chinaeast2',
				observed: windowsCert('https://⟦kv.vault.azure.net⟧/secrets/web'),
			}),
			'KV019',
			'warning'
		));
	it('passes the China suffix in a China region', () =>
		expectNone(
			extension({
				location: 'chinaeast2',
				observed: windowsCert('https://kv.vault.azure.cn/secrets/web'),
			}),
			'KV019'
		));
});

describe('KV020 windows-store-location', () => {
	it('reports a wrong case, with a fix', () => {
		const d = expectFinding(
			extension({
				observed:
					'[ { "url": "https://kv.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": ⟦"localmachine"⟧ } ]',
			}),
			'KV020',
			'error'
		);
		expect(d.fix?.edits[0]?.newText).toBe('LocalMachine');
	});
	it('passes LocalMachine', () => expectNone(extension(), 'KV020'));
});

describe('KV021 linux-store-location', () => {
	it('reports a Windows store on Linux', () =>
		expectFinding(
			extension({
				os: 'Linux',
				observed: linuxCert(
					'https://kv.vault.azure.net/secrets/web',
					', "certificateStoreLocation": ⟦"LocalMachine"⟧'
				),
			}),
			'KV021',
			'warning'
		));
	it('passes a path', () =>
		expectNone(
			extension({
				os: 'Linux',
				observed: linuxCert(
					'https://kv.vault.azure.net/secrets/web',
					', "certificateStoreLocation": "/var/lib/waagent/Microsoft.Azure.KeyVault.Store"'
				),
			}),
			'KV021'
		));
});

describe('KV022 linux-store-name', () => {
	it('notes certificateStoreName on Linux', () =>
		expectFinding(
			extension({
				os: 'Linux',
				observed: linuxCert(
					'https://kv.vault.azure.net/secrets/web',
					', ⟦"certificateStoreName"⟧: "MY"'
				),
			}),
			'KV022',
			'info'
		));
	it('passes on Windows', () => expectNone(extension(), 'KV022'));
});

describe('KV023 link-on-renewal', () => {
	it('reports linkOnRenewal on Linux', () =>
		expectFinding(
			extension({
				os: 'Linux',
				observed: linuxCert('https://kv.vault.azure.net/secrets/web'),
				secrets: '⟦"linkOnRenewal"⟧: false',
			}),
			'KV023',
			'warning'
		));
	it('passes on Windows 3.0', () =>
		expectNone(extension({ secrets: '"linkOnRenewal": true' }), 'KV023'));
});

describe('KV024 key-exportable', () => {
	it('reports keyExportable on Windows 4.0', () =>
		expectFinding(
			extension({
				version: '"4.0"',
				observed: windowsCert(
					'https://kv.vault.azure.net/secrets/web',
					', ⟦"keyExportable"⟧: true'
				),
			}),
			'KV024',
			'warning'
		));
	it('passes on Windows 3.0', () =>
		expectNone(
			extension({
				observed: windowsCert('https://kv.vault.azure.net/secrets/web', ', "keyExportable": true'),
			}),
			'KV024'
		));
});

describe('KV025 require-initial-sync-v4', () => {
	it('reports requireInitialSync on 4.0', () =>
		expectFinding(
			extension({ version: '"4.0"', secrets: '⟦"requireInitialSync"⟧: true' }),
			'KV025',
			'warning'
		));
	it('passes on 3.0', () =>
		expectNone(extension({ secrets: '"requireInitialSync": true' }), 'KV025'));
});

describe('KV026 os-specific-settings', () => {
	it('reports acls on Windows', () =>
		expectFinding(
			extension({
				observed: windowsCert('https://kv.vault.azure.net/secrets/web', ', ⟦"acls"⟧: []'),
			}),
			'KV026',
			'warning'
		));
	it('passes accounts on Windows', () =>
		expectNone(
			extension({
				observed: windowsCert(
					'https://kv.vault.azure.net/secrets/web',
					', "accounts": ["Network Service"]'
				),
			}),
			'KV026'
		));
});

describe('KV027 linux-v4-removed-settings', () => {
	it('reports customSymbolicLinkName on Linux 4.0', () =>
		expectFinding(
			extension({
				os: 'Linux',
				version: '"4.0"',
				observed: linuxCert(
					'https://kv.vault.azure.net/secrets/web',
					', ⟦"customSymbolicLinkName"⟧: "app"'
				),
			}),
			'KV027',
			'warning'
		));
	it('passes it on Linux 3.0', () =>
		expectNone(
			extension({
				os: 'Linux',
				observed: linuxCert(
					'https://kv.vault.azure.net/secrets/web',
					', "customSymbolicLinkName": "app"'
				),
			}),
			'KV027'
		));
});

describe('KV028 boolean-strings', () => {
	it('reports "true", with a fix', () => {
		const d = expectFinding(
			extension({ secrets: '"requireInitialSync": ⟦"true"⟧' }),
			'KV028',
			'warning'
		);
		expect(d.fix?.edits[0]?.newText).toBe('true');
	});
	it('passes true', () =>
		expectNone(extension({ secrets: '"requireInitialSync": true' }), 'KV028'));
});

describe('KV029 managed-identity-required', () => {
	it('reports identity type None', () =>
		expectFinding(
			template([vm({ identity: '"identity": ⟦{ "type": "None" }⟧,' }), dependentExtension()]),
			'KV029',
			'error'
		));
	it('reports a VM without identity at its start', () =>
		expectFinding(
			template([vm({ identity: '' }).replace('{', '⟦{⟧'), dependentExtension()]),
			'KV029',
			'error'
		));
	it('passes a system-assigned identity', () =>
		expectNone(template([vm(), dependentExtension()]), 'KV029'));
});

describe('KV030 msi-client-id-required', () => {
	const uami = `"identity": { "type": "UserAssigned", "userAssignedIdentities": { "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')]": {} } },`;
	const twoIdentities = uami.replace(
		'{} } },',
		`{}, "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id2')]": {} } },`
	);
	it('reports user-assigned identities without msiClientId', () =>
		expectFinding(
			template([vm({ identity: twoIdentities }), dependentExtension()]).replace(
				'"settings": {',
				'⟦"settings"⟧: {'
			),
			'KV030',
			'error'
		));
	it('passes with msiClientId', () =>
		expectNone(
			template([
				vm({ identity: uami }),
				dependentExtension({
					auth: `{ "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1'), '2023-01-31').clientId]" }`,
				}),
			]),
			'KV030'
		));
});

describe('KV031 msi-endpoint-required', () => {
	// A warning: the docs ask for msiEndpoint, but a reference deployment works without it (rv20c #2).
	it('warns on msiClientId without msiEndpoint', () =>
		expectFinding(
			extension({ auth: '{ ⟦"msiClientId"⟧: "00000000-0000-0000-0000-000000000000" }' }),
			'KV031',
			'warning'
		));
	it('passes with both', () =>
		expectNone(
			extension({
				auth: '{ "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": "00000000-0000-0000-0000-000000000000" }',
			}),
			'KV031'
		));
});

describe('KV032 msi-client-id-format', () => {
	it('reports a resource ID', () =>
		expectFinding(
			extension({
				auth: '{ "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": ⟦"/subscriptions/0/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1"⟧ }',
			}),
			'KV032',
			'warning'
		));
	it('reports reference(...).principalId', () =>
		expectFinding(
			extension({
				auth: `{ "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": ⟦"[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id1')).principalId]"⟧ }`,
			}),
			'KV032',
			'warning'
		));
	it('passes a GUID', () =>
		expectNone(
			extension({
				auth: '{ "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": "00000000-0000-0000-0000-000000000000" }',
			}),
			'KV032'
		));
});

describe('KV033 system-assigned-authentication-settings', () => {
	it('warns about authenticationSettings with only a system-assigned identity', () =>
		expectFinding(
			template([
				vm(),
				dependentExtension({
					auth: '{ "msiEndpoint": "http://169.254.169.254/metadata/identity" }',
				}),
			]).replace('"authenticationSettings"', '⟦"authenticationSettings"⟧'),
			'KV033',
			'warning'
		));
	it('passes without authenticationSettings', () =>
		expectNone(template([vm(), dependentExtension()]), 'KV033'));
});

describe('KV034 msi-endpoint-format', () => {
	it('reports http:/// with a fix', () => {
		const d = expectFinding(
			extension({ auth: '{ "msiEndpoint": ⟦"http:///169.254.169.254/metadata/identity"⟧ }' }),
			'KV034',
			'error'
		);
		expect(d.fix?.edits[0]?.newText).toBe('http://169.254.169.254/metadata/identity');
	});
	it('reports ouath2', () =>
		expectFinding(
			extension({
				auth: '{ "msiEndpoint": ⟦"http://169.254.169.254/metadata/identity/ouath2/token"⟧ }',
			}),
			'KV034',
			'error'
		));
	it('passes the IMDS endpoint', () =>
		expectNone(
			extension({
				auth: '{ "msiEndpoint": "http://169.254.169.254/metadata/identity/oauth2/token" }',
			}),
			'KV034'
		));
});

describe('KV035 arc-msi-endpoint', () => {
	const arc = {
		resourceType: 'Microsoft.HybridCompute/machines/extensions',
		os: 'Linux' as const,
		observed: linuxCert('https://kv.vault.azure.net/secrets/web'),
	};
	it('reports the Azure VM endpoint on Arc, with a fix', () => {
		const d = expectFinding(
			extension({
				...arc,
				auth: '{ "msiEndpoint": ⟦"http://169.254.169.254/metadata/identity"⟧ }',
			}),
			'KV035',
			'warning'
		);
		expect(d.fix?.edits[0]?.newText).toBe('http://localhost:40342/metadata/identity');
	});
	it('passes the Arc endpoint', () =>
		expectNone(
			extension({ ...arc, auth: '{ "msiEndpoint": "http://localhost:40342/metadata/identity" }' }),
			'KV035'
		));
});

describe('KV036 vault-access', () => {
	const vault = (policies: string) =>
		`{ "type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01", "name": "kv", "location": "japaneast", "properties": { "tenantId": "[subscription().tenantId]", "sku": { "family": "A", "name": "standard" }, "accessPolicies": ${policies} } }`;
	it('reports a vault in the template with no grant', () =>
		expectFinding(
			template([
				vault('[]'),
				vm(),
				dependentExtension({
					observed: `[ { "url": ⟦"https://kv.vault.azure.net/secrets/web"⟧, "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" } ]`,
				}),
			]),
			'KV036',
			'warning'
		));
	it('passes an access policy with get and list', () =>
		expectNone(
			template([
				vault(
					`[ { "tenantId": "[subscription().tenantId]", "objectId": "[reference(resourceId('Microsoft.Compute/virtualMachines', 'vm1'), '2024-07-01', 'Full').identity.principalId]", "permissions": { "secrets": [ "get", "list" ] } } ]`
				),
				vm(),
				dependentExtension(),
			]),
			'KV036'
		));

	// rv20c case 02: another principal has get and list, the extension's own identity only get.
	const idRef = (name: string) =>
		`resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', '${name}')`;
	const policy = (principal: string, secrets: string) =>
		`{ "tenantId": "[subscription().tenantId]", "objectId": "${principal}", "permissions": { "secrets": ${secrets} } }`;
	const admin = policy('11111111-2222-3333-4444-555555555555', '[ "get", "list", "set" ]');
	const ownPolicy = (secrets: string) =>
		policy(`[reference(${idRef('web-id')}, '2023-01-31').principalId]`, secrets);
	const userAssignedVm = (names: string[], type = 'UserAssigned') =>
		vm({
			identity: `"identity": { "type": "${type}", "userAssignedIdentities": { ${names.map((n) => `"[${idRef(n)}]": {}`).join(', ')} } },`,
		});
	const observed = (marked: boolean) =>
		`[ { "url": ${marked ? '⟦"https://kv.vault.azure.net/secrets/web"⟧' : '"https://kv.vault.azure.net/secrets/web"'}, "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" } ]`;
	const withClientId = (name: string, marked = false) =>
		dependentExtension({
			observed: observed(marked),
			auth: `{ "msiEndpoint": "http://169.254.169.254/metadata/identity/oauth2/token", "msiClientId": "[reference(${idRef(name)}, '2023-01-31').clientId]" }`,
		});
	it('warns when the extension’s identity has get but not list, though another principal has both', () => {
		const input = template([
			vault(`[ ${admin}, ${ownPolicy('[ "get" ]')} ]`),
			userAssignedVm(['web-id', 'other-id']),
			withClientId('web-id', true),
		]);
		const d = expectFinding(input, 'KV036', 'warning');
		expect(d.message).toBe(
			'The access policy of vault kv for web-id, the identity the extension uses, grants secrets get but not list; the documentation asks access policies for both. Add list to its secret permissions.'
		);
		expect(d.related?.map((r) => r.message)).toEqual([
			'The key vault is declared here.',
			'Access is granted here.',
		]);
		const ja = expectFinding(input, 'KV036', 'warning', { lang: 'ja' });
		expect(ja.message).toBe(
			'Key Vault kv のアクセス ポリシーは、拡張機能が使うユーザー割り当てマネージド ID web-id にシークレットの get だけを許可し、list を許可していません。ドキュメントでは、シークレットの get と list の両方を許可するよう求めています。このポリシーのシークレットのアクセス許可に list を追加してください。'
		);
	});
	it('takes the machine’s only user-assigned identity when msiClientId is absent', () =>
		expectFinding(
			template([
				vault(`[ ${admin}, ${ownPolicy('[ "Get" ]')} ]`),
				userAssignedVm(['web-id']),
				dependentExtension({ observed: observed(true) }),
			]),
			'KV036',
			'warning'
		));
	it('passes when the extension’s identity has get and list', () =>
		expectNone(
			template([
				vault(`[ ${ownPolicy('[ "get", "list" ]')} ]`),
				userAssignedVm(['web-id']),
				withClientId('web-id'),
			]),
			'KV036'
		));
	it('does not guess an identity whose name is only partly known', () => {
		// id-{a} and id-{b} share the known start "id-": the get-only policy is not taken for id-{a}'s.
		const raw = (param: string) =>
			`resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', concat('id-', parameters('${param}')))`;
		const input = template(
			[
				vault(
					`[ ${admin}, ${policy(`[reference(${raw('b')}, '2023-01-31').principalId]`, '[ "get" ]')} ]`
				),
				vm({
					identity: `"identity": { "type": "UserAssigned", "userAssignedIdentities": { "[${raw('a')}]": {}, "[${raw('b')}]": {} } },`,
				}),
				dependentExtension({
					observed: observed(false),
					auth: `{ "msiEndpoint": "http://169.254.169.254/metadata/identity/oauth2/token", "msiClientId": "[reference(${raw('a')}, '2023-01-31').clientId]" }`,
				}),
			],
			'"a": { "type": "string" }, "b": { "type": "string" }'
		);
		expectNone(input, 'KV036');
	});
	it('says nothing of get without list for another identity, or when it cannot tell the extension’s', () => {
		// The get-only policy is another identity's; the extension's is not among the policies.
		expectNone(
			template([
				vault(`[ ${admin}, ${ownPolicy('[ "get" ]')} ]`),
				userAssignedVm(['web-id', 'other-id']),
				withClientId('other-id'),
			]),
			'KV036'
		);
		// A system-assigned identity too: which one the extension uses is not told by the input.
		expectNone(
			template([
				vault(`[ ${admin}, ${ownPolicy('[ "get" ]')} ]`),
				userAssignedVm(['web-id'], 'SystemAssigned, UserAssigned'),
				dependentExtension(),
			]),
			'KV036'
		);
	});
});

describe('KV037 initial-sync-deadlock', () => {
	const vault = `{ "type": "Microsoft.KeyVault/vaults/accessPolicies", "apiVersion": "2023-07-01", "name": "kv/add", "properties": { "accessPolicies": [ { "tenantId": "[subscription().tenantId]", "objectId": "[reference(resourceId('Microsoft.Compute/virtualMachines', 'vm1'), '2024-07-01', 'Full').identity.principalId]", "permissions": { "secrets": [ "get", "list" ] } } ] } }`;
	it('warns about requireInitialSync with a grant to the system identity', () =>
		expectFinding(
			template([vault, vm(), dependentExtension({ secrets: '⟦"requireInitialSync"⟧: true' })]),
			'KV037',
			'warning'
		));
	it('passes without requireInitialSync', () =>
		expectNone(template([vault, vm(), dependentExtension()]), 'KV037'));
});

describe('KV038 misplaced-extension-properties', () => {
	it('reports autoUpgradeMinorVersion in secretsManagementSettings', () =>
		expectFinding(extension({ secrets: '⟦"autoUpgradeMinorVersion"⟧: true' }), 'KV038', 'warning'));
	it('passes it in properties', () =>
		expectNone(extension({ properties: '"autoUpgradeMinorVersion": true' }), 'KV038'));
});

describe('KV039 duplicate-handler', () => {
	it('reports a second Key Vault extension on the same VM', () =>
		expectFinding(
			template([
				vm(),
				dependentExtension(),
				dependentExtension({ name: '"vm1/kv2"', type: '⟦"KeyVaultForWindows"⟧' }),
			]),
			'KV039',
			'error'
		));
	it('passes one extension', () => expectNone(template([vm(), dependentExtension()]), 'KV039'));
});

describe('KV040 windows-v4-old-server', () => {
	const old =
		'"publisher": "MicrosoftWindowsServer", "offer": "WindowsServer", "sku": "2019-Datacenter"';
	it('reports 4.0 on Windows Server 2019', () =>
		expectFinding(
			template([vm({ image: old }), dependentExtension({ version: '⟦"4.0"⟧' })]),
			'KV040',
			'warning'
		));
	it('passes 3.0 on Windows Server 2019', () =>
		expectNone(template([vm({ image: old }), dependentExtension()]), 'KV040'));
});

describe('KV041 linux-v4-distribution', () => {
	const debian = '"publisher": "Debian", "offer": "debian-12", "sku": "12"';
	const observed = linuxCert('https://kv.vault.azure.net/secrets/web');
	it('notes 4.0 on Debian', () =>
		expectFinding(
			template([
				vm({ os: 'Linux', image: debian }),
				dependentExtension({ os: 'Linux', version: '⟦"4.0"⟧', observed }),
			]),
			'KV041',
			'info'
		));
	it('passes 4.0 on Ubuntu 24.04', () =>
		expectNone(
			template([
				vm({ os: 'Linux' }),
				dependentExtension({ os: 'Linux', version: '"4.0"', observed }),
			]),
			'KV041'
		));
});

describe('KV043 secret-uri-with-version', () => {
	const url = (property: string) =>
		`[ { "url": "[reference(resourceId('Microsoft.KeyVault/vaults/secrets', 'kv', 'web'), '2023-07-01').${property}]", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" } ]`;
	it('reports secretUriWithVersion, with a fix', () => {
		const d = expectFinding(
			template([extension({ observed: url('⟦secretUriWithVersion⟧') })]),
			'KV043',
			'warning'
		);
		expect(d.fix?.edits[0]?.newText).toBe('secretUri');
	});
	it('passes secretUri', () =>
		expectNone(template([extension({ observed: url('secretUri') })]), 'KV043'));
	it('reports the 1.0 string form, where the whole entry is the expression', () => {
		const entry = (property: string) =>
			`[ "[reference(resourceId('Microsoft.KeyVault/vaults/secrets', 'kv', 'web'), '2023-07-01').${property}]" ]`;
		const d = expectFinding(
			template([extension({ observed: entry('⟦secretUriWithVersion⟧') })]),
			'KV043',
			'warning'
		);
		expect(d.fix?.edits[0]?.newText).toBe('secretUri');
		expectNone(template([extension({ observed: entry('secretUri') })]), 'KV043');
	});
});

describe('KV044 protected-settings', () => {
	it('notes protectedSettings', () =>
		expectFinding(extension({ properties: '⟦"protectedSettings"⟧: {}' }), 'KV044', 'info'));
	it('passes without', () => expectNone(extension(), 'KV044'));
});

describe('KV045 provision-after-extensions', () => {
	const vmss = (sfExtension: string) => `{
  "type": "Microsoft.Compute/virtualMachineScaleSets", "apiVersion": "2024-07-01", "name": "ss", "location": "japaneast",
  "identity": { "type": "SystemAssigned" },
  "properties": { "virtualMachineProfile": { "extensionProfile": { "extensions": [
    { "name": ⟦"KVVMExtension"⟧, "properties": { "publisher": "Microsoft.Azure.KeyVault", "type": "KeyVaultForWindows", "typeHandlerVersion": "3.0",
      "settings": { "secretsManagementSettings": { "pollingIntervalInS": "3600", "requireInitialSync": true, "observedCertificates": [ { "url": "https://kv.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" } ] } } } },
    ${sfExtension}
  ] } } }
}`;
	it('notes other extensions that do not wait', () =>
		expectFinding(
			template([
				vmss(
					'{ "name": "sf", "properties": { "publisher": "Microsoft.Azure.ServiceFabric", "type": "ServiceFabricNode", "typeHandlerVersion": "1.1" } }'
				),
			]),
			'KV045',
			'info'
		));
	it('passes provisionAfterExtensions', () =>
		expectNone(
			template([
				vmss(
					'{ "name": "sf", "properties": { "publisher": "Microsoft.Azure.ServiceFabric", "type": "ServiceFabricNode", "typeHandlerVersion": "1.1", "provisionAfterExtensions": [ "KVVMExtension" ] } }'
				),
			]),
			'KV045'
		));
	it('says nothing when no other extension uses the certificates (a health probe)', () =>
		expectNone(
			template([
				vmss(
					'{ "name": "health", "properties": { "publisher": "Microsoft.ManagedServices", "type": "ApplicationHealthLinux", "typeHandlerVersion": "1.0", "settings": { "protocol": "http", "port": 80 } } }'
				),
			]),
			'KV045'
		));
	it('notes a custom script whose settings speak of a certificate thumbprint', () =>
		expectFinding(
			template([
				vmss(
					'{ "name": "bind", "properties": { "publisher": "Microsoft.Compute", "type": "CustomScriptExtension", "typeHandlerVersion": "1.10", "settings": { "commandToExecute": "powershell ./bind.ps1 -Thumbprint x" } } }'
				),
			]),
			'KV045',
			'info'
		));
});

describe('KV046 linux-acls-shape', () => {
	it('notes a string acl', () =>
		expectFinding(
			extension({
				os: 'Linux',
				observed: linuxCert('https://kv.vault.azure.net/secrets/web', ', "acls": [ ⟦"app1"⟧ ]'),
			}),
			'KV046',
			'info'
		));
	it('passes user/group objects', () =>
		expectNone(
			extension({
				os: 'Linux',
				observed: linuxCert(
					'https://kv.vault.azure.net/secrets/web',
					', "acls": [ { "user": "app1", "group": "g" } ]'
				),
			}),
			'KV046'
		));
});

describe('KV049 expression-syntax', () => {
	it('reports an undeclared parameter', () =>
		expectFinding(
			template([extension({ polling: `"[⟦parameters('missing')⟧]"` })]),
			'KV049',
			'error'
		));
	it('reports an unclosed call', () =>
		expectFinding(template([extension({ polling: `"[concat('1'⟦]⟧"` })]), 'KV049', 'error'));
	it('passes a declared parameter', () =>
		expectNone(
			template(
				[extension({ polling: `"[parameters('p')]"` })],
				'"p": { "type": "string", "defaultValue": "3600" }'
			),
			'KV049'
		));
});

describe('KV050 json-syntax', () => {
	it('reports a missing value', () =>
		expectFinding('{ "secretsManagementSettings": ⟦}⟧', 'KV050', 'error'));
	it('accepts comments and trailing commas (in bare settings, each comma is an info)', () => {
		const found = checkSync(
			'{ // c\n "secretsManagementSettings": { "observedCertificates": [ "https://kv.vault.azure.net/secrets/a", ], }, }'
		).diagnostics.filter((d) => d.ruleId === 'KV050');
		expect(
			found.map((d) => `${d.messageId} ${d.severity} ${d.range.start.line}:${d.range.start.column}`)
		).toEqual([
			'trailingCommaSettings info 2:97',
			'trailingCommaSettings info 2:100',
			'trailingCommaSettings info 2:103',
		]);
	});
});
