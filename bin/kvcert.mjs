#!/usr/bin/env node
// Runs the bundled kvcert (dist-cli/kvcert.js, built by `npm run build:cli`, which `npm ci` runs
// through `prepare`), for scripts and tests that call the command by this path.
await import('../dist-cli/kvcert.js');
