import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { expectFinding } from './helpers.ts';

const ids = (text: string, readFile?: (path: string) => string | undefined) =>
	checkSync(text, readFile ? { readFile } : {}).diagnostics.map((d) => d.ruleId);

const settings = (interval: string) =>
	`{"secretsManagementSettings":{"pollingIntervalInS":${interval},"observedCertificates":["https://contoso-kv.vault.azure.net/secrets/web"]}}`;

describe('shell variables in az CLI scripts', () => {
	it('the site’s own az CLI sample: variables are expanded, so no false KV002/KV003', () => {
		const script = readFileSync(
			new URL('../../../samples/cli/set-keyvault-extension.sh', import.meta.url),
			'utf8'
		);
		const settingsFile = readFileSync(
			new URL('../../../samples/settings/windows-4.0.settings.json', import.meta.url),
			'utf8'
		);
		const read: string[] = [];
		const result = checkSync(script, {
			readFile: (path) => (
				read.push(path),
				path === 'windows-4.0.settings.json' ? settingsFile : undefined
			),
		});
		expect(read).toContain('windows-4.0.settings.json');
		expect(result.extensionCount).toBe(1);
		expect(result.diagnostics).toEqual([]);
	});

	it('a value from a variable is checked, and the finding points where the command uses it', () => {
		expectFinding(
			`VER="5.0"\naz vm extension set -g rg --vm-name vm --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --version ⟦"$VER"⟧ --settings '${settings('"3600"')}'`,
			'KV003',
			'error'
		);
	});

	it('settings named through a variable ("@$SETTINGS") are read from that file', () => {
		const text = `SETTINGS="s.json"\naz vm extension set -g rg --vm-name vm --name KeyVaultForLinux --publisher Microsoft.Azure.KeyVault --version 3.0 --settings "@$SETTINGS"`;
		expect(ids(text, (path) => (path === 's.json' ? settings('3600') : undefined))).toContain(
			'KV010'
		);
	});

	it('an unknown variable is unknown: not reported as a wrong value, settings said not read', () => {
		const text = `az vm extension set -g rg --vm-name vm --name "$EXT" --publisher Microsoft.Azure.KeyVault --version "\${VER}" --settings "$S"`;
		const result = checkSync(text);
		expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['KV051']);
		expect(result.diagnostics[0]!.message).toContain('$S');
		// Command substitution is unknown too.
		expect(ids(`V=$(cat v)\n${text.replace('"${VER}"', '"$V"')}`)).toEqual(['KV051']);
	});

	it('inside single quotes $ is text, as the shell leaves it', () => {
		expect(
			ids(
				`az vm extension set -g rg --vm-name vm --name '$EXT' --publisher Microsoft.Azure.KeyVault --version 3.0 --settings '${settings('"3600"')}'`
			)
		).toContain('KV002');
	});
});
