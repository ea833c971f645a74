import type { ListedCertificate } from './parse-certificate-list.ts';

/** The ways applications commonly pick "the certificate with subject X". */
export type StrategyId =
	'first-match' | 'newest-not-before' | 'latest-expiry' | 'valid-now-newest' | 'pinned-thumbprint';

/** Strategies in the order the widget shows them; `valid-now-newest` is the recommended one. */
export const strategyIds: StrategyId[] = [
	'first-match',
	'newest-not-before',
	'latest-expiry',
	'valid-now-newest',
	'pinned-thumbprint',
];

/** Why a strategy picked what it picked (rendered in ja or en by messages.ts). */
export type ReasonId =
	| 'noSubject'
	| 'noMatch'
	| 'firstListed'
	| 'newestNotBefore'
	| 'latestNotAfter'
	| 'validNewest'
	| 'noneValid'
	| 'pinFound'
	| 'pinMissing'
	| 'noPin'
	| 'datesUnreadable';

/** A warning about the picked certificate. */
export type WarningId =
	'expired' | 'notYetValid' | 'noPrivateKey' | 'notNewest' | 'orderNotGuaranteed' | 'tie';

/** What one strategy picks. */
export interface StrategyResult {
	strategy: StrategyId;
	/** Index into the certificates given, or undefined when nothing is picked. */
	picked: number | undefined;
	reason: { id: ReasonId; data: Record<string, string> };
	warnings: WarningId[];
}

/** Input of {@link applyStrategies}. */
export interface SelectionInput {
	certificates: ListedCertificate[];
	/** `CN=www.contoso.test, O=Contoso` or just `www.contoso.test` (compared with the CN). */
	subject: string;
	/** The VM's local time, in the same "local time read as UTC" milliseconds as the dates. */
	now: number;
	/** For the pinned-thumbprint strategy. */
	pinnedThumbprint?: string;
}

/** A distinguished name made comparable: lower case, no spaces around `,` and `=`. */
export function normaliseDn(dn: string): string {
	return dn
		.trim()
		.toLowerCase()
		.split(/([,=+])/)
		.map((part) => part.trim())
		.join('');
}

/** The CN of a distinguished name, if it has one. */
export function commonName(dn: string): string | undefined {
	const m = /(?:^|,)\s*cn\s*=\s*("[^"]*"|[^,]*)/i.exec(dn);
	return m ? m[1]!.replace(/^"|"$/g, '').trim() : undefined;
}

/** Whether a certificate's subject is the one asked for (the whole DN, or the CN when only a name is given). */
export function subjectMatches(subject: string | undefined, wanted: string): boolean {
	if (!subject) return false;
	if (wanted.includes('=')) return normaliseDn(subject) === normaliseDn(wanted);
	return commonName(subject)?.toLowerCase() === wanted.trim().toLowerCase();
}

const dateOf = (d: ListedCertificate['notBefore']) => (d?.kind === 'date' ? d.value : undefined);

function warningsFor(
	c: ListedCertificate,
	now: number,
	newestIndex: number | undefined,
	index: number
): WarningId[] {
	const w: WarningId[] = [];
	const nb = dateOf(c.notBefore);
	const na = dateOf(c.notAfter);
	if (na !== undefined && na <= now) w.push('expired');
	if (nb !== undefined && nb > now) w.push('notYetValid');
	if (c.hasPrivateKey === false) w.push('noPrivateKey');
	if (newestIndex !== undefined && newestIndex !== index) w.push('notNewest');
	return w;
}

function best(
	certificates: ListedCertificate[],
	indexes: number[],
	score: (c: ListedCertificate) => [number, number] | undefined
): { index: number | undefined; tie: boolean } {
	let index: number | undefined;
	let top: [number, number] | undefined;
	let tie = false;
	for (const i of indexes) {
		const s = score(certificates[i]!);
		if (!s) continue;
		if (!top || s[0] > top[0] || (s[0] === top[0] && s[1] > top[1])) {
			top = s;
			index = i;
			tie = false;
		} else if (s[0] === top[0] && s[1] === top[1]) tie = true;
	}
	return { index, tie };
}

