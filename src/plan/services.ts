// ensure-services at plan time: the entries that apply (their `when`), and blockers for every
// entry that collides with a line of the services file as it is now (facts.files). Pure.
import type { Answers } from '../model/definition.js';
import type { Facts } from '../model/facts.js';
import type { Blocker, PlannedStep } from '../model/plan.js';
import { checkServices, formatEntry, type ServiceCheck, type ServiceEntry } from '../migrate/services-file.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/kinds.js';
import { evalCondition } from './condition.js';
import type { Lang } from './steps.js';
import type { Condition } from '../model/condition.js';

export function applicableEntries(entries: readonly (ServiceEntry & { when?: Condition })[], answers: Answers): ServiceEntry[] {
  return entries.filter((e) => e.when === undefined || evalCondition(e.when, answers)).map(({ name, port, protocol }) => ({ name, port, protocol }));
}

/** One line per collision, naming the line of the file (plan blockers and run failures alike). */
export function conflictText(file: string, c: ServiceCheck, lang?: Lang): string | undefined {
  if (c.status !== 'port-conflict' && c.status !== 'name-conflict') return undefined;
  const params = { file, line: c.at.line, text: c.at.text.trim(), want: formatEntry(c.entry).replace('\t', ' ') };
  return lang === undefined ? t(`kinds.services.${c.status}`, params) : t(`kinds.services.${c.status}`, params, lang);
}

export function servicesBlockers(steps: readonly PlannedStep[], facts: Facts, lang: Lang): Blocker[] {
  const blockers: Blocker[] = [];
  for (const step of steps) {
    if (step.kind !== 'ensure-services') continue;
    const file = String(step.params.file);
    const text = facts.files?.[file];
    if (text === undefined) continue; // not inspected (e.g. plan without facts): the step checks again
    if (text === null) {
      blockers.push({ id: `services-unreadable:${step.id}`, step: step.id, message: t('kinds.services.noFileBlocker', { file }, lang), fix: t('kinds.services.noFileFix', {}, lang) });
      continue;
    }
    for (const c of checkServices(text, step.params.entries as ServiceEntry[])) {
      const message = conflictText(file, c, lang);
      if (message === undefined) continue;
      blockers.push({ id: `services-${c.status}:${c.entry.name}`, step: step.id, message, fix: t('kinds.services.conflictFix', {}, lang) });
    }
  }
  return blockers;
}

/** Entries already in the file, for the plan to show: "imap 143/tcp (line 12)". */
export function presentEntries(text: string | null | undefined, entries: ServiceEntry[]): string[] {
  if (text === undefined || text === null) return [];
  return checkServices(text, entries).flatMap((c) => (c.status === 'present' ? [`${formatEntry(c.entry).replace('\t', ' ')} (${c.at.line})`] : []));
}
