import type { InstalledCertificate } from '../simulate/types.ts';
import type { ListedCertificate } from './parse-certificate-list.ts';

const printed = (seconds: number) =>
	new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** What a store listing needs of a certificate: the scripted model's, or a live poll's (no SANs). */
export type ListableCertificate = Pick<
	InstalledCertificate,
	'subject' | 'thumbprint' | 'notBefore' | 'notAfter' | 'hasPrivateKey'
> & { sans?: readonly string[] };

/** The simulator's Windows store as if listed with `Format-List *` (dates in UTC, in store order). */
export function storeAsList(certificates: ListableCertificate[]): ListedCertificate[] {
	return certificates.map((c, i) => ({
		line: i + 1,
		subject: c.subject,
		issuer: c.subject,
		thumbprint: c.thumbprint,
		friendlyName: undefined,
		notBefore: { kind: 'date', value: c.notBefore * 1000, text: printed(c.notBefore) },
		notAfter: { kind: 'date', value: c.notAfter * 1000, text: printed(c.notAfter) },
		hasPrivateKey: c.hasPrivateKey,
		dnsNames: [...(c.sans ?? [])],
	}));
}

/** The simulator's Windows store printed as `Get-ChildItem Cert:\LocalMachine\My | Format-List *` would (UTC, ISO-like dates). */
export function storeAsFormatList(certificates: InstalledCertificate[]): string {
	return certificates
		.map((c) =>
			[
				`Subject       : ${c.subject}`,
				`Issuer        : ${c.subject}`,
				`Thumbprint    : ${c.thumbprint}`,
				`FriendlyName  : `,
				`NotBefore     : ${printed(c.notBefore)}`,
				`NotAfter      : ${printed(c.notAfter)}`,
				`HasPrivateKey : ${c.hasPrivateKey ? 'True' : 'False'}`,
			].join('\n')
		)
		.join('\n\n');
}
