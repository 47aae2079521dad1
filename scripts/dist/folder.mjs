// What the CD folder and the executable's folder share: the data beside the code, and their
// SHA256SUMS over every other file.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { repo } from './bundle.mjs';
import { compileForBundle } from './compile-definitions.mjs';

/** Every file under dir, relative, with /, sorted. */
function files(dir) {
  const list = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else list.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return list.sort();
}

/** Writes dir/SHA256SUMS (sha256sum's format) for every other file of dir; returns their names. */
export function writeSha256Sums(dir) {
  const listed = files(dir).filter((f) => f !== 'SHA256SUMS');
  writeFileSync(join(dir, 'SHA256SUMS'), listed.map((f) => `${createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')}  ${f}\n`).join(''));
  return listed;
}

/** wizards/*.yaml, templates/ and lib/definitions.compiled (lib/ must exist), as src/ expects them. */
export async function copyData(out) {
  writeFileSync(join(out, 'lib', 'definitions.compiled'), await compileForBundle(join(repo, 'wizards')));
  mkdirSync(join(out, 'wizards'));
  for (const f of readdirSync(join(repo, 'wizards')).filter((n) => /\.ya?ml$/.test(n))) cpSync(join(repo, 'wizards', f), join(out, 'wizards', f));
  mkdirSync(join(out, 'templates'));
  if (existsSync(join(repo, 'templates'))) cpSync(join(repo, 'templates'), join(out, 'templates'), { recursive: true });
}
