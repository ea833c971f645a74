import { getDemoEmulator } from '../../vault/demo-emulator.ts';
import { vaultModeFromEnv } from '../../vault/vault-mode.ts';
import type { LiveDependencies } from './live-handler.ts';
import { LiveSessions } from './live-sessions.ts';

const REGISTRY = Symbol.for('kvcert.liveSimulatorSessions');
type Registry = { [REGISTRY]?: LiveSessions };

/**
 * The real wiring: mode from KVCERT_VAULT_MODE, one process-wide session list with its shared
 * pollers, and the demo vault (each session that changes it gets a view of its own, so one
 * visitor's renewals and revoked access do not touch another's).
 */
export function liveSimulatorDependencies(): LiveDependencies {
	const registry = globalThis as Registry;
	registry[REGISTRY] ??= new LiveSessions();
	return {
		mode: vaultModeFromEnv(),
		sessions: registry[REGISTRY],
		vault: () => getDemoEmulator(),
	};
}
