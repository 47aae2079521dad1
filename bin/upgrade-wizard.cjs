#!/usr/bin/env node
// Thin launcher (npm's bin): the CLI does everything, including exit codes. CommonJS, so that a
// start that needs no module of the CLI (--version) does not start the ES module loader either.
// An installed package runs the bundle that npm pack wrote (lib/app/, scripts/dist/npm-bundle.mjs):
// a dozen files instead of hundreds of modules. A source checkout (src/ beside bin/) always runs
// build/, which tsc keeps current: a lib/ left behind by an interrupted pack is never used there.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');
const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
  // As src/cli.ts answers it, without loading it.
  process.stdout.write(`${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version}\n`);
} else {
  const checkout = existsSync(join(root, 'src'));
  const bundled = !checkout && existsSync(join(root, 'lib/app/cli.js'));
  // How to start it again, for the resume and rollback commands it shows (selfCommand() of
  // src/run/summary.ts): npx runs a package with npm_command=exec; else it is the installed
  // upgrade-wizard. A checkout says so too (npm_command=exec there is that of "npx vitest"), and
  // a value inherited from another launcher's wizard (one of its steps running this) is not ours.
  if (process.env.npm_command === 'exec' && !checkout) process.env.UPGRADE_WIZARD_SELF = 'npx';
  else delete process.env.UPGRADE_WIZARD_SELF;
  if (bundled) require(join(root, 'lib/chunks.cjs')).entry(join(root, 'lib/app')).main(argv);
  else import(pathToFileURL(join(root, 'build/cli.js')).href).then((m) => m.main(argv));
}