/**
 * Applies every strategy to the certificates of a store listing and says what each picks and why.
 * The recommended one, `valid-now-newest`, keeps certificates valid now (and with a private key when
 * the listing says so) and takes the newest NotBefore, then the latest NotAfter.
 */
export function applyStrategies(input: SelectionInput): StrategyResult[] {
	const { certificates, now } = input;
	const subject = input.subject.trim();
	const matching = subject
		? certificates.flatMap((c, i) => (subjectMatches(c.subject, subject) ? [i] : []))
		: [];
	const count = String(matching.length);
	const withDates = matching.filter(
		(i) =>
			dateOf(certificates[i]!.notBefore) !== undefined &&
			dateOf(certificates[i]!.notAfter) !== undefined
	);
	const newest = best(certificates, withDates, (c) => [
		dateOf(c.notBefore)!,
		dateOf(c.notAfter)!,
	]).index;
	const result = (
		strategy: StrategyId,
		picked: number | undefined,
		id: ReasonId,
		extra: WarningId[] = []
	): StrategyResult => ({
		strategy,
		picked,
		reason: {
			id,
			data: {
				count,
				subject,
				thumbprint: picked === undefined ? '' : (certificates[picked]!.thumbprint ?? ''),
			},
		},
		warnings: [
			...extra,
			...(picked === undefined ? [] : warningsFor(certificates[picked]!, now, newest, picked)),
		],
	});
	const none = (strategy: StrategyId, id: ReasonId) => result(strategy, undefined, id);
	const pin = (input.pinnedThumbprint ?? '').replace(/[^0-9A-F]/gi, '').toUpperCase();
	const pinned = (): StrategyResult => {
		if (!pin) return none('pinned-thumbprint', 'noPin');
		const i = certificates.findIndex((c) => c.thumbprint === pin);
		return i === -1
			? {
					...none('pinned-thumbprint', 'pinMissing'),
					reason: { id: 'pinMissing', data: { count, subject, thumbprint: pin } },
				}
			: result('pinned-thumbprint', i, 'pinFound');
	};
	if (!subject)
		return [
			...strategyIds.filter((s) => s !== 'pinned-thumbprint').map((s) => none(s, 'noSubject')),
			pinned(),
		];
	if (matching.length === 0)
		return [
			...strategyIds.filter((s) => s !== 'pinned-thumbprint').map((s) => none(s, 'noMatch')),
			pinned(),
		];
	const datesMissing = withDates.length === 0;
	const byNotBefore = best(certificates, withDates, (c) => [dateOf(c.notBefore)!, 0]);
	const byNotAfter = best(certificates, withDates, (c) => [dateOf(c.notAfter)!, 0]);
	const valid = withDates.filter((i) => {
		const c = certificates[i]!;
		return dateOf(c.notBefore)! <= now && now < dateOf(c.notAfter)! && c.hasPrivateKey !== false;
	});
	const validNewest = best(certificates, valid, (c) => [dateOf(c.notBefore)!, dateOf(c.notAfter)!]);
	return [
		result(
			'first-match',
			matching[0],
			'firstListed',
			matching.length > 1 ? ['orderNotGuaranteed'] : []
		),
		datesMissing
			? none('newest-not-before', 'datesUnreadable')
			: result(
					'newest-not-before',
					byNotBefore.index,
					'newestNotBefore',
					byNotBefore.tie ? ['tie'] : []
				),
		datesMissing
			? none('latest-expiry', 'datesUnreadable')
			: result('latest-expiry', byNotAfter.index, 'latestNotAfter', byNotAfter.tie ? ['tie'] : []),
		datesMissing
			? none('valid-now-newest', 'datesUnreadable')
			: validNewest.index === undefined
				? none('valid-now-newest', 'noneValid')
				: result(
						'valid-now-newest',
						validNewest.index,
						'validNewest',
						validNewest.tie ? ['tie'] : []
					),
		pinned(),
	];
}
