import { describe, expect, test } from 'vitest';
import { appendSudoers, isSafeInstallDir, planSudoers, sharetaskSudoersLines } from '../../src/migrate/sudoers.js';

const DIR = '/home/sharetask/sharetask_server';
const BLOCK = sharetaskSudoersLines(DIR);
const BIN = `${DIR}/cgi-common/bin`;

describe('the SHARETASK sudoers block (3.8.3)', () => {
  test('is the procedure\'s block: two Defaults, the alias with the five binaries on one line, the apache rule', () => {
    expect(BLOCK).toEqual([
      'Defaults:apache !requiretty',
      'Defaults:apache !env_reset',
      `Cmnd_Alias SHARETASK = ${BIN}/auth_pam, ${BIN}/make_user_subdir, ${BIN}/delete_user_file, ${BIN}/chown_template, ${BIN}/explorer`,
      'apache ALL=(ALL) NOPASSWD: SHARETASK',
    ]);
  });

  test('a stock sudoers needs all four lines', () => {
    expect(planSudoers('root ALL=(ALL:ALL) ALL\n', DIR)).toEqual({ status: 'append', missing: BLOCK });
  });

  test('the block itself is recognised', () => {
    expect(planSudoers(`root ALL=(ALL) ALL\n${BLOCK.join('\n')}\n`, DIR)).toEqual({ status: 'present' });
  });

  test('an equivalent block (other spacing, order, continuations, combined Defaults, ALL:ALL) is recognised', () => {
    const text = [
      'Defaults:apache    !env_reset,!requiretty',
      'Cmnd_Alias   SHARETASK=' + `${BIN}/explorer, \\`,
      `    ${BIN}/auth_pam,${BIN}/chown_template, \\`,
      `    ${BIN}/delete_user_file, ${BIN}/make_user_subdir`,
      'apache\tALL = (ALL:ALL)  NOPASSWD:SHARETASK',
    ].join('\r\n');
    expect(planSudoers(text, DIR)).toEqual({ status: 'present' });
  });

  test('a commented-out block does not count', () => {
    expect(planSudoers(BLOCK.map((l) => `# ${l}`).join('\n'), DIR)).toEqual({ status: 'append', missing: BLOCK });
  });

  test('only the missing lines are added when part is there', () => {
    expect(planSudoers('Defaults:apache !requiretty\n', DIR)).toEqual({ status: 'append', missing: BLOCK.slice(1) });
  });

  test('a SHARETASK alias with other commands is a conflict (appending would define it twice)', () => {
    const plan = planSudoers(`x\nCmnd_Alias SHARETASK = ${BIN}/auth_pam\n`, DIR);
    expect(plan).toMatchObject({ status: 'conflict', line: 2 });
  });

  test('appending keeps the file\'s bytes and CRLF endings, and ends an unterminated last line first', () => {
    const out = appendSudoers('root ALL=(ALL) ALL', ['A', 'B'], '2024-05-01 10:00:00');
    expect(out).toBe('root ALL=(ALL) ALL\n\n# ShareTask 5.5 (procedure 3.8.3), added by upgrade-wizard migrate-config on 2024-05-01 10:00:00\nA\nB\n');
    expect(appendSudoers('x\r\n', ['A'], 's')).toBe('x\r\n\r\n# ShareTask 5.5 (procedure 3.8.3), added by upgrade-wizard migrate-config on s\r\nA\r\n');
  });

  test('install dirs that could break the sudoers syntax are refused', () => {
    expect(isSafeInstallDir('/opt/sharetask_server')).toBe(true);
    for (const bad of ['relative/dir', '/a b', '/a,b', '/a:b', '/a/../b', '/a\\b', '/a=b']) expect(isSafeInstallDir(bad)).toBe(false);
  });
});
