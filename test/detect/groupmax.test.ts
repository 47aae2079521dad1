// Groupmax detection: the server's operating system family and, on Windows, its system folder,
// proposed with what was seen. Alone they are no sign that Groupmax is installed.
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
    expect(found).toEqual([{ question: 'platform', value: process.platform === 'win32' ? 'windows' : 'unix', evidence: `this machine runs ${process.platform === 'win32' ? 'Windows' : 'Linux'}` }]);
    expect(productFound(def, found)).toBe(false);
  });

  it("proposes the Windows system folder from this machine's SystemRoot, never for a sandbox", async () => {
    const saved = process.env.SystemRoot;
    process.env.SystemRoot = 'C:\\WINNT';
    try {
      // This Linux machine plays a Windows one: the platform answered, SystemRoot set.
      const here = await detectFor(def, { root: '', answers: { platform: 'windows' } });
      expect(here.find((d) => d.question === 'system_root')).toEqual({ question: 'system_root', value: 'C:\\WINNT', evidence: 'the environment variable SystemRoot of this machine is C:\\WINNT' });
      // Still no sign of Groupmax itself.
      expect(productFound(def, here)).toBe(false);
      const sb = groupmaxSandbox({ platform: 'windows' });
      expect((await detectFor(def, { root: sb.root, answers: { platform: 'windows' } })).find((d) => d.question === 'system_root')).toBeUndefined();
      // On a UNIX server the Windows folder is never asked, so nothing is proposed for it.
      expect((await detectFor(def, { root: '' })).find((d) => d.question === 'system_root')).toBeUndefined();
    } finally {
      if (saved === undefined) delete process.env.SystemRoot;
      else process.env.SystemRoot = saved;
    }
  });
});
