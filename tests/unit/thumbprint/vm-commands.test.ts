import { describe, expect, test } from 'vitest';
import { vaultNameOf, vmCommands } from '../../../src/core/thumbprint/vm-commands';

describe('vaultNameOf', () => {
	test.each([
		['https://contoso-kv.vault.azure.net', 'contoso-kv'],
		['https://contoso-kv.vault.azure.cn/', 'contoso-kv'],
		['https://127.0.0.1:41143', ''],
		['https://[::1]:8443', ''],
		['https://ab.vault.azure.net', ''],
		['not a url', ''],
	])('%s → “%s”', (url, name) => {
		expect(vaultNameOf(url)).toBe(name);
	});
});

describe('vmCommands', () => {
	test('name the vault and certificate in the Linux path and the az command', () => {
		const commands = vmCommands('https://contoso-kv.vault.azure.net', 'webcert');
		expect(commands.openssl).toContain(
			'/var/lib/waagent/Microsoft.Azure.KeyVault.Store/contoso-kv.webcert*'
		);
		expect(commands.azCli).toContain('--vault-name contoso-kv --name webcert');
	});

	test('use placeholders for the demo vault’s loopback address and for invalid names', () => {
		const commands = vmCommands('https://127.0.0.1:41143', 'web cert; rm -rf /');
		expect(commands.openssl).toContain('Store/<vault-name>.<certificate-name>*');
		expect(commands.azCli).toContain('--vault-name <vault-name> --name <certificate-name>');
	});
});
