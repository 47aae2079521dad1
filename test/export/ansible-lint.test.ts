// Every product exports a playbook directory that ansible-lint accepts as written, with the
// .ansible-lint the export writes beside playbook.yml (two rules skipped, the reason in the file),
// offline (no Galaxy, no update check). Skipped, saying so, when ansible-lint is not installed
// (.ci/run installs it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { findOnPathSync } from '../helpers/which.js';
import { productExports } from '../helpers/ansible-exports.js';

const ansibleLint = findOnPathSync('ansible-lint');
if (!ansibleLint) console.warn('ansible-lint is not installed (apt-get install ansible-lint): test/export/ansible-lint.test.ts is skipped');

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe.skipIf(!ansibleLint)('ansible-lint of the export of every product', () => {
  for (const [product, make] of productExports(cleanups)) {
    it(product, async () => {
      const { out, result } = await make();
      expect(result.exitCode, result.stderr).toBe(0);
      expect(readFileSync(join(out, '.ansible-lint'), 'utf8')).toMatch(/skip_list:\n  - command-instead-of-module\n/);
      // The whole directory, as a user would lint it: playbook.yml and group_vars/all.yml.
      const lint = await execa('ansible-lint', ['--offline', '--nocolor'], {
        cwd: out,
        env: {
          ANSIBLE_LINT_SKIP_UPDATE: '1',
          ANSIBLE_LINT_NODEPS: '1',
          ANSIBLE_HOME: `${out}/.ansible`,
          ANSIBLE_LOCAL_TEMP: `${out}/.ansible/tmp`,
          XDG_CACHE_HOME: `${out}/.ansible/cache`,
          NO_COLOR: '1',
        },
        reject: false,
        stdin: 'ignore',
        all: true,
        timeout: 300_000,
      });
      expect(lint.exitCode, String(lint.all)).toBe(0);
    }, 360_000);
  }
});
