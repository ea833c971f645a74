import { format, joinSentences, type Lang, type Translate } from '../../../core/i18n/index.ts';
import {
	applyStrategies,
	parseCertificateList,
	selectMessages,
	type ListedDate,
} from '../../../core/select/index.ts';
import { hex, list, name, text, type Cell } from '../tables/cells.ts';

// What the certificate chooser shows for its inputs, as data: the status line, what each
// strategy picks and the certificates read. Pure, so every state is unit-tested.

/** The chooser's inputs as the form holds them. */
export interface ChooserInput {
	/** The pasted `Format-List` output. */
	listing: string;
	subject: string;
	/** `YYYY-MM-DDTHH:mm`, the VM's local time (read as if it were UTC, as the listing's dates are). */
	now: string;
	pin: string;
	/** A note to show first (the simulator's store was loaded). */
	note?: string;
}

/** A table as rows of cells by column. */
export interface ChooserTable {
	rows: { key: string; cells: Record<string, Cell> }[];
}

/** Everything the chooser shows. */
export interface ChooserView {
	status: string;
	results: ChooserTable;
	certificates: ChooserTable;
}

/** Certificates listed in the table at most (the status says how many were read). */
export const MAX_LISTED = 500;

/** Milliseconds of the `now` field, or the clock's when the field is empty or unreadable. */
export function nowOf(value: string, fallback: number): number {
	// Only the field's own form: Date.parse reads odd text (even ":00Z") as some date.
	if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d$/.test(value)) return fallback;
	const parsed = Date.parse(`${value}:00Z`);
	return Number.isFinite(parsed) ? parsed : fallback;
}

/** The chooser's view for its inputs. `clock` is the time used when the field has none. */
export function chooserView(
	input: ChooserInput,
	lang: Lang,
	t: Translate,
	clock: number
): ChooserView {
	const c = (key: string, values?: Record<string, string | number>) =>
		t(`kvcert.chooser.${key}`, values);
	const parsed = parseCertificateList(input.listing);
	const status: string[] = [];
	if (input.note) status.push(input.note);
	if (!input.listing.trim()) status.push(c('empty'));
	else if (parsed.certificates.length === 0) status.push(c('noneFound'));
	else status.push(c('found', { count: parsed.certificates.length }));
	if (parsed.skippedLines.length)
		status.push(c('skipped', { lines: parsed.skippedLines.slice(0, 20).join(', ') }));
	if (parsed.truncated) status.push(c('truncated'));

	const date = (d: ListedDate | undefined): string =>
		!d ? c('unknown') : d.kind === 'date' ? d.text : c(d.kind, { text: d.text });
	const results = applyStrategies({
		certificates: parsed.certificates,
		subject: input.subject,
		now: nowOf(input.now, clock),
		pinnedThumbprint: input.pin,
	});
	return {
		status: joinSentences(status),
		results: {
			rows: results.map((r) => {
				const picked = r.picked === undefined ? undefined : parsed.certificates[r.picked];
				return {
					key: r.strategy,
					cells: {
						strategy: text(selectMessages.strategy[r.strategy][lang]),
						picked: picked?.thumbprint ? hex(picked.thumbprint) : text(c('nothing')),
						why: text(format(selectMessages.reason[r.reason.id][lang], r.reason.data)),
						warnings: r.warnings.length
							? list(r.warnings.map((w) => selectMessages.warning[w][lang]))
							: text(c('none')),
					},
				};
			}),
		},
		certificates: {
			rows: parsed.certificates.slice(0, MAX_LISTED).map((cert) => ({
				key: String(cert.line),
				cells: {
					line: text(String(cert.line)),
					subject: cert.subject ? name(cert.subject) : text(c('unknown')),
					thumbprint: cert.thumbprint ? hex(cert.thumbprint) : text(c('unknown')),
					notBefore: text(date(cert.notBefore)),
					notAfter: text(date(cert.notAfter)),
					privateKey: text(
						cert.hasPrivateKey === undefined ? c('unknown') : c(cert.hasPrivateKey ? 'yes' : 'no')
					),
				},
			})),
		},
	};
}
