import type { Translate } from '../../../core/i18n/translator.ts';
import type { LivePollEvent } from '../../../core/simulate/live-protocol.ts';
import type { InstalledCertificate, PollResult, StoreFile } from '../../../core/simulate/types.ts';
import { hex, name, parts, path, text, utcParts, type Cell } from '../tables/cells.ts';

// What the simulator shows for a poll, as data: the state line, the store and the Linux files.
// Pure, so each state is unit-tested; simulator-app.ts puts it on the page.

/** How the extension's status reads, and how it looks (a colour and an icon, never colour alone). */
export interface StatusView {
	text: string;
	tone: 'none' | 'ok' | 'busy' | 'error';
	/** The status message the extension reports while it retries (shown as it prints it). */
	message?: string;
}

/** The message the extension reports while downloads fail (research: kvvm-extension.md §4.1). */
export const RETRYING_MESSAGE = 'Failed to download one or more certificates, retrying...';

/** The status after a poll: a failed poll reads as a failure, whatever the provisioning state was. */
export function statusView(poll: PollResult | undefined, t: Translate): StatusView {
	if (!poll) return { text: t('kvcert.simulator.status.none'), tone: 'none' };
	if (poll.failed)
		return { text: t('kvcert.simulator.status.failed'), tone: 'error', message: RETRYING_MESSAGE };
	if (poll.status === 'transitioning')
		return { text: t('kvcert.simulator.status.transitioning'), tone: 'busy' };
	if (poll.status === 'error') return { text: t('kvcert.simulator.status.error'), tone: 'error' };
	return { text: t('kvcert.simulator.status.success'), tone: 'ok' };
}

/** A table as data: caption, rows of cells by column, or a sentence when there are none. */
export interface TableView {
	caption: string;
	rows: { key: string; cells: Record<string, Cell> }[];
	empty?: string;
}

/** "Yes (exportable)", "Yes (not exportable)", "No"… for the private-key column. */
function privateKey(c: InstalledCertificate, t: Translate): string {
	if (!c.hasPrivateKey) return t('kvcert.simulator.key.none');
	switch (c.keyExportable) {
		case true:
			return t('kvcert.simulator.key.exportable');
		case false:
			return t('kvcert.simulator.key.notExportable');
		case 'undocumented':
			return t('kvcert.simulator.key.exportUndocumented');
		default:
			return t('kvcert.simulator.key.present');
	}
}

/**
 * The store after a poll. Every row of one simulated VM is in the same store, so the store is
 * named once, in the caption, instead of filling a column.
 */
export function storeTable(poll: PollResult | undefined, t: Translate): TableView {
	const certificates = poll?.certificates ?? [];
	const stores = [...new Set(certificates.map((c) => c.store))];
	return {
		caption: stores.length
			? t('kvcert.simulator.storeCaptionIn', { store: stores.join(', ') })
			: t('kvcert.simulator.storeCaption'),
		rows: certificates.map((c) => ({
			key: c.thumbprint,
			cells: {
				thumbprint: hex(c.thumbprint),
				subject: name(c.subject),
				notBefore: parts(...utcParts(c.notBefore)),
				notAfter: parts(...utcParts(c.notAfter)),
				privateKey: text(privateKey(c, t)),
				renewedBy: c.renewedBy ? hex(c.renewedBy) : text('–'),
			},
		})),
		...(certificates.length ? {} : { empty: t('kvcert.simulator.emptyStore') }),
	};
}

/** The Linux files after a poll (paths wrap after separators, never inside a name). */
export function filesTable(
	files: Pick<StoreFile, 'path' | 'kind' | 'mode' | 'target'>[],
	t: Translate
): TableView {
	return {
		caption: t('kvcert.simulator.filesCaption'),
		rows: files.map((f) => ({
			key: f.path,
			cells: {
				path: path(f.path),
				kind: text(t(`kvcert.simulator.${f.kind}`)),
				mode: text(f.mode),
				target: f.target ? path(f.target) : text('–'),
			},
		})),
		...(files.length ? {} : { empty: t('kvcert.simulator.noFiles') }),
	};
}

/**
 * A live poll as the model's poll result, so that the store, the chooser and the workshop's
 * exercise read live and scripted polls alike (the wire leaves out what a live VM cannot know).
 */
export function pollFromLive(event: LivePollEvent, certificateName: string): PollResult {
	return {
		index: event.index,
		at: event.at,
		status: event.status,
		failed: event.failed ?? event.error !== undefined,
		certificates: event.certificates.map((c) => ({
			store: c.store,
			certificateName,
			version: c.version,
			subject: c.subject,
			sans: [],
			thumbprint: c.thumbprint,
			notBefore: c.notBefore,
			notAfter: c.notAfter,
			hasPrivateKey: c.hasPrivateKey,
			keyExportable: 'not-applicable',
			...(c.renewedBy ? { renewedBy: c.renewedBy } : {}),
			installedAt: event.at,
		})),
		files: event.files.map((f) => ({ ...f, owner: '' })),
		log: [],
		events: [],
	};
}

/** The newest poll's time on the VM, as the state line shows it. */
export function vmTime(poll: PollResult | undefined): string {
	return poll ? utcParts(poll.at).join(' ') : '–';
}
