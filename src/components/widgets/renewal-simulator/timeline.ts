// From the modules themselves, not the simulate barrel: it also re-exports from-template.ts, which
// pulls the checker (6 KB gzipped) into every page with a simulator.
import {
	SCRIPT_START,
	renewalEvent,
	scriptedVersion,
	workshopConfig,
	workshopVault,
} from '../../../core/simulate/scenario.ts';
import { simulate } from '../../../core/simulate/simulate.ts';
import type { SimOs, Simulation, VaultEvent } from '../../../core/simulate/types.ts';

/** What the user can do in the scripted simulator. */
export type TimelineAction =
	| 'poll'
	| 'renew'
	| 'disable'
	| 'delete'
	| 'revoke'
	| 'grant'
	| 'remove-identity'
	| 'restore-identity';

/** The scripted timeline: the OS and version, and the events the user added so far. */
export interface TimelineState {
	os: SimOs;
	version: string;
	events: VaultEvent[];
	/** Polls run so far (at least 1: the extension's first poll when it starts). */
	polls: number;
	/** Index of the newest webcert version (1 at the start). */
	newestIndex: number;
	access: boolean;
	identity: boolean;
}

/** Most polls a scripted timeline runs (the core bounds it as well). */
export const MAX_TIMELINE_POLLS = 100;
const INTERVAL = 3600;

/** A timeline with the extension's first poll done. */
export function initialTimeline(os: SimOs, version: string): TimelineState {
	return { os, version, events: [], polls: 1, newestIndex: 1, access: true, identity: true };
}

/** Seconds after the start at which an action taken now happens: after the last poll, in order. */
function nextAt(state: TimelineState): number {
	return (state.polls - 1) * INTERVAL + 60 + state.events.length;
}

/** The timeline after one action (a new object; the old one is unchanged). */
export function applyAction(state: TimelineState, action: TimelineAction): TimelineState {
	const at = nextAt(state);
	const add = (event: VaultEvent, patch: Partial<TimelineState> = {}): TimelineState => ({
		...state,
		...patch,
		events: [...state.events, event],
	});
	switch (action) {
		case 'poll':
			return { ...state, polls: Math.min(MAX_TIMELINE_POLLS, state.polls + 1) };
		case 'renew':
			return add(renewalEvent(at, state.newestIndex + 1), { newestIndex: state.newestIndex + 1 });
		case 'disable':
			return add({
				at,
				kind: 'disable-version',
				certificate: 'webcert',
				version: scriptedVersion('webcert', state.newestIndex, 0).version,
			});
		case 'delete':
			return add({ at, kind: 'delete-certificate', certificate: 'webcert' });
		case 'revoke':
			return add({ at, kind: 'revoke-access' }, { access: false });
		case 'grant':
			return add({ at, kind: 'grant-access' }, { access: true });
		case 'remove-identity':
			return add({ at, kind: 'remove-identity' }, { identity: false });
		case 'restore-identity':
			return add({ at, kind: 'restore-identity' }, { identity: true });
	}
}

/** Runs the model over the timeline. */
export function runTimeline(state: TimelineState): Simulation {
	return simulate({
		config: workshopConfig(state.os, state.version),
		vault: workshopVault(),
		events: state.events,
		start: SCRIPT_START,
		polls: state.polls,
	});
}
