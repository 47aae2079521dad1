// Groupmax review fixes: one rule for what Version 2.0 is (A.3 (3) names only Version2.0 and its
// 02-00), said in the question's help; the Windows services file written with backslashes only.
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import type { Facts } from '../../src/model/facts.js';
import type { Plan } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/build.js';
import { formatPlan } from '../../src/plan/format.js';
import { loadDefinition } from '../../src/plan/load.js';
import { missingAnswers, withDefaults } from '../../src/plan/questions.js';

const def = loadDefinition(new URL('../../wizards/groupmax.yaml', import.meta.url).pathname);
const facts: Facts = { root: '/sbx', mediaFiles: {}, isRoot: true, hasServiceCommand: false, runningServices: [], detected: {}, files: { '/sbx/etc/services': 'ftp\t21/tcp\n' } };
const base: Answers = { platform: 'unix', mail_server: 'no', journal: 'no', console: 'no', autostart: 'no' };
const plan = (answers: Answers, f: Facts = facts, lang: 'ja' | 'en' = 'en'): Plan => buildPlan(def, withDefaults(def, { ...base, ...answers }), f, lang);
const ports = (p: Plan): string[] =>
  ((p.steps.find((s) => s.id === 'services')?.params.entries ?? []) as { name: string }[]).map((e) => e.name);
const V2 = ['imap', 'adrshd', 'pop3', 'popcfg'];
const V0200 = [...V2, 'adagt_ap', 'adreq_ap'];

describe('groupmax: Version 2.0 is 2, 2.0 or 02-00 to 02-09; 02-RR reads as 2.R', () => {
  test.each(['2', '2.0', '2.0.1'])('from %s: Version 2.0, its revision is asked', (from) => {
    expect(missingAnswers(def, { ...base, from }).map((q) => q.id)).toEqual(['v2_revision']);
    const p = plan({ from, v2_revision: '02-00' });
    expect(p.blockers).toEqual([]);
    expect(ports(p)).toEqual(V0200);
    expect(p.steps.map((s) => s.id)).toEqual(expect.arrayContaining(['advup2-6', 'address-mail-setup']));
    expect(ports(plan({ from, v2_revision: 'later' }))).toEqual(V2);
  });

  test.each([
    ['02-00', V0200],
    ['02-01', V2],
    ['02-09', V2],
  ])('from %s: Version 2.0, the revision is in the answer', (from, want) => {
    expect(missingAnswers(def, { ...base, from })).toEqual([]);
    const p = plan({ from });
    expect(p.blockers).toEqual([]);
    expect(ports(p)).toEqual(want);
  });

  // 02-10 is 2.1 and 02-50 is 2.5: read one way or the other, the same answer.
  test.each(['2.1', '02-10', '2.5', '02-50', '2.9', '02-99'])('from %s: not Version 2.0, no procedure', (from) => {
    expect(missingAnswers(def, { ...base, from })).toEqual([]);
    const p = plan({ from });
    expect(p.blockers.map((b) => b.id)).toEqual(['unsupported-version']);
    expect(p.blockers[0]?.fix).toContain('02-10 and later are Version 2.1 and later');
    expect(p.steps.map((s) => s.id)).not.toContain('advup2-6');
  });

  test('the rule is in the help of the version question, in both languages', () => {
    const q = def.questions.find((x) => x.id === 'from');
    expect(q?.help?.en).toContain('02-10 is 2.1, 02-50 is 2.5, 02-00 to 02-09 are 2.0');
    expect(q?.help?.en).toContain('Version 2.0 is 2, 2.0 or 02-00 to 02-09');
    expect(q?.help?.ja).toContain('02-10 は 2.1、02-50 は 2.5、02-00〜02-09 は 2.0');
    expect(q?.text.en).not.toContain('02-10');
  });
});

describe('groupmax: the Windows services file', () => {
  test('shown with backslashes only, as Windows writes it', () => {
    const real: Facts = { ...facts, root: '', files: {} };
    for (const lang of ['en', 'ja'] as const) {
      const text = formatPlan(plan({ from: '3', platform: 'windows' }, real, lang), { color: false });
      expect(text).toContain('C:\\WINNT\\system32\\drivers\\etc\\services');
      expect(text).not.toMatch(/WINNT[^\n]*\//);
    }
  });
});
