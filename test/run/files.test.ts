// Handlers that change files: switch-symlink, ensure-dir, copy, move, ensure-lines.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copy } from '../../src/run/steps/copy.js';
import { ensureDir } from '../../src/run/steps/ensure-dir.js';
import { ensureLines } from '../../src/run/steps/ensure-lines.js';
import { move } from '../../src/run/steps/move.js';
import { switchSymlink } from '../../src/run/steps/switch-symlink.js';
import { isRoot } from '../helpers/cli.js';
import { chattrWorks, whileImmutable } from '../helpers/chattr.js';
import { context, step, tempDir } from './ctx.js';

const temp = (): string => tempDir('uw-files-');
const idOf = (flag: string, user: string): number => Number(execFileSync('id', [flag, user]).toString().trim());

describe('switch-symlink', () => {
  it('points the link at the new directory, relative as ln -s writes it, and says where it pointed before', async () => {
    const base = temp();
    mkdirSync(join(base, 'app-1'));
    mkdirSync(join(base, 'app-2'));
    symlinkSync('app-1', join(base, 'app'));
    const s = step('switch-symlink', { link: join(base, 'app'), target: join(base, 'app-2') });
    expect(await switchSymlink.isDone?.(s, context())).toBe(false);
    const out = await switchSymlink.run(s, context());
    expect(readlinkSync(join(base, 'app'))).toBe('app-2');
    expect(out.detail).toContain('was app-1');
    expect(await switchSymlink.isDone?.(s, context())).toBe(true);
    expect(readdirSync(base).sort()).toEqual(['app', 'app-1', 'app-2']);
  });

  it('changes nothing when the target is missing or the link is a real directory', async () => {
    const base = temp();
    mkdirSync(join(base, 'app-1'));
    symlinkSync('app-1', join(base, 'app'));
    await expect(switchSymlink.run(step('switch-symlink', { link: join(base, 'app'), target: 'app-9' }), context())).rejects.toThrow(/not a directory/);
    expect(readlinkSync(join(base, 'app'))).toBe('app-1');
    mkdirSync(join(base, 'real'));
    await expect(switchSymlink.run(step('switch-symlink', { link: join(base, 'real'), target: 'app-1' }), context())).rejects.toThrow(/not a symbolic link/);
    expect(lstatSync(join(base, 'real')).isDirectory()).toBe(true);
  });
});

describe.skipIf(!isRoot)('ensure-dir', () => {
  it('creates the directory with owner (login group, as chown user: does) and mode; then finds it done', async () => {
    const base = temp();
    const s = step('ensure-dir', { path: join(base, 'users'), owner: 'nobody:', mode: '0750' });
    await ensureDir.run(s, context());
    const st = statSync(join(base, 'users'));
    expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([idOf('-u', 'nobody'), idOf('-g', 'nobody'), 0o750]);
    expect(await ensureDir.isDone?.(s, context())).toBe(true);
    chownSync(join(base, 'users'), 0, 0);
    expect(await ensureDir.isDone?.(s, context())).toBe(false);
  });

  it('changes the owner recursively, copies owner and mode from `like`, and refuses an unknown user', async () => {
    const base = temp();
    mkdirSync(join(base, 'rra/status'), { recursive: true });
    writeFileSync(join(base, 'rra/status/x'), '');
    await ensureDir.run(step('ensure-dir', { path: join(base, 'rra'), owner: 'nobody', recursiveOwner: true }), context());
    expect(statSync(join(base, 'rra/status/x')).uid).toBe(idOf('-u', 'nobody'));
    mkdirSync(join(base, 'model'), { mode: 0o700 });
    chownSync(join(base, 'model'), idOf('-u', 'nobody'), 0);
    await ensureDir.run(step('ensure-dir', { path: join(base, 'like'), like: join(base, 'model') }), context());
    const st = statSync(join(base, 'like'));
    expect([st.uid, st.gid, st.mode & 0o777]).toEqual([idOf('-u', 'nobody'), 0, 0o700]);
    await expect(ensureDir.run(step('ensure-dir', { path: join(base, 'z'), owner: 'no-such-user-uw' }), context())).rejects.toThrow(/does not exist/);
  });
});

