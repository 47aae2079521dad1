#!/usr/bin/env node
// `npm run dist:binary`: the standalone linux-x64 executable for servers without Node.js, made
// from the Node.js running this script (a single executable application). Node.js 20 starts one
// CommonJS script: a small one (scripts/dist/sea-main.mjs) that runs the wizard, bundled whole
// into one more (scripts/dist/sea-app.mjs), from the executable's assets with its code cache,
// made after a run of `plan` and of the first screen (scripts/dist/sea-train.mjs).
//   dist/binary/upgrade-wizard-linux-x64/ (or --out DIR)
//     upgrade-wizard                     this Node.js with the wizard injected (postject)
//     lib/definitions.compiled, lib/package.json, wizards/, templates/   as in the CD folder
//     README.txt, THIRD-PARTY-LICENSES.txt, SHA256SUMS
// It prints the executable's size and the glibc it needs.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Script } from 'node:vm';
import { bundleBinary, repo, thirdPartyLicenses } from './bundle.mjs';
import { copyData, writeSha256Sums } from './folder.mjs';
import { APP_ASSET, CACHE_ASSET, EXECUTABLE, SEA_FUSE, wrapApp } from './sea-wrap.mjs';
import { trainInTerminal } from './train-run.mjs';

const here = join(repo, 'scripts', 'dist');
const { values } = parseArgs({ options: { out: { type: 'string' }, quiet: { type: 'boolean', default: false } } });
const out = resolve(values.out ?? join(repo, 'dist', 'binary', 'upgrade-wizard-linux-x64'));
const exe = join(out, EXECUTABLE);
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));

function fail(message) {
  process.stderr.write(`dist:binary: ${message}\n`);
  process.exit(1);
}

if (process.platform !== 'linux' || process.arch !== 'x64') fail(`builds linux-x64 only, from a linux-x64 Node.js; this is ${process.platform}-${process.arch}`);
const nodeBytes = readFileSync(process.execPath);
if (!nodeBytes.includes(SEA_FUSE)) fail(`${process.execPath} cannot carry a single executable application (no ${SEA_FUSE}); use an official Node.js 20 build`);

/** The highest version of a versioned symbol family the executable needs (GLIBC_2.28, GLIBCXX_3.4.21). */
function highest(bytes, family) {
  const found = bytes.toString('latin1').match(new RegExp(`${family}_[0-9.]+[0-9]`, 'g')) ?? [];
  const versions = found.map((v) => v.slice(family.length + 1).split('.').map(Number));
  versions.sort((a, b) => { for (let i = 0; i < Math.max(a.length, b.length); i++) { if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0); } return 0; });
  return versions.length === 0 ? 'unknown' : versions[versions.length - 1].join('.');
}

/**
 * Writes the code cache of the wizard's script appFile (its data in out) after sea-train.mjs has
 * run it through `plan` and the first screen, in a pseudo-terminal (util-linux `script`). Without
 * `script`, or when the run fails, the cache of the script alone: slower starts, the same wizard.
 */
function warmCodeCache(appFile, cacheFile) {
  const tmp = join(work, 'train-tmp');
  mkdirSync(tmp);
  if (trainInTerminal('dist:binary', join(here, 'sea-train.mjs'), [appFile, exe, cacheFile], tmp) && existsSync(cacheFile)) return;
  writeFileSync(cacheFile, new Script(readFileSync(appFile, 'utf8'), { filename: APP_ASSET }).createCachedData());
}

const work = mkdtempSync(join(tmpdir(), 'uw-binary-'));
try {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'lib'), { recursive: true });
  const mainFile = join(work, 'sea-main.cjs');
  const appFile = join(work, APP_ASSET);
  const metafile = await bundleBinary(mainFile, appFile);
  const wrapped = wrapApp(readFileSync(appFile, 'utf8'));
  writeFileSync(appFile, wrapped);
  await copyData(out);
  // The code cache of the wizard, made by this Node.js, which is the executable's: V8 takes it.
  const cacheFile = join(work, CACHE_ASSET);
  warmCodeCache(appFile, cacheFile);
  const config = {
    main: mainFile,
    output: join(work, 'sea.blob'),
    disableExperimentalSEAWarning: true,
    assets: { [APP_ASSET]: appFile, [CACHE_ASSET]: cacheFile },
  };
  writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config));
  execFileSync(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], { cwd: work, stdio: 'pipe' });

  const injected = join(work, EXECUTABLE);
  copyFileSync(process.execPath, injected);
  // In a child: postject's ELF library writes warnings about Node's note sections, harmless.
  const inject = `require(${JSON.stringify(join(repo, 'node_modules', 'postject'))}).inject(process.argv[1], 'NODE_SEA_BLOB', require('fs').readFileSync(process.argv[2]), { sentinelFuse: ${JSON.stringify(SEA_FUSE)} }).catch((e) => { console.error(e); process.exitCode = 1; });`;
  try {
    execFileSync(process.execPath, ['-e', inject, injected, config.output], { stdio: 'pipe' });
  } catch (error) {
    fail(`postject could not inject the wizard into ${injected}:\n${String(error.stderr ?? error.message)}`);
  }
  // postject writes its 100 MB in one write, which Linux 6.x keeps in large page-cache folios and
  // then maps a whole folio at each page fault: the same Node.js binary written so starts at
  // 80 MB RSS instead of 64. Copied in the kernel (copy_file_range), the file is as cp leaves it.
  copyFileSync(injected, exe);
  chmodSync(exe, 0o755);

  const glibc = highest(nodeBytes, 'GLIBC');
  const glibcxx = highest(nodeBytes, 'GLIBCXX');
  const readme = readFileSync(join(here, 'README-binary.txt'), 'utf8');
  writeFileSync(join(out, 'README.txt'), readme.replaceAll('{version}', pkg.version).replaceAll('{node}', process.versions.node).replaceAll('{glibc}', glibc).replaceAll('{glibcxx}', glibcxx));
  writeFileSync(join(out, 'THIRD-PARTY-LICENSES.txt'), `${thirdPartyLicenses(metafile)}\nThe executable is Node.js ${process.versions.node} (MIT licence and the licences of its parts: https://github.com/nodejs/node/blob/v${process.versions.node}/LICENSE).\n`);

  writeSha256Sums(out);

  if (!values.quiet) {
    const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    process.stdout.write(`${relative(process.cwd(), out) || out}: upgrade-wizard ${mib(statSync(exe).size)} (Node.js ${process.versions.node}); needs Linux x86-64 with glibc >= ${glibc}, libstdc++ (GLIBCXX >= ${glibcxx})\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
