// The interactive wizard of the CD folder in a real pseudo-terminal (tmux), offline: its first
// screen shows what it detected on the sample server, and the next key leads to the questions.
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, type Sandbox } from '../helpers/sandbox.js';
import { hasTmux, Tmux } from '../helpers/tmux.js';
import { basePath, buildDist, copyDist, expectWelcomeThenQuestion, isolated } from './dist.js';

afterEach(() => Tmux.killAll());

describe.skipIf(!hasTmux)('the CD folder in a terminal', () => {
  let built: { dir: string; cleanup(): void };
  let cd: { dir: string; cleanup(): void };
  let sb: Sandbox & { cleanup(): void };
  beforeAll(async () => {
    built = await buildDist();
    cd = copyDist(built.dir);
    sb = await makeSandbox();
  }, 120_000);
  afterAll(() => {
    sb?.cleanup();
    cd?.cleanup();
    built?.cleanup();
  });

  it('renders the first screen with the detections, then the first question', async () => {
    const [file, argv] = isolated(['sh', join(cd.dir, 'upgrade-wizard.sh'), '--product', 'sharetask', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logDir]);
    await expectWelcomeThenQuestion([file, ...argv], basePath([sb.bin]), sb);
  });
});
