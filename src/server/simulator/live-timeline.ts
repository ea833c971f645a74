import {
	simulate,
	workshopConfig,
	type PollResult,
	type SimOs,
	type Simulation,
	type VaultEvent,
	type VaultState,
} from '../../core/simulate/index.ts';
import type { VaultSnapshot } from './vault-snapshot.ts';

/** The certificate the live simulator watches (the workshop's versionless URL names it). */
export const LIVE_CERTIFICATE = 'webcert';

/** The model's vault for a snapshot. */
export function vaultStateOf(snapshot: VaultSnapshot): VaultState {
	return {
		access: snapshot.access,
		identity: true,
		certificates: [{ name: LIVE_CERTIFICATE, deleted: false, versions: snapshot.versions }],
	};
}

/** The vault events that turn `before` into `after`, dated `at` seconds after the start. */
export function eventsBetween(
	before: VaultSnapshot,
	after: VaultSnapshot,
	at: number
): VaultEvent[] {
	const events: VaultEvent[] = [];
	if (before.access && !after.access) return [{ at, kind: 'revoke-access' }];
	if (!before.access && after.access) events.push({ at, kind: 'grant-access' });
	if (!after.access) return events;
	const old = new Map(before.versions.map((v) => [v.version, v]));
	for (const version of after.versions) {
		const previous = old.get(version.version);
		if (!previous) events.push({ at, kind: 'new-version', certificate: LIVE_CERTIFICATE, version });
		else if (previous.enabled && !version.enabled)
			events.push({
				at,
				kind: 'disable-version',
				certificate: LIVE_CERTIFICATE,
				version: version.version,
			});
		else if (!previous.enabled && version.enabled)
			events.push({
				at,
				kind: 'enable-version',
				certificate: LIVE_CERTIFICATE,
				version: version.version,
			});
	}
	return events;
}

/**
 * The live timeline: the first snapshot is the vault at the start, each later one adds the events
 * that changed it, and the model replays every poll so far (deterministic, at most MAX_POLLS).
 */
export class LiveTimeline {
	#first: VaultSnapshot | undefined;
	#last: VaultSnapshot | undefined;
	readonly #events: VaultEvent[] = [];
	#polls = 0;

	constructor(
		readonly os: SimOs,
		readonly version: string,
		readonly interval: number,
		readonly start: number
	) {}

	/** Adds one poll's snapshot and returns the model's result for it (and its start log on the first). */
	add(snapshot: VaultSnapshot): { poll: PollResult | undefined; simulation: Simulation } {
		if (!this.#first) this.#first = snapshot;
		else if (this.#last)
			this.#events.push(...eventsBetween(this.#last, snapshot, this.#polls * this.interval));
		this.#last = snapshot;
		this.#polls++;
		const simulation = simulate({
			config: workshopConfig(this.os, this.version),
			vault: vaultStateOf(this.#first),
			events: this.#events,
			start: this.start,
			polls: this.#polls,
			intervalOverride: this.interval,
		});
		return { poll: simulation.polls.at(-1), simulation };
	}
}
