import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { dependentExtension, expectFinding, marked, template, vm } from './helpers.ts';
import { checkIac, terraform } from './iac/helpers.ts';

const uami = (count: number, system = false) =>
	`"identity": { "type": "${system ? 'SystemAssigned, ' : ''}UserAssigned", "userAssignedIdentities": { ${Array.from(
		{ length: count },
		(_, i) => `"[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'id${i}')]": {}`
	).join(', ')} } },`;

/** Issue 20: one mistake, one finding; severities as the sources support them. */
describe('cascades and severity', () => {
	it('a misplaced authenticationSettings gives KV009 only, not a false "msiClientId is missing"', () => {
		const text = template([
			vm({ identity: uami(2) }),
			dependentExtension({
				secrets:
					'⟦"authenticationSettings"⟧: { "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": "00000000-0000-0000-0000-000000000000" }',
			}),
		]);
		expectFinding(text, 'KV009', 'error');
		const ids = checkSync(text.replace(/[⟦⟧]/g, '')).diagnostics.map((d) => d.ruleId);
		expect(ids).not.toContain('KV030');
		expect(ids).not.toContain('KV052');
	});

	it('checks the misplaced msiClientId too: a resource ID where a client ID belongs is KV032', () => {
		const { text, start, end } = marked(
			template([
				vm({ identity: uami(1) }),
				dependentExtension({
					secrets:
						'"authenticationSettings": { "msiEndpoint": "http://169.254.169.254/metadata/identity", "msiClientId": ⟦"/subscriptions/0000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id0"⟧ }',
				}),
			])
		);
		const found = checkSync(text).diagnostics.filter((d) => d.ruleId === 'KV032');
		expect(
			found.map((d) => [d.range.start.line, d.range.start.column, d.range.end.column])
		).toEqual([[start.line, start.column, end.column]]);
	});

	it('Terraform .id of an identity given as msiClientId is KV032 (resource ID, not client_id)', async () => {
		const { text, start } = marked(
			terraform({
				identity:
					'identity {\n    type         = "UserAssigned"\n    identity_ids = [azurerm_user_assigned_identity.id.id]\n  }',
				settings:
					'jsonencode({\n    secretsManagementSettings = {\n      pollingIntervalInS   = "3600"\n      observedCertificates = [{ url = "https://kv1.vault.azure.net/secrets/web" }]\n    }\n    authenticationSettings = {\n      msiEndpoint = "http://169.254.169.254/metadata/identity"\n      msiClientId = ⟦azurerm_user_assigned_identity.id.id⟧\n    }\n  })',
			})
		);
		const result = await checkIac(text, 'main.tf');
		expect(
			result.diagnostics.filter((d) => d.ruleId === 'KV032').map((d) => d.range.start.line)
		).toEqual([start.line]);
	});

	it('KV030 is a warning with exactly one user-assigned identity and no system-assigned one', () => {
		const single = checkSync(template([vm({ identity: uami(1) }), dependentExtension()]));
		expect(single.diagnostics.filter((d) => d.ruleId === 'KV030').map((d) => d.severity)).toEqual([
			'warning',
		]);
		for (const identity of [uami(2), uami(1, true)]) {
			const several = checkSync(template([vm({ identity }), dependentExtension()]));
			expect(
				several.diagnostics.filter((d) => d.ruleId === 'KV030').map((d) => d.severity)
			).toEqual(['error']);
		}
	});
});
