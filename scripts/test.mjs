// `npm test`: everything, in the order a failure is cheapest to find. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const bin = (name) => `node_modules/.bin/${name}`;

const steps = [
	['formatting (prettier)', bin('prettier'), ['--check', '.']],
	['lint (eslint)', bin('eslint'), ['.']],
	['Japanese text (textlint, docs/style-ja.md)', 'node', ['scripts/lint-ja.mjs']],
	['types (astro check)', bin('astro'), ['check']],
	['types (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
	['unit and integration tests (vitest)', bin('vitest'), ['run']],
	['build and link validation (astro build)', bin('astro'), ['build']],
	['browser tests (playwright)', bin('playwright'), ['test'], { chromium: true }],
];

const results = [];
for (const [name, command, args, options] of steps) {
	console.log(`\n━━ ${name} ━━`);
	const stepEnv = { ...env };
	if (options?.chromium) stepEnv.CHROMIUM_PATH = await ensureChromium();
	const started = Date.now();
	const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: stepEnv });
	results.push({ name, ok: status === 0, seconds: (Date.now() - started) / 1000 });
	if (status !== 0) break;
}

console.log('\n━━ summary ━━');
for (const { name, ok, seconds } of results)
	console.log(`${ok ? '✓' : '✗'} ${name} (${seconds.toFixed(1)} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
