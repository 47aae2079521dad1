#!/usr/bin/env node
// Thin launcher: the CLI does everything, including exit codes. An installed package runs the
// bundle that npm pack wrote (lib/app/, scripts/dist/npm-bundle.mjs): a dozen files instead of
// hundreds of modules. A source checkout (src/ beside bin/) always runs build/, which tsc keeps
// current: a lib/ left behind by an interrupted pack is never used there.
import { existsSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundled = !existsSync(new URL('src', root)) && existsSync(new URL('lib/app/cli.js', root));
import(bundled ? '../lib/app/cli.js' : '../build/cli.js').then((m) => m.main(process.argv.slice(2)));
