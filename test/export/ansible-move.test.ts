// The exported move, run by ansible-playbook on a real tree: as the wizard's move step, a
// directory takes the place of an empty directory (no stray TO.bak-STAMP), a TO with anything
// in it is set aside, and FROM never lands inside an existing directory.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { PlannedStep } from '../../src/model/plan.js';
import { stepTasks } from '../../src/export/ansible-tasks.js';
import { ansiblePlaybook, runPlaybook, type AnsibleResult } from '../helpers/ansible.js';

const dir = mkdtempSync(join(tmpdir(), 'uw-ansible-move-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const move = (id: string, from: string, to: string): PlannedStep => ({ id, kind: 'move', title: `move ${id}`, manual: false, allowFailure: false, skippable: false, params: { from: join(dir, from), to: join(dir, to) } });

describe.skipIf(!ansiblePlaybook)('export --format ansible: move', () => {
  let played: AnsibleResult;
  beforeAll(async () => {
    // empty: the stand-in directory left where a store was moved from.
    mkdirSync(join(dir, 'store.saved/user'), { recursive: true });
    mkdirSync(join(dir, 'store'));
    // busy: something was written into the stand-in; it must be kept.
    mkdirSync(join(dir, 'queue.saved/q'), { recursive: true });
    mkdirSync(join(dir, 'queue'));
    writeFileSync(join(dir, 'queue', '.msg'), 'arrived');
    // absent: a plain rename.
    mkdirSync(join(dir, 'conf'));
    const steps = [move('empty', 'store.saved', 'store'), move('busy', 'queue.saved', 'queue'), move('absent', 'conf', 'conf.ORG')];
    const tasks = steps.flatMap((s, i) => stepTasks({ number: i + 1, root: '' }, s));
    writeFileSync(join(dir, 'play.yml'), stringify([{ hosts: 'localhost', gather_facts: false, tasks }]));
    played = await runPlaybook(dir, ['-i', 'localhost,', '-c', 'local', 'play.yml']);
  }, 300_000);

  it('runs', () => {
    expect(played.exitCode, played.output.slice(-3000)).toBe(0);
  });

  it('puts a directory in place of an empty one, with nothing set aside', () => {
    expect(existsSync(join(dir, 'store/user'))).toBe(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('store'))).toEqual(['store']);
  });

  it('sets a directory with anything in it aside, and never moves into it', () => {
    expect(readdirSync(join(dir, 'queue'))).toEqual(['q']);
    const aside = readdirSync(dir).filter((n) => n.startsWith('queue.bak-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0] as string, '.msg'), 'utf8')).toBe('arrived');
  });

  it('renames when nothing is in the way', () => {
    expect(existsSync(join(dir, 'conf.ORG'))).toBe(true);
    expect(existsSync(join(dir, 'conf'))).toBe(false);
  });
});
