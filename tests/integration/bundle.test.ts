// dist-cli/ is committed (the pre-commit hook and the GitHub Action run it from a checkout), so it
// must be the build of the committed sources. The build is deterministic; a fresh build in memory
// is compared with what git holds, and a stale bundle fails with the command that fixes it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('the committed bundle', () => {
	it('is the build of the sources as git has them', () => {
		const result = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--check=git'], {
			cwd: root,
			encoding: 'utf8',
		});
		// On failure the message lists the stale files and says: Run: npm run build:cli && git add dist-cli
		expect(result.stderr).toContain('dist-cli/ is the build of the current sources');
		expect(result.status).toBe(0);
	}, 120_000);
});
