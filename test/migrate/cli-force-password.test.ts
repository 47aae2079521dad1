// --force when only the password of SHARETASK_DB differs: masked, both values look the same, so
// the warning names the differing field and the diff still shows the line as replaced.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeConf } from './conf-dir.js';

const DB = 'dbhost = localhost\ndbname = stask\ndbuser = stask\ndbpass = NewPass#1\n';
const SYSTEM = '# system.conf\n\nSHARETASK_DB = stask:localhost::stask:OldPass:prefer\nSITE_NAME = x\n';

describe('--force with only the password changed', () => {
  test('the warning says what differs and the diff shows -/+ for the line, password masked', async () => {
    const { conf } = makeConf(DB, SYSTEM);
    const r = await runCli(['migrate-config', '--conf', conf, '--force', '--apply']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      'SHARETASK_DB: stask:localhost::stask:****:prefer -> stask:localhost::stask:****:prefer (replaced, --force; differs in: dbpass)',
    );
    expect(r.stdout).toContain('\n-SHARETASK_DB = stask:localhost::stask:****:prefer\n');
    expect(r.stdout).toContain('\n+SHARETASK_DB = stask:localhost::stask:****:prefer\n');
    expect(r.stdout + r.stderr).not.toMatch(/OldPass|NewPass/);
    expect(readFileSync(join(conf, 'system.conf'), 'latin1')).toContain('\nSHARETASK_DB = stask:localhost::stask:NewPass#1:prefer\n');
  });

  test('in Japanese too', async () => {
    const { conf } = makeConf(DB, SYSTEM);
    const r = await runCli(['migrate-config', '--conf', conf, '--force', '--lang', 'ja']);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('(--force による置き換え。異なる項目: dbpass)');
    expect(r.stdout).toContain('\n-SHARETASK_DB = stask:localhost::stask:****:prefer\n');
  });
});
