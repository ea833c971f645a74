// Vitest global setup: tests run the kvcert command as shipped, so bundle it first when a source
// changed since the last build (scripts/build-cli.mjs --if-stale).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds dist-cli/ if it is older than the sources. */
export default function setup(): void {
	execFileSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], {
		cwd: fileURLToPath(new URL('..', import.meta.url)),
		stdio: 'inherit',
	});
}
