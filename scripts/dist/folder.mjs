// What the CD folder, the executable's folder and the npm package's lib/ share: the data beside
// the code, and (the two folders) their SHA256SUMS over every other file.
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

/**
 * What the code in lib/app/ reads one level up: package.json (the version --version prints;
 * the chunks find it there too) and definitions.compiled (wizards/ compiled).
 */
export async function writeLibData(lib) {
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  writeFileSync(join(lib, 'package.json'), `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true }, null, 2)}\n`);
  writeFileSync(join(lib, 'definitions.compiled'), await compileForBundle(join(repo, 'wizards')));
}

/** lib/'s data (writeLibData; out/lib must exist), wizards/*.yaml and templates/, as src/ expects them. */
export async function copyData(out) {
  await writeLibData(join(out, 'lib'));
  mkdirSync(join(out, 'wizards'));
  for (const f of readdirSync(join(repo, 'wizards')).filter((n) => /\.ya?ml$/.test(n))) cpSync(join(repo, 'wizards', f), join(out, 'wizards', f));
  mkdirSync(join(out, 'templates'));
  if (existsSync(join(repo, 'templates'))) cpSync(join(repo, 'templates'), join(out, 'templates'), { recursive: true });
}
