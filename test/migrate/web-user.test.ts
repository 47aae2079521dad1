// A server whose httpd does not run as apache needs the sudoers block for its own user.
import { describe, expect, test } from 'vitest';
import { parseMigrateOptions } from '../../src/migrate/options.js';
import { planSudoers, sharetaskSudoersLines } from '../../src/migrate/sudoers.js';
import { InputError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeConf } from './conf-dir.js';

const DIR = '/home/sharetask/sharetask_server';

describe('--web-user', () => {
  test('names the given user in the Defaults lines and the rule', () => {
    const block = sharetaskSudoersLines(DIR, 'www-data');
    expect(block[0]).toBe('Defaults:www-data !requiretty');
    expect(block[1]).toBe('Defaults:www-data !env_reset');
    expect(block[3]).toBe('www-data ALL=(ALL) NOPASSWD: SHARETASK');
  });

  test('a block for apache does not count as present for another user', () => {
    const apacheBlock = sharetaskSudoersLines(DIR).join('\n');
    const plan = planSudoers(`${apacheBlock}\n`, DIR, 'www-data');
    expect(plan).toEqual({
      status: 'append',
      missing: ['Defaults:www-data !requiretty', 'Defaults:www-data !env_reset', 'www-data ALL=(ALL) NOPASSWD: SHARETASK'],
    });
    expect(planSudoers(`${sharetaskSudoersLines(DIR, 'www-data').join('\n')}\n`, DIR, 'www-data')).toEqual({ status: 'present' });
  });

  test("the next step after --apply gives the conf directory to that user, the path ready to paste", async () => {
    const { conf } = makeConf();
    const www = await runCli(['migrate-config', '--conf', conf, '--web-user', 'www-data', '--apply']);
    expect(www.stdout).toContain(`Next (procedure 3.8.5): chown -R www-data: ${conf}`);
    const ja = await runCli(['migrate-config', '--conf', makeConf().conf, '--apply', '--lang', 'ja']);
    expect(ja.stdout).toMatch(/次の作業 \(手順 3\.8\.5\): chown -R apache: \/\S+\/conf を実行してください。/);
  });

  test('defaults to apache, as in the procedure', () => {
    expect(parseMigrateOptions(['--conf', '/x']).webUser).toBe('apache');
  });

  test('refuses a name that is not a plain user name (it would be sudoers syntax)', () => {
    expect(() => parseMigrateOptions(['--conf', '/x', '--web-user', 'ALL, root'])).toThrow(InputError);
    expect(() => parseMigrateOptions(['--conf', '/x', '--web-user', 'a.*'])).toThrow(/--web-user a\.\*/);
  });
});
