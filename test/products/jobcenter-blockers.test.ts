// What the JobCenter definition refuses: the active node before the standby node (lifted by a
// finished standby run of the same procedure in the log dir, or by a stated
// reason, and named when it is for another target), versions the guide does not cover, IPF outside
// MSCS; and its texts in both languages.
import { describe, expect, test } from 'vitest';
import type { Answers } from '../../src/model/definition.js';
import type { Text } from '../../src/model/text.js';
import { PlanError } from '../../src/plan/build.js';
import { readableTime } from '../../src/io/backup-name.js';
import { def, facts, ids, plan, standbyRun } from './jobcenter-paths.js';

const UNIX: Answers = { cluster: 'unix', operation: 'versionup', role: 'active', from: 'R12.8', to: 'R13.2' };
const blockerIds = (a: Answers, runs = facts()): string[] => plan(a, runs).blockers.map((b) => b.id);

describe('standby node first', () => {
  test('the active node is refused while no finished standby run is in the log dir', () => {
    const p = plan(UNIX, facts());
    expect(p.blockers.map((b) => b.id)).toEqual(['standby-first']);
    expect(p.blockers[0]?.message).toContain('standby');
    expect(p.blockers[0]?.fix).toContain('standby_done_elsewhere');
    // The standby node itself is never refused.
    expect(blockerIds({ ...UNIX, role: 'standby' })).toEqual([]);
  });

  test('a standby run counts only for the same cluster, operation and target version', () => {
    const sb = standbyRun(UNIX);
    expect(blockerIds(UNIX, facts([sb]))).toEqual([]);
    expect(blockerIds(UNIX, facts([{ ...sb, answers: { ...sb.answers, to: 'R13.1' } }]))).toEqual(['standby-first']);
    expect(blockerIds(UNIX, facts([{ ...sb, answers: { ...sb.answers, operation: 'patch' } }]))).toEqual(['standby-first']);
    expect(blockerIds(UNIX, facts([{ ...sb, answers: { ...sb.answers, cluster: 'windows-other' } }]))).toEqual(['standby-first']);
    expect(blockerIds(UNIX, facts([{ ...sb, answers: { ...sb.answers, role: 'active' } }]))).toEqual(['standby-first']);
    expect(blockerIds(UNIX, facts([{ ...sb, product: 'clusterpro' }]))).toEqual(['standby-first']);
  });

  test('the standby run that allowed the active run is named with the plan (journaled with it)', () => {
    const p = plan(UNIX, facts([standbyRun(UNIX)]));
    // A rule met is evidence (✓ on the review screen, "checked" in the plan), not a warning (!).
    // Said in words, at the local time the welcome shows (no run id, no UTC ISO stamp).
    expect(p.checked ?? []).toContain(`Order checked: the run this one must follow (Standby node) finished at ${readableTime('2024-05-01T10:00:00.000Z')} (its record: /logs/run-sb-1.jsonl).`);
    expect(plan(UNIX, facts([standbyRun(UNIX)]), 'ja').checked ?? []).toContain(`順序を確認しました: 先に行う実行 (待機系) が ${readableTime('2024-05-01T10:00:00.000Z')} に完了しています (記録: /logs/run-sb-1.jsonl)。`);
    expect(p.warnings.join('\n')).not.toContain('standby-first');
  });

  test('a finished standby run for another target is named in the refusal, with both targets', () => {
    const patch = { cluster: 'unix', operation: 'patch', role: 'active', from: 'R13.2', to: 'R13.2.1', local_site: 'no' };
    const sb = standbyRun({ ...patch, to: 'R13.2' });
    const en = plan(patch, facts([sb]));
    expect(en.blockers.map((b) => b.id)).toEqual(['standby-first']);
    expect(en.blockers[0]?.message).toContain(`A run that finished at ${readableTime('2024-05-01T10:00:00.000Z')} was found (/logs/run-sb-1.jsonl), but with to=R13.2 (this run: to=R13.2.1)`);
    const ja = plan(patch, facts([sb]), 'ja');
    expect(ja.blockers[0]?.message).toContain('to=R13.2 での実行です (この実行: to=R13.2.1)');
    // No standby run at all: the rule's own message only.
    expect(plan(patch, facts()).blockers[0]?.message).not.toContain('was found');
  });

  test('done elsewhere: the reason is an answer (in the journal and the report) and a confirmed first step', () => {
    const a = { ...UNIX, standby_done_elsewhere: 'yes', standby_done_reason: 'updated by hand on 5/1 by Sato, ticket CHG-42' };
    const p = plan(a, facts());
    expect(p.blockers).toEqual([]);
    expect(p.answers.standby_done_reason).toBe('updated by hand on 5/1 by Sato, ticket CHG-42');
    expect(p.steps[0]?.id).toBe('standby-done-elsewhere');
    expect(p.steps[0]?.manual).toBe(true);
    expect(p.steps[0]?.instructions).toContain('ticket CHG-42');
    // "yes" without a reason is not an answer set that can be planned.
    expect(() => plan({ ...UNIX, standby_done_elsewhere: 'yes' }, facts())).toThrow(/standby_done_reason/);
  });

  test('rolling patch: the active part waits for the standby run, which ends with the failover checkpoint', () => {
    const r = { cluster: 'unix', operation: 'rolling-patch', from: 'R13.2', to: 'R13.2.1', local_site: 'yes' };
    const sb = plan({ ...r, role: 'standby' });
    expect(ids(sb).at(-1)).toBe('s332-failover');
    expect(sb.steps.at(-1)?.checklist?.length).toBe(2);
    expect(blockerIds({ ...r, role: 'active' }, facts())).toEqual(['standby-first']);
    const ac = plan({ ...r, role: 'active' });
    expect(ids(ac)).toEqual(['s333-patch-version', 's333-nqs-site', 's333-nqsstop', 's333-rpm', 's333-check-files', 's334-failback']);
    // Without the standby run in the log dir, the failover is confirmed before the active patch.
    const elsewhere = plan({ ...r, role: 'active', standby_done_elsewhere: 'yes', standby_done_reason: 'other log dir' }, facts());
    expect(ids(elsewhere).slice(0, 3)).toEqual(['standby-done-elsewhere', 'failover-done-elsewhere', 's333-patch-version']);
  });
});

