// The dry-run path of migrate-config must stay light: no Ink/React, and pg, execa and
// iconv-lite only when their options (or non-ASCII files) need them. Watched with a module
// resolve hook on the real binary; no timing here (bench/migrate-config.js measures).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { makeConf, tempDir } from './conf-dir.js';

test('the dry run on an ASCII conf imports none of ink, react, pg, execa, iconv-lite', async () => {
  const dir = tempDir();
  const log = join(dir, 'imports.log');
  writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(${JSON.stringify(log)}, result.url + '\\n');
  return result;
}
`);
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});\n`);
  const { conf } = makeConf();
  const r = await execa(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(repoRoot, 'bin', 'upgrade-wizard.js'), 'migrate-config', '--conf', conf], { reject: false, env: { LANG: 'C' } });
  expect(r.exitCode, String(r.stderr)).toBe(0);
  const loaded = readFileSync(log, 'utf8');
  expect(loaded).toContain('/build/commands/migrate-config.js');
  expect(loaded).toContain('/node_modules/diff/');
  for (const heavy of ['ink', 'react', 'pg', 'execa', 'iconv-lite']) expect(loaded).not.toContain(`/node_modules/${heavy}/`);
});
