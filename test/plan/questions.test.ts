import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Definition, Question } from '../../src/model/definition.js';
import { definitionsDir, loadDefinition } from '../../src/plan/load.js';
import { askableQuestions, missingAnswers, validateAnswer, withDefaults } from '../../src/plan/questions.js';

let def: Definition;
beforeAll(() => {
  def = loadDefinition(join(definitionsDir(), 'sharetask.yaml'));
});
const q = (id: string): Question => def.questions.find((x) => x.id === id) as Question;

describe('askableQuestions / missingAnswers', () => {
  it('asks the server questions only for a server', () => {
    const ids = (answers: Record<string, string | string[]>): string[] => askableQuestions(def, answers).map((x) => x.id);
    expect(ids({ component: 'server', custom: 'yes' })).toEqual(['component', 'platform', 'from', 'to', 'install_dir', 'web_user', 'daemons', 'custom', 'custom_uid', 'license']);
    expect(ids({ component: 'agent' })).toEqual(['component', 'platform', 'from', 'to']);
  });

  it('leaves questions that depend on an open answer for later', () => {
    expect(missingAnswers(def, {}).map((x) => x.id)).toEqual(['component', 'platform', 'from', 'to']);
    expect(missingAnswers(def, { component: 'server', custom: 'no' }).map((x) => x.id)).toEqual(['platform', 'from', 'to', 'install_dir', 'web_user', 'daemons', 'license']);
  });

  it('fills defaults of the questions that apply', () => {
    expect(withDefaults(def, { component: 'server' })).toMatchObject({ install_dir: '/home/sharetask', web_user: 'apache' });
    expect(withDefaults(def, { component: 'cli' })).not.toHaveProperty('web_user');
  });
});

describe('validateAnswer', () => {
  it('accepts only the choices', () => {
    expect(validateAnswer(q('component'), 'server')).toEqual({ ok: true, value: 'server' });
    const bad = validateAnswer(q('component'), 'database');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error).toContain('server, agent, cli');
  });

  it('normalises yes/no and refuses anything else', () => {
    expect(validateAnswer(q('custom'), 'Y')).toEqual({ ok: true, value: 'yes' });
    expect(validateAnswer(q('custom'), 'false')).toEqual({ ok: true, value: 'no' });
    expect(validateAnswer(q('custom'), 'maybe').ok).toBe(false);
  });

  it('parses versions and applies the pattern', () => {
    expect(validateAnswer(q('from'), '5.4.3').ok).toBe(true);
    expect(validateAnswer(q('to'), '5.5.x-y').ok).toBe(false);
    expect(validateAnswer(q('to'), '5.5').ok).toBe(false);
  });

  it('takes multi answers as a list or "a,b", in the order of the choices', () => {
    expect(validateAnswer(q('daemons'), 'stlogd,sharetaskd')).toEqual({ ok: true, value: ['sharetaskd', 'stlogd'] });
    expect(validateAnswer(q('daemons'), '')).toEqual({ ok: true, value: [] });
    expect(validateAnswer(q('daemons'), ['httpd']).ok).toBe(false);
  });

  it('asks for at least one item of a list, and for an answer where the input was left empty', () => {
    const instances: Question = { id: 'slapd_instances', type: 'list', text: { en: 'Instances?', ja: 'インスタンス?' }, pattern: 'slapd-[a-z]+' };
    expect(validateAnswer(instances, 'slapd-budgie, slapd-users')).toEqual({ ok: true, value: ['slapd-budgie', 'slapd-users'] });
    // None would make the LDAP backup of each instance a step for nobody: refused, not dropped.
    expect(validateAnswer(instances, [])).toMatchObject({ ok: false, problem: 'at least one item is needed (comma-separated)' });
    expect(validateAnswer(instances, '')).toMatchObject({ ok: false, error: 'slapd_instances: at least one item is needed (comma-separated)' });
    expect(validateAnswer(q('from'), ' ')).toMatchObject({ ok: false, problem: 'an answer is needed (the value is empty)' });
    expect(validateAnswer(q('install_dir'), '')).toMatchObject({ ok: false, problem: 'an answer is needed (the value is empty)' });
  });

  it('keeps paths absolute and free of ".."', () => {
    expect(validateAnswer(q('install_dir'), '/opt/sharetask').ok).toBe(true);
    expect(validateAnswer(q('install_dir'), 'opt/sharetask').ok).toBe(false);
    expect(validateAnswer(q('install_dir'), '/home/../etc').ok).toBe(false);
  });

  it('checks the custom user id: 3 or 4 upper-case letters', () => {
    expect(validateAnswer(q('custom_uid'), 'NAB').ok).toBe(true);
    expect(validateAnswer(q('custom_uid'), 'XYZW').ok).toBe(true);
    expect(validateAnswer(q('custom_uid'), 'nab').ok).toBe(false);
    expect(validateAnswer(q('custom_uid'), 'AB; rm -rf /').ok).toBe(false);
  });
});
