// `npm run bench`: performance figures measured by scripts, not by timed tests (DESIGN.md).
// Runs each TypeScript benchmark through tsx.
import { register } from 'tsx/esm/api';

register();
await import('./bench-check.ts');
await import('./bench-iac.ts');
