import type { PollResult } from '../../../core/simulate/types.ts';

/**
 * The event the simulator dispatches (bubbling, on itself) after every poll, scripted or live, so
 * that other widgets (the workshop's exercise C) follow the store.
 */
export const SIM_UPDATE_EVENT = 'kvcert-sim-update';

/** The event's detail: the newest poll (null before the first), and whether it came from live mode. */
export interface SimUpdateDetail {
	poll: PollResult | null;
	live: boolean;
}
