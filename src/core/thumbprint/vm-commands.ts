/** Commands that print the text to paste into the comparison, for a given vault and certificate. */
export interface VmCommands {
	/** Windows VM: every certificate in the LocalMachine\My store with thumbprints. */
	powershell: string;
	/** Linux VM: every version file the Key Vault extension wrote for this certificate. */
	openssl: string;
	/** Anywhere with the Azure CLI: the vault's side, to cross-check. */
	azCli: string;
}

/**
 * Vault name from a vault URL (`https://contoso-kv.vault.azure.net` → `contoso-kv`), or '' when the
 * host does not start with a valid vault name (3–24 characters, a letter first), e.g. the demo
 * vault's `127.0.0.1`.
 */
export function vaultNameOf(vaultUrl: string): string {
	const host = /^https:\/\/([^/:]+)/i.exec(vaultUrl.trim())?.[1] ?? '';
	return /^([a-z][a-z0-9-]{1,22}[a-z0-9])\./i.exec(host)?.[1] ?? '';
}

/**
 * The commands to run on the VM (and with az) so their output can be pasted into the comparison.
 * Paths follow the Key Vault VM extension: LocalMachine\My on Windows, and
 * /var/lib/waagent/Microsoft.Azure.KeyVault.Store/<vault>.<certificate>* on Linux.
 */
export function vmCommands(vaultUrl: string, certificateName: string): VmCommands {
	const vault = vaultNameOf(vaultUrl) || '<vault-name>';
	const name = /^[0-9a-z-]{1,127}$/i.test(certificateName) ? certificateName : '<certificate-name>';
	return {
		powershell:
			'Get-ChildItem Cert:\\LocalMachine\\My | Format-List Subject, Thumbprint, NotBefore, NotAfter',
		openssl: `for f in /var/lib/waagent/Microsoft.Azure.KeyVault.Store/${vault}.${name}*; do sudo openssl x509 -in "$f" -noout -subject -fingerprint -sha1; done`,
		azCli: `az keyvault certificate list-versions --vault-name ${vault} --name ${name} --query "[].{id:id, thumbprint:x509ThumbprintHex, enabled:attributes.enabled}" -o table`,
	};
}
