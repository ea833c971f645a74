import { startEmulator } from '../../emulator/emulator.ts';
import { vaultModeFromEnv } from '../../vault/vault-mode.ts';
import { LIVE_MAX_SESSIONS, type LiveDependencies } from './live-handler.ts';
import { LiveSessions } from './live-session.ts';

const REGISTRY = Symbol.for('kvcert.liveSimulatorSessions');
type Registry = { [REGISTRY]?: LiveSessions };

/**
 * The real wiring: mode from KVCERT_VAULT_MODE, one process-wide session list, and a demo vault of
 * its own per session (so one visitor's renewals and revoked access do not touch another's).
 */
export function liveSimulatorDependencies(): LiveDependencies {
	const registry = globalThis as Registry;
	registry[REGISTRY] ??= new LiveSessions(LIVE_MAX_SESSIONS);
	return {
		mode: vaultModeFromEnv(),
		sessions: registry[REGISTRY],
		openVault: async () => {
			const emulator = await startEmulator();
			return { emulator, release: () => emulator.close() };
		},
	};
}
