import { scanPlaceholders, type Placeholder } from '../../../src/core/check/placeholders/scan.ts';

// Fills a documentation sample's placeholders the way a reader would: realistic names, a versionless
// secret URL, a client ID, the IMDS endpoint, "3600" for the polling interval; an elision is written
// out (`fills`) or left out. What is left to check afterwards is what the sample itself gets wrong.

/** Values a reader would put in, by what the placeholder stands for. */
const byRole: Record<string, string> = {
	vaultName: 'kvprod',
	certificateName: 'web',
	certificateUrl: 'https://kvprod.vault.azure.net/secrets/web',
	clientId: '6d2f7a51-3b8e-4c1a-9f0e-2a7b5c8d9e10',
	msiEndpoint: 'http://169.254.169.254/metadata/identity',
	pollingInterval: '3600',
	resourceGroup: 'rg-web',
	machineName: 'vm-web',
	location: 'japaneast',
};

/** Values by the key a placeholder is the value of, when its role says only "a value". */
const byKey: Record<string, string> = {
	certificateStoreLocation: 'LocalMachine',
	VMScaleSetName: 'vmss-web',
	ResourceGroupName: 'rg-web',
};

/** A JSON value for a placeholder written bare (not in a string), by its key. */
function bareJson(p: Placeholder, value: string): string {
	if (p.key === 'observedCertificates')
		return '[ { "url": "https://kvprod.vault.azure.net/secrets/web" } ]';
	return JSON.stringify(value);
}

function valueOf(p: Placeholder, text: string, json: boolean): string {
	if (p.form === 'choice') return p.text.split(' or ')[0]!;
	const value = byRole[p.role] ?? (p.key ? byKey[p.key] : undefined) ?? 'web';
	const bare = json && text[p.start - 1] !== '"' && !insideString(text, p.start);
	if (bare) return bareJson(p, value);
	// Inside an ARM expression (`[concat(…, <vmName>)]`) a value is a string literal.
	if (json && expressionAt(text, p.start)) return `'${value}'`;
	// A string joined with `+` in PowerShell (`'…"' + <name> + '"…'`) takes a quoted operand.
	if (/\+\s*$/.test(text.slice(text.lastIndexOf('\n', p.start - 1) + 1, p.start)))
		return `'${value}'`;
	// PowerShell and az take a bare word where the docs wrote `<name>` unquoted.
	return value;
}

function insideString(text: string, offset: number): boolean {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	return (text.slice(lineStart, offset).split('"').length - 1) % 2 === 1;
}

function expressionAt(text: string, offset: number): boolean {
	const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
	return /"\[[^"]*$/.test(text.slice(lineStart, offset));
}

/**
 * The sample with every placeholder replaced. `fills` gives what an elision (or any placeholder, by
 * its text and occurrence `text#n`, counted from 1) stands for; an elision not named there is left out.
 */
export function fillPlaceholders(text: string, fills: Record<string, string> = {}): string {
	const json = /^\s*[[{"]/.test(text);
	const { placeholders } = scanPlaceholders(text, false);
	const seen = new Map<string, number>();
	let out = '';
	let at = 0;
	for (const p of placeholders) {
		if (p.start < at) continue;
		const n = (seen.get(p.text) ?? 0) + 1;
		seen.set(p.text, n);
		const named = fills[`${p.text}#${n}`] ?? fills[p.text];
		const value = named ?? (p.form === 'elision' ? '' : valueOf(p, text, json));
		out += text.slice(at, p.start) + value;
		at = p.end;
	}
	return out + text.slice(at);
}
