// The 10 MB baseline of `npm run bench`: a process that only reads a file and parses it with
// jsonc-parser (the parser kvcert uses), and prints nothing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { parseTree } = createRequire(import.meta.url)('jsonc-parser');
parseTree(readFileSync(process.argv[2], 'utf8'), [], { allowTrailingComma: true });
