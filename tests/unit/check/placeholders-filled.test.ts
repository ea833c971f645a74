import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { fillPlaceholders } from './fill-placeholders.ts';

// The second check a reader makes: every placeholder of each Learn sample filled in with a
// plausible value (fill-placeholders.ts; an elision written out where the sample hides something
// the extension needs). What is left is exactly what the sample itself gets wrong, as the fixtures'
// README names it: no false error appears once the placeholders are gone, and no real one goes.

const directory = new URL('../../fixtures/check/learn-samples/', import.meta.url);

const certificate =
	'{ "url": "https://kvprod.vault.azure.net/secrets/web", "certificateStoreName": "MY", "certificateStoreLocation": "LocalMachine" }';

/** Per sample: what its elisions stand for, and the findings left (rule:message line:column). */
const samples: Record<
	string,
	{ fills?: Record<string, string>; left: string[]; extensions?: number }
> = {
	'windows-4.0-settings.json': { left: [] },
	'linux-3.0-settings.json': { left: [] },
	// The one-part child name (a resource at the top level needs "<vm>/<extension>").
	'linux-3.0-template.json': { left: ['KV005:topLevel 3:15'] },
	'arc-linux-unclosed.json': { left: [] },
	'sf-nodetype-elided.json': {
		fills: {
			// The node type's identity and a certificate: what the docs leave out.
			'...#1': `"vmManagedIdentity": { "userAssignedIdentities": [ "[parameters('userAssignedIdentityResourceId')]" ] },`,
			'...#2': certificate,
		},
		// The missing colon after provisionAfterExtensions; and the settings carry no
		// authenticationSettings, while a node type's identity is user-assigned and needs msiClientId.
		// Judged (issue 25): KV030 holds for a node type. Its identities are the user-assigned ones
		// of vmManagedIdentity (the only kind Service Fabric managed clusters support); the managed
		// identity article says they are added to the node type's scale set and used "just like in
		// any non-managed cluster", and the extension's articles require msiClientId whenever a machine
		// has a user-assigned identity. With exactly one and no system-assigned identity no failure
		// has been reported, so it is the single-identity warning, as on a VM.
		left: ['KV050:syntax 12:44', 'KV030:missingSingle 16:17'],
	},
	// Holds no extension: read as a fragment, nothing else.
	'identity-fragment.json': { left: ['KV051:readAs 1:1'], extensions: 0 },
	// The certificates the property table elides, written out: nothing is left.
	'property-values-elided.json': {
		fills: { '...': '"url": "https://kvprod.vault.azure.net/secrets/web"' },
		left: [],
	},
	'initial-sync-fragment.json': {
		fills: {
			'...': `"pollingIntervalInS": "3600",\n    "observedCertificates": [ ${certificate} ]`,
		},
		// A fragment: read without its outer braces (an info, saying how it was read).
		left: ['KV051:readAs 1:1'],
	},
	// The en dashes; the settings file it names is not at hand (a warning that says so).
	'linux-upgrade-en-dash.sh': {
		left: ['KV053:enDash 1:138', 'KV051:fileNotRead 1:148', 'KV053:enDash 1:161'],
	},
	// The path string given to -Setting.
	'vmss-setting-path.ps1': { left: ['KV051:settingPathString 3:178'] },
	// The file's text (Get-Content) given to -Setting.
	'linux-3.0-vmss-get-content.ps1': { left: ['KV051:settingFileText 9:146'] },
	// The extra } in the joined settings string, the JSON string given to -Setting, and version 1.0.
	'windows-1.0-vmss-joined-string.ps1': {
		fills: { '<certStoreName>': "'MY'", '<certStoreLoc>': "'LocalMachine'" },
		left: ['KV050:syntax 6:143', 'KV004:old 16:127', 'KV051:settingAsString 16:142'],
	},
	// The comma left after the last certificate, with `true` in the JSON: az cannot parse it.
	'linux-3.0-az-trailing-comma.sh': { left: ['KV050:trailingCommaAzFails 16:10'] },
	// The unknown key certificateStore; -Setting (ConvertTo-Json …); and the type as the docs spell
	// it in this sample, "KeyVaultforWindows". Judged (issue 25): no source says whether Azure
	// compares the extension type case-insensitively, so KV002 says it may fail (a warning, with the
	// documented spelling as the fix) rather than calling it an unknown type.
	'arc-convertto-json.ps1': {
		left: ['KV052:unknown 7:5', 'KV002:caseOnly 14:193', 'KV051:settingConvertToJson 14:223'],
	},
};

describe('Learn samples with their placeholders filled in', () => {
	it('covers every sample of the folder', () => {
		const files = readdirSync(directory).filter((name) => name !== 'README.md');
		expect(Object.keys(samples).sort()).toEqual(files.sort());
	});

	for (const [name, { fills, left, extensions = 1 }] of Object.entries(samples))
		it(`${name}: only its own defects are left`, () => {
			const filled = fillPlaceholders(readFileSync(new URL(name, directory), 'utf8'), fills);
			const result = checkSync(filled, { path: name });
			expect(result.extensionCount).toBe(extensions);
			expect(result.diagnostics.map((d) => d.ruleId)).not.toContain('KV054');
			expect(
				result.diagnostics.map(
					(d) => `${d.ruleId}:${d.messageId} ${d.range.start.line}:${d.range.start.column}`
				)
			).toEqual(left);
		});
});

describe('the filling helper', () => {
	it('writes values where the docs wrote placeholders, in JSON, expressions and commands', () => {
		expect(fillPlaceholders('{ "url": "https://<examplekv>.vault.azure.net/secrets/web" }')).toBe(
			'{ "url": "https://kvprod.vault.azure.net/secrets/web" }'
		);
		expect(
			fillPlaceholders('{ "pollingIntervalInS": <polling interval in seconds, e.g. "3600"> }')
		).toBe('{ "pollingIntervalInS": "3600" }');
		expect(fillPlaceholders(`{ "a": "[concat('x/', <vmName>)]" }`)).toBe(
			`{ "a": "[concat('x/', 'vm-web')]" }`
		);
		expect(fillPlaceholders('az vm identity show -g <resourceGroup> --vm-name "<vmName>"')).toBe(
			'az vm identity show -g rg-web --vm-name "vm-web"'
		);
	});
});
