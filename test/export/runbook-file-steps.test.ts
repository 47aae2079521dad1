// The runbook's "What it does" of the file-operation steps under a root with a space and a quote:
// each line is a shell command that reads back to the paths the wizard uses (as the command steps
// are), a move or copy sets an existing target aside first (never into it), the configuration
// migration lists its dry run before --apply, and the rollback command is said to need the
// wizard's own run.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShareTaskSandbox, sandboxEnv, type Sandbox } from '../../src/demo/sandbox.js';
import { quoteArg } from '../../src/quote.js';
import { esc } from '../../src/export/runbook-html.js';
import { runCli } from '../helpers/cli.js';
import { placeArgs } from '../helpers/sandbox.js';

/** The words a POSIX shell reads from a shown command (printf of its arguments, nothing run). */
const words = (line: string): string[] => execFileSync('sh', ['-c', `printf '%s\\n' ${line}`]).toString().replace(/\n$/, '').split('\n');
/** A shown line without its trailing note "   (...)". */
const command = (line: string): string => line.replace(/ {3}\(.*\)$/, '');

describe('the runbook of ShareTask under a root with a space and a quote', () => {
  let top: string;
  let sb: Sandbox;
  let md: string;
  let html: string;
  let lines: string[];
  beforeAll(async () => {
    top = mkdtempSync(join(tmpdir(), 'uw-rb-'));
    sb = await createShareTaskSandbox(join(top, "sb 3'x"));
    const env = sandboxEnv(sb.dir);
    const r = await runCli(['export', '--format', 'markdown', '--product', 'sharetask', ...placeArgs(sb)], { env });
    expect(r.exitCode, r.stderr).toBe(0);
    md = r.stdout;
    lines = md.split('\n');
    const file = join(top, 'rb.html');
    const h = await runCli(['export', '--format', 'html', '--product', 'sharetask', '-o', file, ...placeArgs(sb)], { env });
    expect(h.exitCode, h.stderr).toBe(0);
    html = readFileSync(file, 'utf8');
  }, 120_000);
  afterAll(() => rmSync(top, { recursive: true, force: true }));

  const home = (): string => join(sb.root, 'home/sharetask');
  const line = (start: string, containing: string): string => {
    const found = lines.find((l) => l.startsWith(start) && l.includes(containing));
    expect(found, `${start} ... ${containing}`).toBeDefined();
    return found as string;
  };

  it('copy: cp -a with both paths quoted, after setting an existing target aside', () => {
    const cp = line('cp -a ', 'custom.OLD');
    expect(words(cp)).toEqual(['cp', '-a', join(home(), 'custom'), join(home(), 'custom.OLD')]);
    const to = join(home(), 'custom.OLD');
    expect(md).toContain(`[ -e ${quoteArg(to)} ] && mv -T ${quoteArg(to)} ${quoteArg(`${to}.bak-`)}$(date +%Y%m%d%H%M%S)`);
    expect(html).toContain(esc(cp));
  });

  it('a command run in a directory: cd to it, quoted, then the command', () => {
    const run = line('$ cd ', 'database_upgrade.pl');
    const [cd, rest] = run.slice(2).split(' && ') as [string, string];
    expect(words(cd)[0]).toBe('cd');
    expect(words(cd)[1]?.startsWith(sb.root)).toBe(true);
    expect(words(rest)).toEqual(['perl', 'database_upgrade.pl', '--start']);
  });

  it('ensure-dir: mkdir -p, chown and chmod as separate quoted commands', () => {
    const dir = join(home(), 'sharetask_users');
    expect(words(line('mkdir -p ', 'sharetask_users'))).toEqual(['mkdir', '-p', dir]);
    expect(words(line('chown ', 'sharetask_users'))).toEqual(['chown', `${sb.webUser}:`, dir]);
    expect(words(line('chown -R ', 'sharetask_rra'))).toEqual(['chown', '-R', `${sb.webUser}:`, join(home(), 'sharetask_rra')]);
    expect(md).not.toMatch(/^mkdir -p [^']*; chown/m);
  });

  it('move: mv -T with quoted paths, the target set aside first (the rollback R1.6 too)', () => {
    const conf = join(home(), 'sharetask_server/conf');
    expect(words(line('mv -T ', 'conf.ORG'))).toEqual(['mv', '-T', conf, `${conf}.ORG`]);
    const rollback = md.slice(md.indexOf('#### R1.6.'), md.indexOf('#### R1.7.'));
    const broken = join(sb.root, 'opt/sharetask.broken');
    expect(rollback).toContain(`[ -e ${quoteArg(broken)} ] && mv -T ${quoteArg(broken)} ${quoteArg(`${broken}.bak-`)}$(date +%Y%m%d%H%M%S)`);
    const mv = rollback.split('\n').find((l) => l.startsWith('mv -T ')) as string;
    expect(words(mv)).toEqual(['mv', '-T', join(sb.root, 'opt/sharetask'), broken]);
    expect(rollback).not.toMatch(/^mv \//m);
  });

  it('migrate-config: the dry run first, then --apply, both quoted', () => {
    const block = md.slice(md.indexOf('· migrate-config-custom ·'));
    const dry = block.split('\n').find((l) => l.startsWith('upgrade-wizard migrate-config ')) as string;
    const apply = block.split('\n').find((l) => l.startsWith('upgrade-wizard migrate-config ') && l.includes(' --apply')) as string;
    expect(dry).not.toContain('--apply');
    expect(block.indexOf(dry)).toBeLessThan(block.indexOf(apply));
    const args = words(command(dry));
    expect(args.slice(0, 4)).toEqual(['upgrade-wizard', 'migrate-config', '--conf', join(home(), 'sharetask_server/conf')]);
    expect(words(command(apply))).toEqual([...args, '--apply']);
    expect(apply).toContain('without asking');
    expect(html).toContain(esc(command(dry)));
  });

  it('says the wizard\'s rollback needs its own run, and which R-section to do by hand', () => {
    expect(md).toMatch(/Restore point if this or a later step fails: .*\(backup-archive\): the steps of R1 under Rollback procedures, by hand; only if this upgrade runs with "upgrade-wizard run" on this host/);
    const r1 = md.slice(md.indexOf('### R1.'), md.indexOf('#### R1.1.'));
    expect(r1).toContain('After the steps were done by hand or by the Ansible playbook, do the steps below by hand');
    expect(r1).toContain('Only if this upgrade ran with "upgrade-wizard run" on this host: `upgrade-wizard rollback --to backup-archive');
    expect(html).toContain(esc('Only if this upgrade ran with "upgrade-wizard run" on this host: '));
  });
});
