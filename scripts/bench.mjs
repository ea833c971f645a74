// `npm run bench`: performance figures measured by scripts, not by timed tests (DESIGN.md).
// First the shipped CLI as a whole process against its baselines (the targets), then the checker
// in-process against jsonc-parser (skip with --process-only). `-- --cpu-prof` adds a CPU profile
// of each big workload (top functions by self time). TypeScript helpers load through tsx.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';
import { benchProcess } from './bench-process.mjs';

execFileSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], {
	cwd: fileURLToPath(new URL('..', import.meta.url)),
	stdio: 'inherit',
});
register();
const { generateTemplate } = await import('./bench-template.ts');
await benchProcess(generateTemplate, { profile: process.argv.includes('--cpu-prof') });
if (!process.argv.includes('--process-only')) {
	console.log('');
	await import('./bench-check.ts');
	await import('./bench-iac.ts');
}
