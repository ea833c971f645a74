import { startEmulator, type RunningEmulator } from '../emulator/emulator.ts';

const REGISTRY = Symbol.for('kvcert.demoEmulator');
type Registry = { [REGISTRY]?: Promise<RunningEmulator> };

/**
 * The process-wide demo vault. `npm start` starts it before the site (scripts/start.mjs); if it did
 * not (astro dev, a bare `node dist/server/entry.mjs`), the first request starts it. Shared through
 * a global symbol because the site's bundle and scripts/start.mjs load separate module copies.
 */
export function getDemoEmulator(): Promise<RunningEmulator> {
	const registry = globalThis as Registry;
	registry[REGISTRY] ??= startEmulator();
	return registry[REGISTRY];
}

/** Whether the demo vault has been started in this process (without starting it). */
export function isDemoEmulatorStarted(): boolean {
	return (globalThis as Registry)[REGISTRY] !== undefined;
}
