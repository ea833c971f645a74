import { describe, expect, it } from 'vitest';
import { checkSync } from '../../../src/core/check/index.ts';
import { versionedUrlRule } from '../../../src/core/check/rules/kv016-versioned-url.ts';
import { format } from '../../../src/core/i18n/index.ts';

const azSet = (settings: string, version = '3.0') =>
	`az vm extension set -g rg --vm-name vm1 --publisher Microsoft.Azure.KeyVault --name KeyVaultForLinux --version ${version} --settings ${settings}\n`;
const inline = (url: string) =>
	`'{"secretsManagementSettings":{"pollingIntervalInS":"3600","observedCertificates":[{"url":"'"${url}"'"}]}}'`;

const found = (text: string, path = 'deploy.sh') =>
	checkSync(text, { path, kind: 'command' }).diagnostics.map(
		(d) =>
			`${d.ruleId} ${d.severity} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.related.map((r) => `@${r.range.start.line}`).join(' ')}`
	);

/** Issue 20: a URL taken from a command that prints a versioned id is known to be versioned. */
describe('script variables holding a versioned id', () => {
	it.each([
		[
			'$(…) with --query sid -o tsv',
			'SID=$(az keyvault certificate show --vault-name kv1 -n web --query sid -o tsv)',
		],
		[
			'quoted $(…) with --query "sid"',
			'SID="$(az keyvault certificate show --vault-name kv1 -n web --query "sid" --output tsv)"',
		],
		[
			'backticks with --query id',
			'SID=`az keyvault certificate show --vault-name kv1 -n web --query id --output tsv`',
		],
		[
			'a secret with --query id',
			"SID=$(az keyvault secret show --vault-name kv1 -n web --query 'id' -o tsv)",
		],
	])('%s: KV016 at the use, the assignment related', (_, assignment) => {
		expect(found(`${assignment}\n${azSet(inline('$SID'))}`)).toEqual([
			'KV016 warning 2:220-224 @1',
		]);
	});

	it('is an error with version 4.0 (versioned URLs are refused there)', () => {
		const text = `SID=$(az keyvault certificate show --vault-name kv1 -n web --query sid -o tsv)\n${azSet(inline('${SID}'), '4.0')}`;
		expect(found(text).filter((f) => f.startsWith('KV016'))).toEqual(['KV016 error 2:220-226 @1']);
	});

	it.each([
		[
			'a query that strips the version',
			"SID=$(az keyvault certificate show --vault-name kv1 -n web --query \"join('/', [split(sid, '/')[0:5]])\" -o tsv)",
		],
		[
			'a pipe that cuts the version off',
			"SID=$(az keyvault certificate show --vault-name kv1 -n web --query sid -o tsv | sed 's#/[^/]*$##')",
		],
		['a URL built by hand', 'SID="https://kv1.vault.azure.net/secrets/web"'],
		[
			'a variable assigned again',
			'SID=$(az keyvault certificate show --vault-name kv1 -n web --query sid -o tsv)\nSID=$1',
		],
		[
			'another field (the thumbprint)',
			'SID=$(az keyvault certificate show --vault-name kv1 -n web --query x509ThumbprintHex -o tsv)',
		],
	])('%s: no finding, and no "not a Key Vault URL" on the unknown value', (_, assignment) => {
		expect(found(`${assignment}\n${azSet(inline('$SID'))}`)).toEqual([]);
	});

	it('reads PowerShell: az output and (Get-AzKeyVaultCertificate …).SecretId in a hashtable', () => {
		const set =
			'Set-AzVMExtension -ResourceGroupName rg -VMName vm1 -Name KeyVaultForWindows -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0 -Settings $settings\n';
		const settings =
			'$settings = @{ secretsManagementSettings = @{ pollingIntervalInS = "3600"; observedCertificates = @(@{ url = $sid }) } }\n';
		for (const assignment of [
			'$sid = az keyvault certificate show --vault-name kv1 --name web --query sid -o tsv',
			'$sid = (Get-AzKeyVaultCertificate -VaultName kv1 -Name web).SecretId',
		])
			expect(found(`${assignment}\n${settings}${set}`, 'deploy.ps1')).toEqual([
				'KV016 warning 2:110-114 @1',
			]);
		expect(
			found(
				`$sid = (Get-AzKeyVaultCertificate -VaultName kv1 -Name web).Thumbprint\n${settings}${set}`,
				'deploy.ps1'
			)
		).toEqual([]);
	});

	it('names the command and the line of the assignment in the message, in both languages', () => {
		const text = `SID=$(az keyvault certificate show --vault-name kv1 -n web --query sid -o tsv)\n${azSet(inline('$SID'))}`;
		const [en] = checkSync(text, { path: 'deploy.sh', kind: 'command' }).diagnostics;
		expect(en!.message).toBe(
			format(versionedUrlRule.meta.messages.versionedVariable!.en, {
				variable: '$SID',
				command: 'az keyvault certificate show --query sid',
				line: 1,
			})
		);
		expect(en!.message).toContain(
			'(assigned from `az keyvault certificate show --query sid` on line 1)'
		);
		const [ja] = checkSync(text, { path: 'deploy.sh', kind: 'command', lang: 'ja' }).diagnostics;
		expect(ja!.message).toContain(
			'1 行目で `az keyvault certificate show --query sid` の出力を代入しています'
		);
	});
});