describe('versions', () => {
  test('versions outside R12.0 to R13.2.x are refused as unknown to the guide', () => {
    const sb = { ...UNIX, role: 'standby' };
    expect(blockerIds({ ...sb, from: 'R11.2' })).toEqual(['unknown-version']);
    expect(blockerIds({ ...sb, to: 'R14.1' })).toEqual(['unknown-version']);
    expect(blockerIds({ ...sb, to: 'R13.3' })).toEqual(['unknown-version']);
    expect(blockerIds({ ...sb, to: 'R13.2.1' })).toEqual([]);
    expect(blockerIds({ ...sb, from: 'R12.0' })).toEqual([]);
  });

  test('a version not in the R form is bad input naming the question', () => {
    expect(() => plan({ ...UNIX, from: '13.2' })).toThrow(PlanError);
    expect(() => plan({ ...UNIX, from: '13.2' })).toThrow(/from/);
    expect(() => plan({ ...UNIX, to: 'latest' })).toThrow(/to/);
  });
});

describe('platforms', () => {
  test('an IPF (or any) arch answer outside MSCS is refused, not ignored', () => {
    expect(blockerIds({ ...UNIX, role: 'standby', arch: 'ipf-native' })).toEqual(['ipf-not-mscs']);
    expect(blockerIds({ ...UNIX, role: 'standby', cluster: 'windows-other', arch: 'ipf-emulation' })).toEqual(['ipf-not-mscs']);
    expect(blockerIds({ ...UNIX, role: 'standby', cluster: 'mscs', arch: 'ipf-native', clwin: 'no', local_site: 'yes' })).toEqual([]);
  });

  test('patches the guide has no procedure for are refused: IPF emulation, IPF native before R12.8, MSCS rolling before R12.8', () => {
    const m = { cluster: 'mscs', role: 'standby', to: 'R12.7.2', local_site: 'yes' };
    expect(blockerIds({ ...m, arch: 'ipf-emulation', operation: 'patch', from: 'R12.7.2' })).toEqual(['ipf-patch']);
    expect(blockerIds({ ...m, arch: 'ipf-native', operation: 'patch', from: 'R12.7.2' })).toEqual(['ipf-patch']);
    expect(blockerIds({ ...m, arch: 'x64', operation: 'rolling-patch', from: 'R12.7.2' })).toEqual(['mscs-rolling-old']);
  });
});

describe('texts', () => {
  const JA = /[\u3040-\u30ff\u4e00-\u9fff]/;
  const texts: [string, Text][] = [
    ['title', def.title],
    ...def.questions.flatMap((q) => [[`${q.id}.text`, q.text], ...(q.help ? [[`${q.id}.help`, q.help]] : [])] as [string, Text][]),
    ...def.blockers.flatMap((b) => [[`${b.id}.message`, b.message], [`${b.id}.fix`, b.fix]] as [string, Text][]),
    ...def.steps.flatMap((s) => {
      const out: [string, Text][] = [[`${s.id}.title`, s.title]];
      if (s.explain) out.push([`${s.id}.explain`, s.explain]);
      if (s.kind === 'manual') {
        out.push([`${s.id}.instructions`, s.instructions]);
        (s.checklist ?? []).forEach((c, i) => out.push([`${s.id}.checklist[${i}]`, c]));
      }
      return out;
    }),
  ];

  test('every step, question and blocker speaks Japanese and English', () => {
    expect(texts.length).toBeGreaterThan(500);
    for (const [where, text] of texts) {
      expect(text.ja, where).toMatch(JA);
      expect(text.en, where).not.toMatch(JA);
    }
  });

  test('Japanese texts have no space left between sentences by YAML folding', () => {
    const ja: [string, string][] = [['summary', def.summary?.ja ?? ''], ...texts.map(([where, text]): [string, string] => [where, text.ja])];
    for (const [where, text] of ja) expect(text, where).not.toMatch(/[。、] /);
  });

  test('a plan is written in the run language', () => {
    const ja = plan({ ...UNIX, role: 'standby' }, facts(), 'ja');
    expect(ja.steps.find((s) => s.id === 's312-nqsstop')?.title).toBe('ローカルのJobCenterサービスを停止');
    const en = plan({ ...UNIX, role: 'standby' }, facts(), 'en');
    expect(en.steps.find((s) => s.id === 's312-nqsstop')?.title).toBe('Stop the local JobCenter service');
  });
});
