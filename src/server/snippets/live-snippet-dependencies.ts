import { DEMO_VAULT_HOST } from '../../emulator/emulator.ts';
import { getDemoEmulator } from '../../vault/demo-emulator.ts';
import { vaultModeFromEnv } from '../../vault/vault-mode.ts';
import { liveSnippetRegistry } from './registry.ts';
import type { SnippetsDependencies } from './snippets-handler.ts';

/** The real wiring: mode from KVCERT_VAULT_MODE, the embedded demo vault, the repository's samples. */
export function liveSnippetDependencies(): SnippetsDependencies {
	const mode = vaultModeFromEnv();
	return {
		mode,
		...(mode === 'azure' ? {} : { demo: () => getDemoEmulator() }),
		vaultHost: DEMO_VAULT_HOST,
		registry: liveSnippetRegistry(),
		// `npm start` and `astro dev` run from the repository root, where samples/ and tsx are.
		root: process.cwd(),
		log: (line) => console.log(`[kvcert] ${line}`),
	};
}
