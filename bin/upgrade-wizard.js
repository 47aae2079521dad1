#!/usr/bin/env node
// Thin launcher: the compiled CLI does everything, including exit codes.
import('../build/cli.js').then((m) => m.main(process.argv.slice(2)));
