import { describe, expect, it } from 'vitest';
import { applyEdits, checkSync } from '../../../src/core/check/index.ts';
import { expectFinding, expectNone, extension } from './helpers.ts';

/** KV052: settings keys checked against the schema of core/extension (issue 20). */
describe('settings schema (KV052)', () => {
	it('catches a misspelt key and fixes it with certainty (requiredInitialSync)', () => {
		const finding = expectFinding(
			extension({ secrets: '⟦"requiredInitialSync"⟧: true' }),
			'KV052',
			'warning'
		);
		expect(finding.message).toBe(
			'"requiredInitialSync" is not a key of secretsManagementSettings in any schema; did you mean "requireInitialSync"?'
		);
		const text = extension({ secrets: '"requiredInitialSync": true' });
		const fixed = applyEdits(text, finding.fix!.edits).text;
		expect(fixed).toContain('"requireInitialSync": true');
		expect(checkSync(fixed).diagnostics.filter((d) => d.ruleId === 'KV052')).toEqual([]);
	});

	it('fixes a key written in other case inside a certificate entry', () => {
		const finding = expectFinding(
			extension({
				observed:
					'[ { "url": "https://kvprod.vault.azure.net/secrets/web", ⟦"certificateStorename"⟧: "MY", "certificateStoreLocation": "LocalMachine" } ]',
			}),
			'KV052',
			'warning'
		);
		expect(finding.fix?.edits.map((e) => e.newText)).toEqual(['certificateStoreName']);
	});

	it('says where a known key belongs when it is written elsewhere, without a fix', () => {
		const finding = expectFinding(
			extension({ secrets: '⟦"msiClientId"⟧: "00000000-0000-0000-0000-000000000000"' }),
			'KV052',
			'warning'
		);
		expect(finding.message).toBe(
			'"msiClientId" does not belong in secretsManagementSettings; put it in authenticationSettings.'
		);
		expect(finding.fix).toBeUndefined();
	});

	it('reports an unknown key without a guess when none is near (aclPermissions, research §7.13)', () => {
		const finding = expectFinding(
			extension({
				observed:
					'[ { "url": "https://kvprod.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine", ⟦"aclPermissions"⟧: [] } ]',
			}),
			'KV052',
			'warning'
		);
		expect(finding.fix).toBeUndefined();
	});

	it('leaves to other rules what they report: OS and version keys, KV009, KV038', () => {
		for (const text of [
			extension({ os: 'Linux', secrets: '"linkOnRenewal": false' }),
			extension({ version: '"4.0"', secrets: '"requireInitialSync": true' }),
			extension({ secrets: '"typeHandlerVersion": "3.0"' }),
			extension({
				secrets:
					'"authenticationSettings": { "msiEndpoint": "http://169.254.169.254/metadata/identity" }',
			}),
			extension({ secrets: '"linkOnRenewal": true, "requireInitialSync": false' }),
			extension({
				auth: '{ "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiObjectId": "x" }',
			}),
		])
			expectNone(text, 'KV052');
	});

	it('tells a key that belongs elsewhere in this version (Windows 3.0 stores are per certificate)', () => {
		expectFinding(extension({ secrets: '⟦"certificateStoreName"⟧: "MY"' }), 'KV052', 'info');
	});
});
