// A second migration (after a first one) adds its lines right below the first block, so the
// migrated parameters stay together in the order they were added.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyFixture } from './conf-dir.js';

const MARKER = /# Migrated for ShareTask 5\.5 by upgrade-wizard migrate-config on [0-9: -]+ \(procedure 3\.8\)/g;

describe('a second migration', () => {
  test('--custom and --user-prefs-dir after a first run: the new block follows the first one', async () => {
    const fx = copyFixture();
    const sys = join(fx.conf, 'system.conf');
    expect((await runCli(['migrate-config', '--conf', fx.conf, '--apply'])).exitCode).toBe(0);
    const r = await runCli(['migrate-config', '--conf', fx.conf, '--custom', 'NAB', '--user-prefs-dir', '/home/x', '--apply']);
    expect(r.exitCode, r.stderr).toBe(0);
    const text = iconv.decode(readFileSync(sys), 'euc-jp').replace(MARKER, '# Migrated STAMP');
    expect(text).toContain(
      '\n\n# Migrated STAMP\nSHARETASK_DB = stask_mpi:localhost:5432:stask_mpi::disable\nSUID_METHOD = sudo\n# Migrated STAMP\nCUSTOM = NAB\nENABLE_USER_PREFS = 1\nUSER_PREFS_DIR = /home/x\n\n# サイト名\n',
    );
    // The diff shows it there too: after the first block's lines, as context.
    expect(r.stdout.replace(MARKER, '# Migrated STAMP')).toContain(' SUID_METHOD = sudo\n+# Migrated STAMP\n+CUSTOM = NAB\n');
  });
});
