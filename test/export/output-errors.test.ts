// `export -o PATH` that cannot be written: the message names the user's path and what to do (in
// both languages), never the internal temp file nor a bare errno; exit 2; nothing is written.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { groupmaxSandbox } from '../helpers/groupmax-sandbox.js';

const sb = groupmaxSandbox();
afterAll(() => rmSync(sb.dir, { recursive: true, force: true }));
const plan = ['--product', 'groupmax', '--root', sb.root, '--log-dir', sb.logs, ...sb.platformArgs, ...['from=5', 'mail_server=yes', 'journal=yes', 'console=yes', 'autostart=yes'].flatMap((s) => ['--set', s])];
const exportTo = (format: string, out: string, lang = 'en') => runCli(['export', '--format', format, '-o', out, '--lang', lang, ...plan], { env: sb.env });

function expectPlain(stderr: string): void {
  expect(stderr).not.toMatch(/\.tmp\b/);
  expect(stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
}

describe('export -o that cannot be written', () => {
  it('a runbook into a directory that does not exist: names the directory to create', async () => {
    const out = join(sb.dir, 'nodir', 'sub', 'runbook.md');
    const r = await exportTo('markdown', out);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`cannot write ${out}: the directory ${join(sb.dir, 'nodir', 'sub')} does not exist; create it (mkdir -p) or give another path`);
    expectPlain(r.stderr);
    const ja = await exportTo('markdown', out, 'ja');
    expect(ja.exitCode).toBe(2);
    expect(ja.stderr).toContain(`ディレクトリ ${join(sb.dir, 'nodir', 'sub')} がありません`);
    expectPlain(ja.stderr);
  }, 60_000);

  it('a runbook onto a directory: asks for a file name, leaves no temp file behind', async () => {
    const dir = join(sb.dir, 'out-dir');
    mkdirSync(dir);
    const r = await exportTo('html', dir);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`cannot write ${dir}: it is a directory; give a file name, e.g. -o ${join(dir, 'NAME')}`);
    expectPlain(r.stderr);
    expect(readdirSync(dir)).toEqual([]);
    expect(readdirSync(sb.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  }, 60_000);

  it('a playbook onto an existing file, or under one: asks for a directory, the file unchanged', async () => {
    const file = join(sb.dir, 'a-file');
    writeFileSync(file, 'keep me\n');
    const r = await exportTo('ansible', file);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`cannot write ${file}: it is a file; --format ansible writes several files: give -o a new or existing directory`);
    expectPlain(r.stderr);
    const ja = await exportTo('ansible', file, 'ja');
    expect(ja.stderr).toContain('-o には新しいディレクトリか既存のディレクトリを指定してください');
    const under = await exportTo('ansible', join(file, 'pb'));
    expect(under.exitCode).toBe(2);
    expect(under.stderr).toContain(`${file} is a file, not a directory`);
    expectPlain(under.stderr);
    expect(readFileSync(file, 'utf8')).toBe('keep me\n');
  }, 60_000);
});
