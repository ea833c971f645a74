import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../emulator/emulator.ts';

const REGISTRY = Symbol.for('kvcert.demoEmulator');
type Registry = { [REGISTRY]?: Promise<RunningEmulator> };

/**
 * The process-wide demo vault. `npm start` starts it before the site (scripts/start.mjs); if it did
 * not (astro dev, a bare `node dist/server/entry.mjs`), the first request starts it. Shared through
 * a global symbol because the site's bundle and scripts/start.mjs load separate module copies.
 * `options` only matter for the call that starts it. Every visitor reads its shared store, so
 * tokens write to copies of their own (tokenViews) and the store stays as seeded.
 */
export function getDemoEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const registry = globalThis as Registry;
	registry[REGISTRY] ??= startEmulator({ tokenViews: {}, ...options });
	return registry[REGISTRY];
}

/** Whether the demo vault has been started in this process (without starting it). */
export function isDemoEmulatorStarted(): boolean {
	return (globalThis as Registry)[REGISTRY] !== undefined;
}

/** Stops the demo vault if this process started one (the CLI does, so it can exit). */
export async function stopDemoEmulator(): Promise<void> {
	const registry = globalThis as Registry;
	const running = registry[REGISTRY];
	delete registry[REGISTRY];
	if (running) await (await running).close();
}