describe('copy and move', () => {
  it('copies a tree like cp -a: modes, times, owners and links kept; an earlier copy is moved aside', async () => {
    const base = temp();
    mkdirSync(join(base, 'custom/NAB'), { recursive: true });
    writeFileSync(join(base, 'custom/NAB/index.cgi'), 'v1');
    chmodSync(join(base, 'custom/NAB/index.cgi'), 0o750);
    symlinkSync('NAB/index.cgi', join(base, 'custom/link'));
    utimesSync(join(base, 'custom/NAB/index.cgi'), new Date('2020-01-02T03:04:05Z'), new Date('2020-01-02T03:04:05Z'));
    utimesSync(join(base, 'custom/NAB'), new Date('2019-01-01T00:00:00Z'), new Date('2019-01-01T00:00:00Z'));
    if (isRoot) chownSync(join(base, 'custom/NAB/index.cgi'), idOf('-u', 'nobody'), idOf('-g', 'nobody'));
    mkdirSync(join(base, 'custom.OLD'));
    writeFileSync(join(base, 'custom.OLD/stale'), 'from an earlier attempt');
    const s = step('copy', { from: join(base, 'custom'), to: join(base, 'custom.OLD'), preserve: true });
    await copy.run(s, context());
    const file = statSync(join(base, 'custom.OLD/NAB/index.cgi'));
    expect(file.mode & 0o777).toBe(0o750);
    expect(file.mtime.toISOString()).toBe('2020-01-02T03:04:05.000Z');
    expect(statSync(join(base, 'custom.OLD/NAB')).mtime.toISOString()).toBe('2019-01-01T00:00:00.000Z');
    if (isRoot) expect(file.uid).toBe(idOf('-u', 'nobody'));
    expect(readlinkSync(join(base, 'custom.OLD/link'))).toBe('NAB/index.cgi');
    expect(existsSync(join(base, 'custom.OLD/stale'))).toBe(false);
    const aside = readdirSync(base).find((n) => n.startsWith('custom.OLD.bak-'));
    expect(readFileSync(join(base, aside as string, 'stale'), 'utf8')).toBe('from an earlier attempt');
    expect(await copy.isDone?.(s, context())).toBe(true);
  });

  it('skips a missing source when allowed, fails otherwise', async () => {
    const base = temp();
    expect((await copy.run(step('copy', { from: join(base, 'nope'), to: join(base, 'x'), ifMissing: 'skip' }), context())).status).toBe('skipped');
    await expect(copy.run(step('copy', { from: join(base, 'nope'), to: join(base, 'x') }), context())).rejects.toThrow(/does not exist/);
    await expect(move.run(step('move', { from: join(base, 'nope'), to: join(base, 'x') }), context())).rejects.toThrow(/does not exist/);
  });

  it('moves, and knows afterwards that the move is done', async () => {
    const base = temp();
    mkdirSync(join(base, 'conf'));
    const s = step('move', { from: join(base, 'conf'), to: join(base, 'conf.ORG') });
    expect(await move.isDone?.(s, context())).toBe(false);
    await move.run(s, context());
    expect(existsSync(join(base, 'conf.ORG'))).toBe(true);
    expect(await move.isDone?.(s, context())).toBe(true);
  });

  it('puts a directory in place of an empty one, as mv does; a directory with anything in it is kept aside', async () => {
    const base = temp();
    mkdirSync(join(base, 'store.saved/user'), { recursive: true });
    mkdirSync(join(base, 'store'));
    const ctx = context();
    const out = await move.run(step('move', { from: join(base, 'store.saved'), to: join(base, 'store') }), ctx);
    expect(out.status).toBe('done');
    expect(readdirSync(base)).toEqual(['store']);
    expect(existsSync(join(base, 'store/user'))).toBe(true);

    mkdirSync(join(base, 'again/user'), { recursive: true });
    writeFileSync(join(base, 'store/user/new.msg'), 'mail');
    await move.run(step('move', { from: join(base, 'again'), to: join(base, 'store') }), context());
    const aside = readdirSync(base).find((n) => n.startsWith('store.bak-'));
    expect(readFileSync(join(base, aside as string, 'user/new.msg'), 'utf8')).toBe('mail');

    // A file never takes the place of a directory, empty or not.
    mkdirSync(join(base, 'empty'));
    writeFileSync(join(base, 'file'), 'x');
    await move.run(step('move', { from: join(base, 'file'), to: join(base, 'empty') }), context());
    expect(readdirSync(base).filter((n) => n.startsWith('empty.bak-'))).toHaveLength(1);
    expect(readFileSync(join(base, 'empty'), 'utf8')).toBe('x');
  });
});

describe('ensure-lines', () => {
  const sudoers = (): string => {
    const base = temp();
    const file = join(base, 'sudoers');
    writeFileSync(file, 'Defaults    env_reset\nroot    ALL=(ALL)       ALL\n', { mode: 0o440 });
    chmodSync(file, 0o440);
    return file;
  };

  it('appends the missing lines once, validated, with a backup and the mode kept', async () => {
    const file = sudoers();
    const lines = ['Defaults:apache !requiretty', 'apache ALL=(ALL) NOPASSWD: /bin/true'];
    const s = step('ensure-lines', { file, lines, validate: ['visudo', '-c', '-f', '{candidate}'] });
    const out = await ensureLines.run(s, context());
    const text = readFileSync(file, 'utf8');
    expect(text).toBe('Defaults    env_reset\nroot    ALL=(ALL)       ALL\nDefaults:apache !requiretty\napache ALL=(ALL) NOPASSWD: /bin/true\n');
    expect(statSync(file).mode & 0o777).toBe(0o440);
    expect(out.detail).toMatch(/kept as .*sudoers\.bak-\d{14}/);
    expect(await ensureLines.isDone?.(s, context())).toBe(true);
    await ensureLines.run(s, context());
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it.skipIf(!chattrWorks)('names an immutable file\'s problem in words, and leaves it untouched (chattr; skipped where it cannot work)', async () => {
    const file = sudoers();
    const before = readFileSync(file);
    const s = step('ensure-lines', { file, lines: ['Defaults:apache !requiretty'] });
    const failure = await whileImmutable(file, () => ensureLines.run(s, context()).then(() => undefined, (error: Error) => error));
    expect(failure?.message).toBe(`${file} cannot be replaced (not even root may change it: is it immutable (lsattr; chattr -i)?); nothing was written`);
    expect(readFileSync(file)).toEqual(before);
  });

  it('leaves the file untouched when the validator refuses the candidate', async () => {
    const file = sudoers();
    const before = readFileSync(file);
    const s = step('ensure-lines', { file, lines: ['this is not sudoers syntax ((('], validate: ['visudo', '-c', '-f', '{candidate}'] });
    await expect(ensureLines.run(s, context())).rejects.toThrow(/refused by its check/);
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(join(file, '..'))).toEqual(['sudoers']);
  });
});
