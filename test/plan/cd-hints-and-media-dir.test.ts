// Beside the CD folder's own checks: a --media that is not there is one blocker (not one
// missing package per media entry), a product defined twice names both files, and the hints of
// a stop (reboot, an unfinished run) start the wizard as it was started (UPGRADE_WIZARD_SELF).
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definitionsDir } from '../../src/plan/compiled.js';
import { loadAllDefinitions } from '../../src/plan/load.js';
import { handlers } from '../../src/run/steps/index.js';
import type { PlannedStep } from '../../src/model/plan.js';
import { answerArgs, makeSandbox, runSharetask, runIn, type Sandbox } from '../helpers/sandbox.js';

let sb: Sandbox & { cleanup(): void };
let scratch: string;
beforeAll(async () => {
  sb = await makeSandbox();
  scratch = mkdtempSync(join(tmpdir(), 'uw-cd-hints-'));
}, 60_000);
afterAll(() => {
  sb?.cleanup();
  rmSync(scratch, { recursive: true, force: true });
});

const plan = async (media: string, lang = 'en'): Promise<{ blockers: { id: string; message: string; fix: string }[] }> => {
  const r = await runIn(sb, ['--lang', lang, 'plan', '--product', 'sharetask', ...answerArgs(sb), '--root', sb.root, '--media', media, '--log-dir', sb.logDir, '--json']);
  return JSON.parse(r.stdout);
};

describe('--media that is not a directory', () => {
  it('a mistyped mount point is one blocker asking whether the CD is mounted, in both languages', async () => {
    const missing = join(scratch, 'nonexistent');
    const en = await plan(missing);
    expect(en.blockers.filter((b) => b.id.startsWith('media'))).toEqual([{
      id: 'media-dir',
      message: `the media directory ${missing} does not exist (is the CD mounted?), so none of the packages can be found`,
      fix: expect.stringContaining('mount the CD'),
    }]);
    expect(JSON.stringify(en)).not.toContain('a file whose name matches');
    const ja = await plan(missing, 'ja');
    expect(ja.blockers.find((b) => b.id === 'media-dir')?.message).toBe(`メディアのディレクトリ ${missing} が存在しません (CD はマウントされていますか?)。パッケージをどれも見つけられません`);
  });

  it('a file given as --media is said to be no directory', async () => {
    const file = join(scratch, 'sharetask_server.tar.gz');
    writeFileSync(file, 'x');
    const en = await plan(file);
    expect(en.blockers.filter((b) => b.id.startsWith('media')).map((b) => [b.id, b.message])).toEqual([['media-dir', `the media directory ${file} is not a directory, so none of the packages can be found`]]);
  });
});

describe('a product defined twice', () => {
  it('names both files, so that the stray copy can be told from the genuine one', () => {
    const dir = mkdtempSync(join(scratch, 'wizards-'));
    for (const f of readdirSync(definitionsDir()).filter((n) => n.endsWith('.yaml'))) copyFileSync(join(definitionsDir(), f), join(dir, f));
    copyFileSync(join(dir, 'groupmax.yaml'), join(dir, 'groupmax.orig.yaml'));
    const { broken } = loadAllDefinitions(dir);
    expect(broken).toHaveLength(1);
    const message = broken[0]?.error.message ?? '';
    expect(message).toContain('groupmax.yaml');
    expect(message).toContain(join(dir, 'groupmax.orig.yaml'));
  });
});

describe('the hints of a stop start the wizard as it was started', () => {
  const withSelf = <T>(self: string, f: () => T): T => {
    const saved = process.env.UPGRADE_WIZARD_SELF;
    process.env.UPGRADE_WIZARD_SELF = self;
    try {
      return f();
    } finally {
      if (saved === undefined) delete process.env.UPGRADE_WIZARD_SELF;
      else process.env.UPGRADE_WIZARD_SELF = saved;
    }
  };

  it('a reboot step says which command to run after the reboot', () => {
    const step = { id: 'reboot', kind: 'reboot', title: 'Reboot' } as unknown as PlannedStep;
    expect(withSelf('/media/cdrom/upgrade-wizard/upgrade-wizard.sh', () => handlers.reboot.describe(step))[0])
      .toBe('the run stops here: reboot the machine, then run "sh /media/cdrom/upgrade-wizard/upgrade-wizard.sh resume"');
    expect(handlers.reboot.describe(step)[0]).toBe('the run stops here: reboot the machine, then run "upgrade-wizard resume"');
  });

  it('an unfinished run names the commands to continue it or roll it back', async () => {
    const failing = join(scratch, 'failing');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(failing, { recursive: true });
    writeFileSync(join(failing, 'service'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const env = { PATH: `${failing}:${sb.bin}:${process.env.PATH ?? ''}`, UPGRADE_WIZARD_SELF: '/cd/upgrade-wizard/upgrade-wizard.sh' };
    expect((await runSharetask(sb, [], env)).exitCode).not.toBe(0);
    const again = await runSharetask(sb, [], env);
    expect(again.exitCode).toBe(2);
    // The CLI here is started by bin/upgrade-wizard.cjs, which says it is the installed command.
    expect(again.stderr).toContain(`Continue it with:\n  upgrade-wizard resume --yes --root ${sb.root} --log-dir ${sb.logDir}\nor roll it back (upgrade-wizard rollback --root ${sb.root} --log-dir ${sb.logDir})`);
  }, 60_000);
});
