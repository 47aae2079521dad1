// The generic blockers every plan gets, whatever the product: privileges, media, disk space,
// services still running at a backup. Pure: facts in, blockers and warnings out.
import type { Answers, Definition } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import type { Blocker, PlannedStep } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import '../i18n/messages/media.js';
import { evalCondition } from './condition.js';
import type { Lang } from './steps.js';
import { mediaCheckBlockers, mediaDirBlocker } from './media-checks.js';
import { backupPlacementBlockers } from './backup-placement.js';
import { expandMediaPattern, selectVars } from './vars.js';

/** A pattern that only spells one name (`^name\.rpm$`, escapes aside): that name, else undefined. */
export function plainMediaName(pattern: string): string | undefined {
  // A named group around literal text (sharetask-client-(?<version>5\.2\.3\.1)\.zip) names nothing more.
  const ungrouped = pattern.replace(/\(\?<[A-Za-z_][A-Za-z0-9_]*>((?:[^()\\]|\\.)*)\)/g, '$1');
  const m = /^\^((?:[^\\.^$*+?()[\]{}|]|\\[-.^$*+?()[\]{}|\\/])+)\$$/.exec(ungrouped);
  return m?.[1]?.replace(/\\(.)/g, '$1');
}

/**
 * What the operator is told to put on the media: the pattern with its answers and vars filled in
 * as the media lookup fills them, and a plain file name when that is all the pattern spells.
 */
function wantedFile(pattern: string, answers: Answers, vars: Record<string, string>, lang: Lang): string {
  const expanded = expandMediaPattern(pattern, { answers, vars }) ?? pattern;
  const name = plainMediaName(expanded);
  return name === undefined ? t('plan.blocker.mediaMatching', { pattern: expanded }, lang) : name;
}

const shownValue = (v: string | string[]): string => (Array.isArray(v) ? v.join(',') : v).trim();

/**
 * Answers given (--set, an answers file, a choice on the screens) that this machine contradicts:
 * said beside the evidence, so that a file saved on another node or a slip of the finger is seen
 * before anything runs. Decisions (which procedure) and secrets are not compared.
 */
function differsFromDetected(def: Definition, answers: Answers, facts: Facts, lang: Lang, blockers: Blocker[], warnings: string[]): void {
  for (const d of Object.values(facts.detected)) {
    const q = def.questions.find((x) => x.id === d.question);
    const given = answers[d.question];
    if (q === undefined || given === undefined || q.decision === true || q.secret === true) continue;
    if (shownValue(given) === shownValue(d.value)) continue;
    // Said as the screens show the choices (MSCS(MSFC) 環境, not mscs); the fix keeps the value to type.
    const label = (v: string | string[]): string =>
      (Array.isArray(v) ? v : [v]).map((x) => q.choices?.find((c) => c.value === x.trim())?.label[lang] ?? x.trim()).join(', ');
    const p = { question: q.text[lang], id: q.id, answer: label(given), detected: label(d.value), evidence: d.evidence };
    const raw = { ...p, answer: shownValue(given), detected: shownValue(d.value) };
    if (q.mustMatchDetection === true) {
      blockers.push({ id: `differs-from-detected:${q.id}`, message: t('plan.blocker.differsFromDetected', p, lang), fix: t('plan.blocker.differsFromDetectedFix', raw, lang) });
    } else {
      warnings.push(t('plan.warn.differsFromDetected', p, lang));
    }
  }
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function genericBlockers(
  def: Definition,
  answers: Answers,
  facts: Facts,
  steps: PlannedStep[],
  lang: Lang,
): { blockers: Blocker[]; warnings: string[]; checked: string[] } {
  const blockers: Blocker[] = [];
  const warnings: string[] = [];

  if (!facts.isRoot) {
    if (facts.root !== '') warnings.push(t('plan.warn.notRootSandbox', { root: facts.root }, lang));
    else blockers.push({ id: 'not-root', message: t('plan.blocker.notRoot', {}, lang), fix: t('plan.blocker.notRootFix', {}, lang) });
  }

  differsFromDetected(def, answers, facts, lang, blockers, warnings);

  const vars = selectVars(def.vars, answers);
  // A --media that is not there is one blocker, not one missing package per media entry.
  const noMediaDir = mediaDirBlocker(facts.media, facts.mediaDirProblem, lang);
  if (noMediaDir) blockers.push(noMediaDir);
  for (const [key, media] of Object.entries(def.media)) {
    if (noMediaDir || !media.required || facts.mediaFiles[key] !== undefined) continue;
    if (media.when !== undefined && !evalCondition(media.when, answers)) continue;
    const title = media.title[lang];
    blockers.push(
      facts.media === undefined
        ? { id: `media-missing:${key}`, message: t('plan.blocker.mediaNone', { title }, lang), fix: t('plan.blocker.mediaNoneFix', { title }, lang) }
        : {
            id: `media-missing:${key}`,
            message: t('plan.blocker.mediaMissing', { title, dir: facts.media }, lang),
            fix: t('plan.blocker.mediaMissingFix', { file: wantedFile(media.pattern, answers, vars, lang), dir: facts.media }, lang),
          },
    );
  }

  const checks = mediaCheckBlockers(def, answers, facts, lang);
  blockers.push(...checks.blockers);
  warnings.push(...checks.warnings);

  blockers.push(...backupPlacementBlockers(def, answers, facts.root, steps, lang));

  const backups = steps.filter((s) => s.kind === 'backup');
  const space = facts.backupSpace;
  const firstBackup = backups[0];
  // Found here, not by the backup step once the services it needs stopped are stopped.
  if (firstBackup !== undefined && space !== undefined && !space.writable) {
    blockers.push({
      id: 'backup-not-writable',
      step: firstBackup.id,
      message: t('plan.blocker.backupNotWritable', { dir: space.destination, checked: space.checked }, lang),
      fix: t('plan.blocker.backupNotWritableFix', { checked: space.checked }, lang),
    });
  } else if (firstBackup !== undefined && space !== undefined && space.freeBytes < space.neededBytes) {
    blockers.push({
      id: 'disk-space',
      step: firstBackup.id,
      message: t('plan.blocker.diskSpace', { dir: space.destination, free: mib(space.freeBytes), needed: mib(space.neededBytes) }, lang),
      fix: t('plan.blocker.diskSpaceFix', { dir: space.destination, needed: mib(space.neededBytes) }, lang),
    });
  }

  // A service running now is fine when the plan stops it before the backup; otherwise the
  // archive would hold a live database (the vendor warns it may not restore).
  if (firstBackup !== undefined && facts.runningServices.length > 0) {
    const index = steps.indexOf(firstBackup);
    const stoppedBy = new Map<string, string>();
    for (const s of steps.slice(0, index)) {
      if (s.kind === 'service' && s.params.action === 'stop') stoppedBy.set(String(s.params.service), s.id);
    }
    const notStopped = facts.runningServices.filter((name) => !stoppedBy.has(name));
    const stopped = facts.runningServices.filter((name) => stoppedBy.has(name));
    if (stopped.length > 0) {
      warnings.push(t('plan.warn.willStop', { services: stopped.join(', '), steps: stopped.map((n) => stoppedBy.get(n)).join(', ') }, lang));
    }
    if (notStopped.length > 0) {
      blockers.push({
        id: 'services-running',
        step: firstBackup.id,
        message: t('plan.blocker.servicesRunning', { services: notStopped.join(', '), step: firstBackup.id }, lang),
        fix: t('plan.blocker.servicesRunningFix', { services: notStopped.join(', ') }, lang),
      });
    }
  }
  return { blockers, warnings, checked: checks.checked };
}
