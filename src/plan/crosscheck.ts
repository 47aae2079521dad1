// Checks of a definition that its zod schema cannot express: references between its parts,
// version ranges, choices, templates and regular expressions. Pure: no I/O.
import type { Condition } from '../model/condition.js';
import type { Definition, Question, Step } from '../model/definition.js';
import { parseRange } from '../versions/index.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import '../i18n/messages/kinds.js';
import { conditionLeaves, leafRefs, rangeForCheck } from './condition.js';
import { validateAnswer } from './questions.js';
import { placeholders, SECRET_FILE } from './template.js';

export type Path = (string | number)[];
export interface Issue {
  path: Path;
  message: string;
}

// Step fields that are not templates: ids, enums, regular expressions, conditions.
const NOT_TEMPLATES = new Set(['id', 'kind', 'restorePoint', 'section', 'action', 'ifMissing', 'mode', 'expectOutput', 'rejectOutput', 'expectEach', 'rejectEach', 'showLine', 'migrator', 'runsOn', 'when']);

/** Named groups of a regular expression's source, e.g. (?<version>...). */
export function namedGroups(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1] as string);
}

function compiles(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export function crossCheck(def: Definition, knownDetectors?: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const add = (path: Path, key: string, params: Record<string, string> = {}): void => {
    issues.push({ path, message: t(key, params) });
  };
  const questions = new Map<string, Question>();

  const unique = (items: { id: string }[], base: Path): void => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, i);
      else add([...base, i, 'id'], 'plan.check.duplicateId', { id: item.id, first: formatPath([...base, first]) });
    });
  };
  unique(def.questions, ['questions']);
  unique(def.steps, ['steps']);
  unique(def.restorePoints, ['restorePoints']);
  unique(def.blockers, ['blockers']);
  def.restorePoints.forEach((rp, i) => unique(rp.rollback, ['restorePoints', i, 'rollback']));

  const checkCondition = (cond: Condition, path: Path, known: ReadonlyMap<string, Question>): void => {
    for (const leaf of conditionLeaves(cond)) {
      const q = known.get(leaf.q);
      if (q === undefined) {
        const later = def.questions.some((x) => x.id === leaf.q);
        add(path, later ? 'plan.check.conditionLater' : 'plan.check.conditionUnknown', { q: leaf.q });
        continue;
      }
      const choices = q.type === 'yesno' ? ['yes', 'no'] : q.choices?.map((c) => c.value);
      const values = [leaf.eq, leaf.ne, ...(leaf.in ?? []), leaf.has].filter((v): v is string => v !== undefined);
      if (choices !== undefined) {
        for (const v of values) {
          if (!choices.includes(v)) add(path, 'plan.check.conditionChoice', { q: q.id, value: v, choices: choices.join(', ') });
        }
      }
      if (leaf.has !== undefined && q.type !== 'multi' && q.type !== 'list') add(path, 'plan.check.hasNotList', { q: q.id });
      if ((leaf.eq !== undefined || leaf.in !== undefined) && (q.type === 'multi' || q.type === 'list')) {
        add(path, 'plan.check.eqOnList', { q: q.id });
      }
      if (leaf.count !== undefined) {
        try {
          parseRange(leaf.count);
        } catch (error) {
          add(path, 'plan.check.badRange', { detail: (error as Error).message });
        }
      }
      if (leaf.version !== undefined) {
        if (q.type !== 'version') add(path, 'plan.check.versionNotVersion', { q: q.id });
        for (const ref of leafRefs(leaf)) {
          const r = known.get(ref);
          if (r === undefined) add(path, def.questions.some((x) => x.id === ref) ? 'plan.check.conditionLater' : 'plan.check.conditionUnknown', { q: ref });
          else if (r.type !== 'version') add(path, 'plan.check.versionNotVersion', { q: ref });
        }
        try {
          parseRange(rangeForCheck(leaf.version));
        } catch (error) {
          add(path, 'plan.check.badRange', { detail: (error as Error).message });
        }
      }
    }
  };

  def.questions.forEach((q, i) => {
    const at: Path = ['questions', i];
    // A question may only depend on earlier ones: they are asked in order.
    if (q.when !== undefined) checkCondition(q.when, [...at, 'when'], questions);
    questions.set(q.id, q);
    if ((q.type === 'choice' || q.type === 'multi') && q.choices === undefined) add([...at, 'type'], 'plan.check.choicesMissing', { q: q.id });
    if (q.pattern !== undefined) {
      const error = compiles(q.pattern);
      if (error !== undefined) add([...at, 'pattern'], 'plan.check.badPattern', { detail: error });
    }
    if (q.default !== undefined && (q.pattern === undefined || compiles(q.pattern) === undefined)) {
      const check = validateAnswer(q, q.default);
      if (!check.ok) add([...at, 'default'], 'plan.check.badDefault', { detail: check.error });
    }
    if (q.detect !== undefined && knownDetectors !== undefined && !knownDetectors.has(q.detect)) {
      add([...at, 'detect'], 'plan.check.unknownDetector', { detect: q.detect, known: [...knownDetectors].sort().join(', ') });
    }
  });

  const mediaGroups = new Map<string, string[]>();
  for (const [key, media] of Object.entries(def.media)) {
    const error = compiles(media.pattern);
    if (error !== undefined) add(['media', key, 'pattern'], 'plan.check.badPattern', { detail: error });
    mediaGroups.set(key, namedGroups(media.pattern));
    if (media.when !== undefined) checkCondition(media.when, ['media', key, 'when'], questions);
    if (media.unusedWhen !== undefined) checkCondition(media.unusedWhen.when, ['media', key, 'unusedWhen', 'when'], questions);
  }

  const checkTemplate = (text: string, path: Path, allowCandidate: boolean): void => {
    for (const p of placeholders(text)) {
      if (p.kind === 'answer' && !questions.has(p.id)) add(path, 'plan.check.unknownAnswer', { placeholder: p.text });
      if (p.kind === 'answer' && questions.get(p.id)?.secret === true) add(path, 'plan.check.secretInline', { placeholder: p.text, id: p.id });
      if (p.kind === 'var' && !(p.name in def.vars)) add(path, 'plan.check.unknownVar', { placeholder: p.text });
      const secret = p.kind === 'literal' ? SECRET_FILE.exec(p.name)?.[1] : undefined;
      if (secret !== undefined) {
        if (questions.get(secret)?.secret !== true) add(path, 'plan.check.secretFile', { placeholder: p.text });
      } else if (p.kind === 'literal' && !allowCandidate) add(path, 'plan.check.candidateOnly', { placeholder: p.text });
      if (p.kind === 'bad') add(path, 'plan.check.badPlaceholder', { placeholder: p.text });
      if (p.kind === 'media') {
        const groups = mediaGroups.get(p.key);
        if (groups === undefined) add(path, 'plan.check.unknownMedia', { placeholder: p.text });
        else if (p.group !== undefined && !groups.includes(p.group)) {
          add(path, 'plan.check.unknownGroup', { placeholder: p.text, groups: groups.join(', ') || '-' });
        }
      }
    }
  };
  const walk = (value: unknown, path: Path): void => {
    if (typeof value === 'string') checkTemplate(value, path, path.includes('validate'));
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (!NOT_TEMPLATES.has(k)) walk(v, [...path, k]);
    }
  };
  for (const [name, value] of Object.entries(def.vars)) {
    if (typeof value === 'string') checkTemplate(value, ['vars', name], false);
    else {
      value.forEach((c, i) => {
        checkTemplate(c.value, ['vars', name, i, 'value'], false);
        if (c.when !== undefined) checkCondition(c.when, ['vars', name, i, 'when'], questions);
      });
    }
  }
  // A media pattern may name answers and vars ({arch}, {var:rpm_arch}); other braces are regex syntax.
  for (const [key, media] of Object.entries(def.media)) {
    for (const p of placeholders(media.pattern)) {
      if (p.kind === 'answer' && !questions.has(p.id)) add(['media', key, 'pattern'], 'plan.check.unknownAnswer', { placeholder: p.text });
      if (p.kind === 'var' && !(p.name in def.vars)) add(['media', key, 'pattern'], 'plan.check.unknownVar', { placeholder: p.text });
    }
  }

  const pointIds = new Set(def.restorePoints.map((rp) => rp.id));
  const checkStep = (step: Step, at: Path): void => {
    if (step.when !== undefined) checkCondition(step.when, [...at, 'when'], questions);
    if (step.forEach !== undefined && !['list', 'multi'].includes(questions.get(step.forEach)?.type ?? '')) {
      add([...at, 'forEach'], 'plan.check.forEachNotList', { q: step.forEach });
    }
    if (step.restorePoint !== undefined && !pointIds.has(step.restorePoint)) {
      add([...at, 'restorePoint'], 'plan.check.unknownRestorePoint', { id: step.restorePoint });
    }
    walk(step, at);
    const probeOutput = step.kind === 'command' ? step.skipWhen?.expectOutput : undefined;
    const probeError = probeOutput === undefined ? undefined : compiles(probeOutput);
    if (probeError !== undefined) add([...at, 'skipWhen', 'expectOutput'], 'plan.check.badPattern', { detail: probeError });
    if (step.kind === 'verify') {
      for (const key of ['expectOutput', 'rejectOutput', 'showLine'] as const) {
        const pattern = step.verify[key];
        const error = pattern === undefined ? undefined : compiles(pattern);
        if (error !== undefined) add([...at, 'verify', key], 'plan.check.badPattern', { detail: error });
      }
      for (const key of ['expectEach', 'rejectEach'] as const) {
        (step.verify[key] ?? []).forEach((pattern, j) => {
          const error = compiles(pattern);
          if (error !== undefined) add([...at, 'verify', key, j], 'plan.check.badPattern', { detail: error });
        });
      }
    }
  };
  def.steps.forEach((step, i) => checkStep(step, ['steps', i]));
  def.restorePoints.forEach((rp, i) => {
    walk({ title: rp.title, explain: rp.explain }, ['restorePoints', i]);
    rp.rollback.forEach((step, j) => checkStep(step, ['restorePoints', i, 'rollback', j]));
  });
  def.blockers.forEach((b, i) => {
    checkCondition(b.when, ['blockers', i, 'when'], questions);
    walk({ message: b.message, fix: b.fix }, ['blockers', i]);
  });
  def.next.forEach((n, i) => {
    if (n.when !== undefined) checkCondition(n.when, ['next', i, 'when'], questions);
    walk({ text: n.text }, ['next', i]);
  });
  if (def.windows !== undefined) checkCondition(def.windows, ['windows'], questions);
  return issues;
}

/** steps[3].commands[0], media.server.pattern */
export function formatPath(path: Path): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out === '' ? part : `${out}.${part}`), '');
}
