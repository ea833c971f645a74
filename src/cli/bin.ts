#!/usr/bin/env node
// The kvcert command as shipped: scripts/build-cli.mjs bundles this file into dist-cli/kvcert.js.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
