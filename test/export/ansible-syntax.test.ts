// Every product exports a playbook that `ansible-playbook --syntax-check` accepts; a secret answer
// (the iPlanet bind password) is asked by vars_prompt and never written into the files.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runPlaybook, ansiblePlaybook } from '../helpers/ansible.js';
import { BIND_PASSWORD, productExports } from '../helpers/ansible-exports.js';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.forEach((c) => c()));

describe.skipIf(!ansiblePlaybook)('ansible-playbook --syntax-check of every product', () => {
  for (const [product, make] of productExports(cleanups)) {
    it(product, async () => {
      const { out, result } = await make();
      expect(result.exitCode, result.stderr).toBe(0);
      const check = await runPlaybook(out, ['--syntax-check', '-i', 'inventory.example.ini', 'playbook.yml']);
      expect(check.exitCode, check.output).toBe(0);
      for (const f of readdirSync(out, { recursive: true }) as string[]) {
        if (f.endsWith('.yml') || f.endsWith('.md') || f.endsWith('.ini')) expect(readFileSync(join(out, f), 'utf8')).not.toContain(BIND_PASSWORD);
      }
      if (product === 'iplanet-messaging') {
        const plays = parse(readFileSync(join(out, 'playbook.yml'), 'utf8')) as { vars_prompt?: { name: string; private: boolean }[] }[];
        expect(plays[0]?.vars_prompt).toEqual([expect.objectContaining({ name: 'secret_bind_password', private: true })]);
      }
    }, 120_000);
  }
});
