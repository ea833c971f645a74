import type { InstalledCertificate } from '../simulate/types.ts';
import type { ListedCertificate } from './parse-certificate-list.ts';

const printed = (seconds: number) =>
	new Date(seconds * 1000).toISOString().slice(0, 19).replace('T', ' ');

/** The simulator's Windows store as if listed with `Format-List *` (dates in UTC, in store order). */
export function storeAsList(certificates: InstalledCertificate[]): ListedCertificate[] {
	return certificates.map((c, i) => ({
		line: i + 1,
		subject: c.subject,
		issuer: c.subject,
		thumbprint: c.thumbprint,
		friendlyName: undefined,
		notBefore: { kind: 'date', value: c.notBefore * 1000, text: printed(c.notBefore) },
		notAfter: { kind: 'date', value: c.notAfter * 1000, text: printed(c.notAfter) },
		hasPrivateKey: c.hasPrivateKey,
		dnsNames: [...c.sans],
	}));
}
