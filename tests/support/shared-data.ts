import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file of the shared test data (shared/data/, beside the repository in CI). Looked for in the
 * folders above the repository, so that it is found from a clone and from a worktree alike.
 */
export function sharedDataFile(name: string): string {
	let dir = fileURLToPath(new URL('../../', import.meta.url));
	for (;;) {
		const candidate = join(dir, 'shared', 'data', name);
		if (existsSync(candidate)) return candidate;
		if (dirname(dir) === dir) throw new Error(`shared/data/${name} not found above the repository`);
		dir = dirname(dir);
	}
}
