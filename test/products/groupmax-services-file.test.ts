// The services file logic behind ensure-services (src/migrate/services-file.ts) and its step
// handler on a real file: present entries left alone, collisions named by line, only missing
// entries appended with the file's own line ending, every other byte kept, a backup made.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { addServices, checkServices, parseServices } from '../../src/migrate/services-file.js';
import type { Interaction } from '../../src/model/interaction.js';
import type { PlannedStep } from '../../src/model/plan.js';
import type { StepContext } from '../../src/run/context.js';
import { Redactor } from '../../src/run/redact.js';
import { ensureServices } from '../../src/run/steps/ensure-services.js';

const imap = { name: 'imap', port: 143, protocol: 'tcp' };
const adrshd = { name: 'adrshd', port: 20141, protocol: 'tcp' };

describe('services file: parse and check', () => {
  test('parses names, ports, protocols and aliases; skips comments and junk', () => {
    const lines = parseServices('# comment\nimap2\t143/tcp\timap\t# IMAP\n\nbroken line\npop3 110/udp pop-3 pop\n');
    expect(lines.map((l) => [l.line, l.name, l.port, l.protocol, l.aliases])).toEqual([
      [2, 'imap2', 143, 'tcp', ['imap']],
      [5, 'pop3', 110, 'udp', ['pop-3', 'pop']],
    ]);
  });

  test('present (by name or alias), missing, port taken, name taken', () => {
    const text = 'imap2 143/tcp imap\nfoo 20141/tcp\npop3 111/tcp\n';
    const checks = checkServices(text, [imap, adrshd, { name: 'pop3', port: 110, protocol: 'tcp' }, { name: 'x', port: 1, protocol: 'udp' }]);
    expect(checks.map((c) => c.status)).toEqual(['present', 'port-conflict', 'name-conflict', 'missing']);
    const taken = checks[1];
    expect(taken?.status === 'port-conflict' && taken.at.line).toBe(2);
  });

  test('the same port on another protocol is no collision', () => {
    expect(checkServices('imap2 143/udp\n', [imap]).map((c) => c.status)).toEqual(['missing']);
  });

  test('appends only what is missing, with the dominant line ending, once', () => {
    const crlf = 'ftp 21/tcp\r\nimap 143/tcp\r\n# \x83\x81\x81[\x83\x8b';
    const edit = addServices(crlf, [imap, adrshd]);
    expect(edit?.added).toEqual([adrshd]);
    expect(edit?.text).toBe(`${crlf}\r\nadrshd\t20141/tcp\r\n`);
    expect(addServices(edit?.text as string, [imap, adrshd])?.added).toEqual([]);
    expect(addServices('imap2 143/tcp\n', [imap])).toBeNull();
  });
});

function ctxFor(): { ctx: StepContext; out: string[]; written: unknown[] } {
  const out: string[] = [];
  const written: unknown[] = [];
  const interaction: Interaction = {
    confirmManual: async () => 'done',
    reviewDiff: async () => true,
    onFailure: async () => 'stop',
    onOutput: (_s, chunk) => void out.push(chunk),
  };
  const journal = { append: (e: unknown) => void written.push(e), log: () => undefined } as unknown as StepContext['journal'];
  const ctx = { plan: {} as StepContext['plan'], root: '', interaction, journal, redact: new Redactor(), confirmedBy: '--yes' } as StepContext;
  return { ctx, out, written };
}

const step = (file: string): PlannedStep => ({
  id: 'services', kind: 'ensure-services', title: 't', manual: false, allowFailure: false, skippable: false,
  params: { file, entries: [imap, adrshd] },
});

describe('ensure-services step on a real file', () => {
  test('adds, keeps mode and bytes, backs up, then is done and adds nothing more', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-services-'));
    const file = join(dir, 'services');
    writeFileSync(file, 'ftp 21/tcp\nimap2 143/tcp imap\n');
    chmodSync(file, 0o640);
    const { ctx, written } = ctxFor();
    expect(await ensureServices.isDone?.(step(file), ctx)).toBe(false);
    const r = await ensureServices.run(step(file), ctx);
    expect(r.status).toBe('done');
    expect(readFileSync(file, 'utf8')).toBe('ftp 21/tcp\nimap2 143/tcp imap\nadrshd\t20141/tcp\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    const backups = readdirSync(dir).filter((n) => n.startsWith('services.bak-'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(join(dir, backups[0] as string), 'utf8')).toBe('ftp 21/tcp\nimap2 143/tcp imap\n');
    expect(written).toContainEqual(expect.objectContaining({ type: 'written', file, backup: join(dir, backups[0] as string) }));
    expect(await ensureServices.isDone?.(step(file), ctx)).toBe(true);
    await ensureServices.run(step(file), ctx);
    expect(readdirSync(dir).filter((n) => n.startsWith('services.bak-'))).toHaveLength(1);
  });

  test('a collision that appeared after planning: fails naming the line, writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uw-services-'));
    const file = join(dir, 'services');
    writeFileSync(file, 'ftp 21/tcp\nrshd 20141/tcp\n');
    await expect(ensureServices.run(step(file), ctxFor().ctx)).rejects.toThrow(/line 2 "rshd 20141\/tcp"/);
    expect(readFileSync(file, 'utf8')).toBe('ftp 21/tcp\nrshd 20141/tcp\n');
    expect(readdirSync(dir)).toEqual(['services']);
  });
});
