// Blockers, warnings and the all-clear from the checksums of the media packages (facts.mediaChecks,
// gathered by src/detect/checksums.ts). Pure: a damaged or unlisted package refuses the plan before
// it is used; a verified one is said, as evidence for the change record. Also a package on the
// media that the answers leave out (a media entry's unusedWhen), said so that it is not a surprise.
import { basename, dirname } from 'node:path';
import { pathInside } from '../io/paths.js';
import type { Answers, Definition } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import type { Blocker } from '../model/plan.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/media.js';
import { evalCondition } from './condition.js';
import type { Lang } from './steps.js';

export function mediaCheckBlockers(def: Definition, answers: Answers, facts: Facts, lang: Lang): { blockers: Blocker[]; warnings: string[]; checked: string[] } {
  const blockers: Blocker[] = [];
  const unverified: string[] = [];
  const verified: string[] = [];
  const lists = new Set<string>();
  for (const [key, check] of Object.entries(facts.mediaChecks ?? {})) {
    const media = def.media[key];
    if (media === undefined || (media.when !== undefined && !evalCondition(media.when, answers))) continue;
    const list = check.list ?? '';
    const p = { file: check.file, list, listName: basename(list), dir: dirname(list), expected: check.expected ?? '', actual: check.actual ?? '', detail: check.detail ?? '' };
    if (check.status === 'mismatch' || check.status === 'unreadable') {
      blockers.push({ id: `media-checksum:${key}`, message: t(`media.checksum.${check.status}`, p, lang), fix: t(`media.checksum.${check.status}Fix`, p, lang) });
    } else if (check.status === 'unlisted' && check.list === undefined) {
      // Only other packages have a NAME.sha256 beside them: none of those is this one's list.
      const q = { file: check.file, others: besideLists(facts).join(', '), dir: dirname(check.file), name: basename(check.file) };
      blockers.push({ id: `media-unlisted:${key}`, message: t('media.checksum.noChecksum', q, lang), fix: t('media.checksum.noChecksumFix', q, lang) });
    } else if (check.status === 'unlisted') {
      blockers.push({ id: `media-unlisted:${key}`, message: t('media.checksum.unlisted', p, lang), fix: t('media.checksum.unlistedFix', p, lang) });
    } else if (check.status === 'unverified') {
      unverified.push(check.file);
    } else {
      verified.push(onMedia(check.file, facts.media));
      lists.add(list);
    }
  }
  const warnings = unverified.length === 0 ? [] : [t('media.checksum.unverified', { files: unverified.join(', ') }, lang)];
  warnings.push(...unusedMediaWarnings(def, answers, facts, lang), ...severalMediaWarnings(def, answers, facts, lang));
  const checked = verified.length === 0 ? [] : [t('media.checksum.verified', { files: verified.join(', '), lists: [...lists].join(', ') }, lang)];
  return { blockers, warnings, checked };
}

/**
 * A package found on the media that the answers say is not this server's (ShareTask's custom part
 * with custom=no): a warning, not a blocker, as it may be meant for another server. Every such
 * package is named (a CD for several servers has one for each).
 */
function unusedMediaWarnings(def: Definition, answers: Answers, facts: Facts, lang: Lang): string[] {
  const out: string[] = [];
  for (const [key, media] of Object.entries(def.media)) {
    const file = facts.mediaFiles[key];
    if (file === undefined || media.unusedWhen === undefined || !evalCondition(media.unusedWhen.when, answers)) continue;
    // A package the plan uses after all is not left out, whatever else holds.
    if (media.when !== undefined && evalCondition(media.when, answers)) continue;
    const files = [...(file.others ?? []), file.path].map((f) => onMedia(f, facts.media));
    const words = { file: files.join(', '), title: media.title[lang], reason: media.unusedWhen.reason[lang] };
    out.push(t(files.length === 1 ? 'media.unused' : 'media.unusedSeveral', words, lang));
  }
  return out;
}

/**
 * A package the plan uses, where more than one file on the media matches: the plan names the one
 * it takes and the others, so that an operator who meant another (a custom part of another date)
 * sees it before the run, not in the report.
 */
function severalMediaWarnings(def: Definition, answers: Answers, facts: Facts, lang: Lang): string[] {
  const out: string[] = [];
  for (const [key, file] of Object.entries(facts.mediaFiles)) {
    const media = def.media[key];
    if (media === undefined || file.others === undefined || media.required === false) continue;
    if (media.when !== undefined && !evalCondition(media.when, answers)) continue;
    const words = { file: onMedia(file.path, facts.media), others: file.others.map((f) => onMedia(f, facts.media)).join(', '), title: media.title[lang] };
    out.push(t('media.several', words, lang));
  }
  return out;
}

/** The packages with a NAME.sha256 of their own, as the operator sees them on the CD. */
function besideLists(facts: Facts): string[] {
  return Object.values(facts.mediaChecks ?? {})
    .filter((c) => c.list !== undefined && c.list === `${c.file}.sha256`)
    .map((c) => onMedia(c.file, facts.media));
}

/**
 * The one blocker for a --media directory that is not there (a mistyped mount point, a CD not
 * mounted): said once, in place of one missing package per media entry (blockers.ts).
 */
export function mediaDirBlocker(dir: string | undefined, problem: 'missing' | 'notDirectory' | undefined, lang: Lang): Blocker | undefined {
  if (dir === undefined || problem === undefined) return undefined;
  const key = problem === 'missing' ? 'media.dir.missing' : 'media.dir.notDirectory';
  return { id: 'media-dir', message: t(key, { dir }, lang), fix: t(`${key}Fix`, { dir }, lang) };
}

/** A package's path as the operator sees it on the CD: relative to the media directory. */
function onMedia(file: string, media: string | undefined): string {
  if (media === undefined) return file;
  const rel = pathInside(media, file);
  return rel === undefined || rel === '' ? file : rel;
}
