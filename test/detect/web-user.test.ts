import { chownSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createShareTaskSandbox } from '../../src/demo/sandbox.js';
import { detectFor } from '../../src/detect/index.js';
import { loadProduct } from '../../src/plan/load.js';

describe('web_user detection', () => {
  test('proposes the owner of the old conf directory, with that as evidence', async () => {
    const sandbox = await createShareTaskSandbox(mkdtempSync(join(tmpdir(), 'uw-webuser-')));
    const conf = join(sandbox.root, 'opt/sharetask/sharetask_server-5.4.3/conf');
    // nobody exists on every Debian machine; the detector must report that name, not the runner's.
    if (process.getuid?.() === 0) chownSync(conf, 65534, 65534);
    const def = await loadProduct('sharetask');
    const found = (await detectFor(def, { root: sandbox.root, media: sandbox.media })).find((d) => d.question === 'web_user');
    const expected = process.getuid?.() === 0 ? 'nobody' : sandbox.webUser;
    expect(found?.value).toBe(expected);
    expect(found?.evidence).toContain(`${conf} is owned by ${expected}`);
  });
});
