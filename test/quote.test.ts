import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteArgv } from '../src/quote.js';

describe('commands shown to people', () => {
  it('quotes only what a shell would read otherwise', () => {
    expect(quoteArgv(['tar', 'xzf', '/cd/a.tar.gz', '-C', '/home/sharetask', '--opt=x'])).toBe('tar xzf /cd/a.tar.gz -C /home/sharetask --opt=x');
    expect(quoteArgv(['echo', 'two words', "it's", '', 'a>b', '<USERID>', '$HOME', '*'])).toBe(
      `echo 'two words' 'it'\\''s' '' 'a>b' '<USERID>' '$HOME' '*'`,
    );
  });

  it('a shown command, pasted into a shell, gets back the same arguments', () => {
    const argv = ['two words', "it's", '', 'a>b', '<x>', '$HOME', '*', '`id`', 'back\\slash', 'new\nline', '日本語'];
    const echoed = execFileSync('sh', ['-c', `printf '%s\\0' ${quoteArgv(argv)}`], { encoding: 'utf8' });
    expect(echoed.split('\0').slice(0, -1)).toEqual(argv);
  });
});
