#!/usr/bin/env node
// `npm run dist`: the self-contained folder for the CD, dist/media/upgrade-wizard/ (or --out DIR):
//   upgrade-wizard.sh, upgrade-wizard.cmd   launchers: find node, then run lib/launch.cjs
//   README.txt                              how to run it from the CD (ja, en)
//   SHA256SUMS                              every other file of the folder, checked at each start
//   THIRD-PARTY-LICENSES.txt                the licences of the bundled packages
//   wizards/, templates/                    the product definitions and templates (data)
//   lib/package.json                        the version --version prints
//   lib/definitions.compiled                wizards/ compiled (src/plan/compiled.ts): no YAML parsing
//   lib/launch.cjs                          Node.js version check, SHA256SUMS check, start
//   lib/chunks.cjs                          loads the chunks with their code caches
//   lib/app/cli.js + chunks (+ .cache)      the wizard with every dependency inlined
// Only Node.js is needed to run it: no node_modules, no network.
import { chmodSync, cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { bundle, repo, thirdPartyLicenses } from './bundle.mjs';
import { copyData, writeSha256Sums } from './folder.mjs';
import { warmChunkCaches } from './train-chunks.mjs';

const here = join(repo, 'scripts', 'dist');
const { values } = parseArgs({ options: { out: { type: 'string' }, quiet: { type: 'boolean', default: false } } });
const out = resolve(values.out ?? join(repo, 'dist', 'media', 'upgrade-wizard'));
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

/** cmd.exe parses a CP932 line byte by byte when the console is not in code page 932: a second byte
 *  that is one of these would cut the line, so no Japanese character of the launcher may have one. */
const CMD_SPECIAL = new Set([...'|&<>^%"()'].map((c) => c.charCodeAt(0)));

function cmdFile(text) {
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    const bytes = iconv.encode(ch, 'cp932');
    if (bytes.length === 2 && CMD_SPECIAL.has(bytes[1])) throw new Error(`upgrade-wizard.cmd: "${ch}" has the byte 0x${bytes[1].toString(16)} in CP932; reword the message`);
  }
  return iconv.encode(text.replace(/\r?\n/g, '\r\n'), 'cp932');
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'lib'), { recursive: true });
const metafile = await bundle(join(out, 'lib', 'app'));

cpSync(join(here, 'launch.cjs'), join(out, 'lib', 'launch.cjs'));
cpSync(join(here, 'chunks.cjs'), join(out, 'lib', 'chunks.cjs'));
await copyData(out);
warmChunkCaches(join(out, 'lib'), 'dist');

writeFileSync(join(out, 'upgrade-wizard.sh'), readFileSync(join(here, 'upgrade-wizard.sh')));
chmodSync(join(out, 'upgrade-wizard.sh'), 0o755);
writeFileSync(join(out, 'upgrade-wizard.cmd'), cmdFile(readFileSync(join(here, 'upgrade-wizard.cmd'), 'utf8')));
writeFileSync(join(out, 'README.txt'), readFileSync(join(here, 'README.txt'), 'utf8').replaceAll('{version}', pkg.version));
writeFileSync(join(out, 'THIRD-PARTY-LICENSES.txt'), thirdPartyLicenses(metafile));

const listed = writeSha256Sums(out);

if (!values.quiet) {
  const bytes = listed.reduce((n, f) => n + statSync(join(out, f)).size, 0);
  const entry = statSync(join(out, 'lib', 'app', 'cli.js')).size;
  process.stdout.write(`${relative(process.cwd(), out) || out}: ${listed.length + 1} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB; entry lib/app/cli.js ${(entry / 1024).toFixed(1)} KiB\n`);
}
