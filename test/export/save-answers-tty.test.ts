// --save-answers in the interactive wizard (real binary, tmux): once the plan is built for
// review, the file holds the answers given on the screens, and `plan --answers` replays them.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { makeSandbox, placeArgs, runIn, sandboxEnv, type Sandbox } from '../helpers/sandbox.js';

describe('interactive --save-answers', () => {
  let sb: Sandbox & { cleanup(): void };
  let t: Tmux | undefined;
  beforeAll(async () => {
    sb = await makeSandbox();
  }, 120_000);
  afterAll(async () => {
    await t?.kill();
    sb.cleanup();
  });

  it('saves what was answered on the screens, and plan --answers replays it', async () => {
    const file = join(sb.dir, 'screens.yml');
    const env = Object.entries({ ...sandboxEnv(sb.dir), LANG: 'C.UTF-8' }).map(([k, v]) => `${k}=${v}`);
    const argv = ['env', ...env, process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), 'interactive', '--product', 'sharetask', ...placeArgs(sb), '--save-answers', file];
    t = await Tmux.start(argv, { cwd: repoRoot, width: 100, height: 30 });
    await t.waitFor('Enter continue', 60_000);
    await t.keys('Enter');
    for (let i = 0; i < 30; i++) {
      const screen = await t.waitFor((s) => /question \d+ of \d+/.test(s) || s.includes('Press Enter to start') || s.includes('Start is disabled'));
      if (!/question \d+ of \d+/.test(screen)) break;
      const number = /question (\d+) of/.exec(screen)?.[1];
      // Everything as detected, except the license: "no" is chosen on the screen.
      if (/license file/i.test(screen)) await t.keys('Down');
      await t.keys('Enter');
      await t.waitFor((s) => !s.includes(`question ${number} of`));
    }
    await t.waitFor('Press Enter to start');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toMatch(/^license: "no"$/m);
    expect(saved).toContain(`web_user: "${userInfo().username}"`);
    const replay = await runIn(sb, ['plan', '--product', 'sharetask', '--json', '--answers', file, ...placeArgs(sb)]);
    expect(replay.exitCode, replay.stderr).toBe(0);
    const again = join(sb.dir, 'again.yml');
    await runIn(sb, ['plan', '--product', 'sharetask', '--answers', file, '--save-answers', again, ...placeArgs(sb)]);
    expect(readFileSync(again, 'utf8')).toBe(saved);
  }, 180_000);
});
