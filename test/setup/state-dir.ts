// Each test file notes its runs' log dirs in a register of its own (src/run/root-log-dirs.ts):
// files run in parallel, and runs of the real root ('') in one would otherwise see the locks and
// unfinished runs of another as those of a second administrator on the same machine. The tests
// of the register itself set it to '' and use the register under their sandbox root.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'uw-state-'));
process.env.UPGRADE_WIZARD_STATE_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
