// Groupmax detection: the server's operating system family, proposed with what was seen. Alone it
// is no sign that Groupmax is installed: every machine has an operating system.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { productFound } from '../../src/detect/found.js';
import { detectFor } from '../../src/detect/index.js';
import { definitionsDir, loadDefinition } from '../../src/plan/load.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';

const def = loadDefinition(join(definitionsDir(), 'groupmax.yaml'));

describe('Groupmax detection', () => {
  it('proposes the family of the machine it runs on, and does not take it for Groupmax', async () => {
    const sb = groupmaxSandbox();
    const found = await detectFor(def, { root: sb.root });
    expect(found).toEqual([{ question: 'platform', value: process.platform === 'win32' ? 'windows' : 'unix', evidence: `this machine runs ${process.platform}` }]);
    expect(productFound(def, found)).toBe(false);
  });
});
