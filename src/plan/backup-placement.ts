// A backup whose archive would land inside the tree it archives: the backup step refuses it at run
// time, but by then every earlier step (stops, exports, a renamed store) has run. Found here from
// the plan alone, before anything runs. Pure: paths are compared as written (a symlink in between
// is still caught by the step itself).
import { dirname } from 'node:path';
import type { Answers, Definition, Question } from '../model/definition.js';
import type { Blocker, PlannedStep } from '../model/plan.js';
import { pathInside } from '../io/paths.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import type { Lang } from './steps.js';

/**
 * The path question that put the archive there: the longest answer the archive lies under and
 * the source does not lie strictly under (the answer the operator changes). Undefined when none
 * did, or when two answers tie (a backup directory answered as server-root itself).
 */
function culprit(def: Definition, answers: Answers, root: string, archiveDir: string, source: string): Question | undefined {
  const found: { q: Question; length: number }[] = [];
  for (const q of def.questions) {
    const value = answers[q.id];
    if (q.type !== 'path' || typeof value !== 'string') continue;
    const full = `${root}${value}`;
    const under = pathInside(full, source);
    if (pathInside(full, archiveDir) === undefined || (under !== undefined && under !== '')) continue;
    found.push({ q, length: full.length });
  }
  const longest = Math.max(...found.map((f) => f.length));
  const best = found.filter((f) => f.length === longest);
  return best.length === 1 ? best[0]?.q : undefined;
}

export function backupPlacementBlockers(def: Definition, answers: Answers, root: string, steps: readonly PlannedStep[], lang: Lang): Blocker[] {
  const blockers: Blocker[] = [];
  for (const step of steps) {
    if (step.kind !== 'backup') continue;
    const source = step.params.source;
    const archive = step.params.archive;
    if (typeof source !== 'string' || typeof archive !== 'string') continue;
    // As the step checks it: the archive's directory, which the step creates, must be outside.
    if (pathInside(source, dirname(archive)) === undefined) continue;
    const q = culprit(def, answers, root, dirname(archive), source);
    const p = { step: step.id, title: step.title, archive, source, id: q?.id ?? '', question: q?.text[lang] ?? '', answer: String(q === undefined ? '' : answers[q.id]) };
    blockers.push({
      id: `backup-inside-source:${step.id}`,
      step: step.id,
      message: t('plan.blocker.backupInside', p, lang),
      fix: t(q === undefined ? 'plan.blocker.backupInsideFix' : 'plan.blocker.backupInsideFixAnswer', p, lang),
    });
  }
  return blockers;
}
