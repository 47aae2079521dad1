// Without a terminal, a mistyped option of the interactive wizard is named (what the user must
// fix), not hidden behind "needs a terminal".
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('upgrade-wizard OPTIONS without a terminal', () => {
  it('an unknown option is named, in English and Japanese, exit 2', async () => {
    const en = await runCli(['--bogus']);
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toContain("Unknown option '--bogus'");
    expect(en.stderr).not.toContain('needs a terminal');
    const ja = await runCli(['--lang', 'ja', '--bogus']);
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain("Unknown option '--bogus'。upgrade-wizard interactive --help を参照してください");
  });

  it('valid options, or none, still say that the wizard needs a terminal', async () => {
    const none = await runCli([]);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('the interactive wizard needs a terminal');
    const some = await runCli(['--root', '/nonexistent']);
    expect(some.exitCode).toBe(2);
    expect(some.stderr).toContain('needs a terminal');
  });

  it('--help after an option prints the wizard\'s help', async () => {
    const help = await runCli(['--root', '/x', '--help']);
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('--answers FILE');
  });
});
