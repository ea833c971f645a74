// The GitHub Action as shipped: scripts/build-cli.mjs bundles this file into dist-cli/action.js.
import { runAction } from './action.ts';

process.exitCode = await runAction();
