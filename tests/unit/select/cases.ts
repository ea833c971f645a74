/**
 * Selection cases shared by the selection widget's core (src/core/select) and the TypeScript sample
 * (samples/operations/select-certificate.ts): both must pick the same certificate for the recommended rule.
 */
export interface SelectionCase {
	name: string;
	/** `Get-ChildItem Cert:\LocalMachine\My | Format-List *` output. */
	listing: string;
	subject: string;
	/** The VM's local time, ISO without zone. */
	now: string;
	/** Thumbprint the recommended rule picks, or null. */
	expected: string | null;
	/** Thumbprint the first-match rule picks (store order). */
	firstMatch: string | null;
}

const T = {
	old: '1111111111111111111111111111111111111111',
	current: '2222222222222222222222222222222222222222',
	renewed: '3333333333333333333333333333333333333333',
	future: '4444444444444444444444444444444444444444',
	other: '5555555555555555555555555555555555555555',
	nokey: '6666666666666666666666666666666666666666',
};
export { T as thumbprints };

const block = (
	subject: string,
	thumbprint: string,
	notBefore: string,
	notAfter: string,
	key = true
) =>
	[
		`Subject       : ${subject}`,
		`Issuer        : ${subject}`,
		`Thumbprint    : ${thumbprint}`,
		`FriendlyName  : `,
		`NotBefore     : ${notBefore}`,
		`NotAfter      : ${notAfter}`,
		`HasPrivateKey : ${key ? 'True' : 'False'}`,
	].join('\n');

const web = 'CN=www.contoso.test, O=Contoso';

export const selectionCases: SelectionCase[] = [
	{
		name: 'after a renewal the old certificate is listed first',
		listing: [
			block(web, T.old, '1/5/2025 9:00:00 AM', '1/5/2026 9:00:00 AM'),
			block(web, T.current, '12/1/2025 9:00:00 AM', '12/1/2026 9:00:00 AM'),
		].join('\n\n'),
		subject: web,
		now: '2026-03-01T12:00:00',
		expected: T.current,
		firstMatch: T.old,
	},
	{
		name: 'a certificate not valid yet is skipped',
		listing: [
			block(web, T.current, '2025/12/01 9:00:00', '2026/12/01 9:00:00'),
			block(web, T.future, '2026/06/01 9:00:00', '2027/06/01 9:00:00'),
		].join('\n\n'),
		subject: web,
		now: '2026-03-01T12:00:00',
		expected: T.current,
		firstMatch: T.current,
	},
	{
		name: 'a newer certificate without a private key is skipped',
		listing: [
			block(web, T.current, '12/1/2025 9:00:00 AM', '12/1/2026 9:00:00 AM'),
			block(web, T.nokey, '2/1/2026 9:00:00 AM', '2/1/2027 9:00:00 AM', false),
		].join('\n\n'),
		subject: web,
		now: '2026-03-01T12:00:00',
		expected: T.current,
		firstMatch: T.current,
	},
	{
		name: 'subject compared whole, not as a substring',
		listing: [
			block(
				'CN=www.contoso.test.example, O=Contoso',
				T.other,
				'2/1/2026 9:00:00 AM',
				'2/1/2027 9:00:00 AM'
			),
			block(
				'CN=www.contoso.test,O=Contoso',
				T.renewed,
				'1/1/2026 9:00:00 AM',
				'1/1/2027 9:00:00 AM'
			),
		].join('\n\n'),
		subject: web,
		now: '2026-03-01T12:00:00',
		expected: T.renewed,
		firstMatch: T.renewed,
	},
	{
		name: 'everything expired: nothing is picked',
		listing: block(web, T.old, '1/5/2024 9:00:00 AM', '1/5/2025 9:00:00 AM'),
		subject: web,
		now: '2026-03-01T12:00:00',
		expected: null,
		firstMatch: T.old,
	},
	{
		name: 'equal NotBefore: the later NotAfter wins',
		listing: [
			block(web, T.current, '1/1/2026 9:00:00 AM', '6/1/2026 9:00:00 AM'),
			block(web, T.renewed, '1/1/2026 9:00:00 AM', '12/1/2026 9:00:00 AM'),
		].join('\n\n'),
		subject: web,
		now: '2026-03-01T12:00:00',
		expected: T.renewed,
		firstMatch: T.current,
	},
];