/** Issue 20: the id reached in two steps, through a variable holding the whole object. */
describe('a versioned id read from a certificate object', () => {
	const set =
		'Set-AzVMExtension -ResourceGroupName rg -VMName vm1 -Name KeyVaultForWindows -Publisher Microsoft.Azure.KeyVault -ExtensionType KeyVaultForWindows -TypeHandlerVersion 3.0 -Settings $settings\n';
	const settingsWith = (url: string) =>
		`$settings = @{ secretsManagementSettings = @{ pollingIntervalInS = "3600"; observedCertificates = @(@{ url = ${url} }) } }\n`;
	const ps = (text: string) =>
		checkSync(text, { path: 'deploy.ps1', kind: 'command' }).diagnostics.map(
			(d) =>
				`${d.ruleId} ${d.range.start.line}:${d.range.start.column}-${d.range.end.column} ${d.related.map((r) => `@${r.range.start.line}`).join(' ')}`
		);

	it.each([
		['$cert.SecretId', '$cert.SecretId'],
		['$cert.Id', '$cert.Id'],
		['"$($cert.SecretId)"', '$cert.SecretId'],
		['$Cert.secretid', '$Cert.secretid'],
	])('%s in the settings: KV016 at the use, naming the assignment', (url, written) => {
		const text = `$cert = Get-AzKeyVaultCertificate -VaultName kv1 -Name web\n${settingsWith(url)}${set}`;
		const start = text.split('\n')[1]!.indexOf(written) + 1;
		expect(ps(text)).toEqual([`KV016 2:${start}-${start + written.length} @1`]);
		const [finding] = checkSync(text, { path: 'deploy.ps1', kind: 'command' }).diagnostics;
		expect(finding!.message).toContain(
			`${written} holds a versioned id (assigned from \`Get-AzKeyVaultCertificate …\` on line 1)`
		);
	});

	it('follows the field assigned to another variable first', () => {
		const text = `$cert = Get-AzKeyVaultCertificate -VaultName kv1 -Name web\n$sid = $cert.SecretId\n${settingsWith('$sid')}${set}`;
		expect(ps(text)).toEqual(['KV016 3:110-114 @2']);
	});

	it.each([
		['-replace strips the version', "($cert.SecretId -replace '/[^/]+$', '')"],
		['Split and -join keep five segments', "($cert.SecretId.Split('/')[0..4] -join '/')"],
		['another field', '$cert.Name'],
		['a thumbprint', '$cert.Thumbprint'],
	])('%s: no finding', (_, url) => {
		const text = `$cert = Get-AzKeyVaultCertificate -VaultName kv1 -Name web\n${settingsWith(url)}${set}`;
		expect(ps(text).filter((f) => f.startsWith('KV016'))).toEqual([]);
		const assigned = `$cert = Get-AzKeyVaultCertificate -VaultName kv1 -Name web\n$sid = ${url}\n${settingsWith('$sid')}${set}`;
		expect(ps(assigned).filter((f) => f.startsWith('KV016'))).toEqual([]);
	});

	it('a secret object: only its Id is versioned; an object assigned again is forgotten', () => {
		const secret = `$s = Get-AzKeyVaultSecret -VaultName kv1 -Name web\n${settingsWith('$s.Id')}${set}`;
		expect(ps(secret)).toEqual(['KV016 2:110-115 @1']);
		const again = `$cert = Get-AzKeyVaultCertificate -VaultName kv1 -Name web\n$cert = $null\n${settingsWith('$cert.SecretId')}${set}`;
		expect(ps(again).filter((f) => f.startsWith('KV016'))).toEqual([]);
	});

	it('az JSON read with jq in a shell script, and with ConvertFrom-Json in PowerShell', () => {
		const sh = `CERT=$(az keyvault certificate show --vault-name kv1 -n web)\nSID=$(echo "$CERT" | jq -r .sid)\n${azSet(inline('$SID'))}`;
		expect(found(sh)).toEqual(['KV016 warning 3:220-224 @2']);
		// jq reading another field, or az with a --query, is not the object.
		expect(found(sh.replace('jq -r .sid', 'jq -r .name'))).toEqual([]);
		expect(found(sh.replace('-n web)', '-n web --query name -o tsv)'))).toEqual([]);
		const pwsh = `$cert = az keyvault certificate show --vault-name kv1 -n web | ConvertFrom-Json\n${settingsWith('$cert.sid')}${set}`;
		expect(ps(pwsh)).toEqual(['KV016 2:110-119 @1']);
	});
});

describe('settings held in a variable around an unknown one', () => {
	// The shape of Microsoft Learn's tutorial "Secure a web server on a Linux VM" (localised copies;
	// JUDGEMENTS.md): the settings JSON is built in a variable around $MY_CERT_ID.
	const script = `MY_CERT_ID=$(az keyvault certificate show --vault-name $MY_KEY_VAULT --name $MY_CERT_NAME --query sid -o tsv)
MY_AKV_EXT_SETTINGS="{\\"secretsManagementSettings\\":{\\"pollingIntervalInS\\":\\"3600\\",\\"observedCertificates\\":[\\"$MY_CERT_ID\\"]}}"
az vm extension set --resource-group rg --vm-name vm1 -n "KeyVaultForLinux" --publisher Microsoft.Azure.KeyVault --version 3.0 --settings $MY_AKV_EXT_SETTINGS
`;

	it('reads the settings, and finds the versioned id where the variable is written in them', () => {
		expect(found(script)).toEqual(['KV016 warning 2:114-125 @1']);
	});

	it('reads them as unknown where the variable is not a versioned id (no false KV014)', () => {
		expect(found(script.replace('--query sid', '--query "{n: name}.n"'))).toEqual([]);
	});
});
