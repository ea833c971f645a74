/**
 * Windows, Node.js: pick the certificate the Key Vault VM extension installed for a subject — the
 * newest one that is valid now and has a private key. After a renewal the store holds several
 * certificates with the same subject (the extension installs new versions beside old ones), so
 * "the first one with this subject" is not enough.
 *
 * Node.js cannot open the Windows certificate store itself, so listStore() asks PowerShell for the
 * store as JSON. selectCertificate() is the rule, and works on any list.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** What the rule needs to know of one certificate. */
export interface StoreCertificate {
	subject: string;
	thumbprint: string;
	notBefore: Date;
	notAfter: Date;
	/** Undefined when the listing does not say. */
	hasPrivateKey?: boolean | undefined;
}

/** Compare whole subjects, ignoring case and spaces around "," and "=". */
function sameSubject(a: string, b: string): boolean {
	const norm = (dn: string) =>
		dn
			.trim()
			.toLowerCase()
			.split(/([,=+])/)
			.map((part) => part.trim())
			.join('');
	return norm(a) === norm(b);
}

/**
 * The certificate with this exact subject that is valid at `now` (NotBefore ≤ now < NotAfter),
 * not known to lack a private key, with the newest NotBefore (then the latest NotAfter).
 */
export function selectCertificate(
	certificates: StoreCertificate[],
	subject: string,
	now: Date = new Date()
): StoreCertificate | undefined {
	const t = now.getTime();
	return certificates
		.filter(
			(c) =>
				sameSubject(c.subject, subject) &&
				c.hasPrivateKey !== false &&
				c.notBefore.getTime() <= t &&
				t < c.notAfter.getTime()
		)
		.sort(
			(a, b) =>
				b.notBefore.getTime() - a.notBefore.getTime() || b.notAfter.getTime() - a.notAfter.getTime()
		)[0];
}

/** Lists Cert:\LocalMachine\My through PowerShell (dates as UTC ISO strings). */
export async function listStore(): Promise<StoreCertificate[]> {
	const script =
		'@(Get-ChildItem Cert:\\LocalMachine\\My | ForEach-Object { [pscustomobject]@{ ' +
		'subject = $_.Subject; thumbprint = $_.Thumbprint; hasPrivateKey = $_.HasPrivateKey; ' +
		"notBefore = $_.NotBefore.ToUniversalTime().ToString('o'); " +
		"notAfter = $_.NotAfter.ToUniversalTime().ToString('o') } }) | ConvertTo-Json -Compress";
	const { stdout } = await promisify(execFile)('powershell.exe', [
		'-NoProfile',
		'-Command',
		script,
	]);
	const rows = JSON.parse(stdout || '[]') as Record<string, string | boolean>[];
	return (Array.isArray(rows) ? rows : [rows]).map((r) => ({
		subject: String(r['subject']),
		thumbprint: String(r['thumbprint']),
		hasPrivateKey: r['hasPrivateKey'] === true,
		notBefore: new Date(String(r['notBefore'])),
		notAfter: new Date(String(r['notAfter'])),
	}));
}

// node select-certificate.ts "CN=www.contoso.com"  (Node 22.6+ with --experimental-strip-types, or tsx)
if (
	process.argv[1] &&
	import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)
) {
	const subject = process.argv[2] ?? 'CN=www.contoso.com';
	const picked = selectCertificate(await listStore(), subject);
	console.log(picked ? picked.thumbprint : `No valid certificate with subject ${subject}`);
}
