// `pnpm bench`: runs every benchmark script in test/bench (`*.bench.ts`, or the ones named on the
// command line) one after another, each printing its own figures as ratios against a baseline
// measured in the same run. Benchmarks are not tests: they pass or fail nothing.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const scripts = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

if (scripts.length === 0) {
  console.log(wanted.length ? `no benchmark matches ${wanted.join(', ')}` : 'no benchmarks in test/bench yet');
  process.exit(wanted.length ? 1 : 0);
}
// the benchmarks that start the API or the worker run them compiled, as production does
const build = spawnSync(process.execPath, [fileURLToPath(new URL('../../infra/build.mjs', import.meta.url))], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);
let failed = 0;
for (const script of scripts) {
  console.log(`\n== ${script}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${here}${script}`], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);
