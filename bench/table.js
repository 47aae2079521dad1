#!/usr/bin/env node
// One table of every benchmark's medians and ratios: the rows of bench/out/*.json that the
// benches wrote through bench/lib/measure.js (backup, first-frame, migrate-config, startup).
// bench/run.js runs it last; `node bench/table.js` prints the last results again.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outDir, printTable } from './lib/measure.js';

const files = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.json')).sort() : [];
const rows = [];
const notes = new Set();
for (const f of files) {
  const r = JSON.parse(readFileSync(join(outDir, f), 'utf8'));
  notes.add(`${r.bench}: ${r.runs} runs, ${r.at}, ${r.machine}`);
  for (const row of r.rows) {
    if (row.ratio === undefined) continue;
    rows.push([
      row.name,
      row.ms.toFixed(1),
      row.floor,
      row.ratio.toFixed(2),
      row.target === undefined ? '' : `${row.target}x`,
      row.rssMB === undefined ? '' : `${row.rssMB.toFixed(1)} / ${row.rssTarget}`,
      // Rows without a target (the first paint) are there to read beside the others.
      row.target === undefined ? '' : row.ratio <= row.target && (row.rssMB === undefined || row.rssMB <= row.rssTarget) ? 'ok' : 'OVER',
    ]);
  }
}
if (rows.length === 0) {
  process.stdout.write('no results in bench/out/: run npm run bench first\n');
} else {
  printTable(['case', 'median ms', 'vs', 'ratio', 'target', 'peak RSS MB / target', ''], rows);
  process.stdout.write(`${[...notes].join('\n')}\n`);
}
