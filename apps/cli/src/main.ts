// Entry point of the `accord` binary (bin/accord.mjs loads it through tsx).
import { processIo } from './io.ts';
import { run } from './program.ts';

process.exitCode = await run(process.argv.slice(2), processIo());
