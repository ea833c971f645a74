/**
 * Windows、Node.js: Key Vault VM 拡張機能がインストールした証明書のうち、サブジェクトが一致し、
 * いま有効で、秘密鍵を持つ最新の証明書を選びます。更新後のストアには同じサブジェクトの証明書が
 * 複数あります (拡張機能は新しいバージョンを古いバージョンの隣にインストールします)。そのため、
 * 「このサブジェクトの最初の証明書」では足りません。
 *
 * Node.js は Windows の証明書ストアを直接開けないので、listStore() が PowerShell にストアを
 * JSON で出力させます。selectCertificate() が選択の規則で、どんな一覧にも使えます。
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** 規則が必要とする、証明書 1 つ分の情報。 */
export interface StoreCertificate {
	subject: string;
	thumbprint: string;
	notBefore: Date;
	notAfter: Date;
	/** 一覧に記載がない場合は undefined。 */
	hasPrivateKey?: boolean | undefined;
}

/** サブジェクト全体を比べます。大文字と小文字、"," と "=" の前後の空白は区別しません。 */
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
 * このサブジェクトに完全に一致し、`now` の時点で有効 (NotBefore 以降、NotAfter より前) な証明書が対象です。
 * 秘密鍵がないと分かっているものを除き、NotBefore が最新のもの (同じなら NotAfter が最新のもの) を返します。
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

/** PowerShell で Cert:\LocalMachine\My を一覧します (日付は UTC の ISO 文字列)。 */
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

// node select-certificate.ts "CN=www.contoso.com"  (Node 22.6 以降で --experimental-strip-types を付けるか、tsx で実行)
if (
	process.argv[1] &&
	import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!)
) {
	const subject = process.argv[2] ?? 'CN=www.contoso.com';
	const picked = selectCertificate(await listStore(), subject);
	console.log(picked ? picked.thumbprint : `No valid certificate with subject ${subject}`);
}
