#!/usr/bin/env node
// Runs every benchmark in bench/ one after another; each prints its own table.
// Benchmarks measure whole processes of the built CLI, so build first.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const build = spawnSync('npx', ['tsc', '-p', join(here, '..')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
let failed = false;
for (const file of readdirSync(here).sort()) {
  // table.js gathers the others' results: it runs last, below.
  if (!file.endsWith('.js') || file === 'run.js' || file === 'table.js') continue;
  if (only.length > 0 && !only.some((name) => file.includes(name))) continue;
  process.stdout.write(`\n== ${file}\n`);
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
process.stdout.write('\n== summary\n');
spawnSync(process.execPath, [join(here, 'table.js')], { stdio: 'inherit' });
process.exit(failed ? 1 : 0);
