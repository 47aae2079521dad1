// Evaluation of definition conditions against answers. Pure: no I/O.
import type { Condition } from '../model/condition.js';
import type { Answers } from '../model/definition.js';
import { satisfies } from '../versions/index.js';

export type Leaf = Extract<Condition, { q: string }>;

function isLeaf(cond: Condition): cond is Leaf {
  return 'q' in cond;
}

const REF = /\{([a-z][a-z0-9_-]*)\}/g;

/** The answers a leaf's version range names as operands ("{to}"). */
export function leafRefs(leaf: Leaf): string[] {
  return leaf.version === undefined ? [] : [...leaf.version.matchAll(REF)].map((m) => m[1] as string);
}

/** The range with the answers it names put in; undefined while one is unanswered or a list. */
function resolvedRange(range: string, answers: Answers): string | undefined {
  let missing = false;
  const text = range.replace(REF, (_m, id: string) => {
    const v = answers[id];
    if (typeof v !== 'string' || v === '') missing = true;
    return typeof v === 'string' ? v : '';
  });
  return missing ? undefined : text;
}

/** For load-time checks: the range's syntax, the names of answers stood in by a literal of it. */
export function rangeForCheck(range: string): string {
  const literal = range.replace(REF, ' ').match(/[0-9A-Za-z][0-9A-Za-z.-]*/)?.[0] ?? '1';
  return range.replace(REF, literal);
}

/** Every leaf of a condition, for load-time checks and for knowing what it depends on. */
export function conditionLeaves(cond: Condition): Leaf[] {
  if (isLeaf(cond)) return [cond];
  if ('all' in cond) return cond.all.flatMap(conditionLeaves);
  if ('any' in cond) return cond.any.flatMap(conditionLeaves);
  return conditionLeaves(cond.not);
}

function leafHolds(leaf: Leaf, value: string | string[] | undefined, answers: Answers): boolean {
  const present = value !== undefined && (Array.isArray(value) ? value.length > 0 : value !== '');
  if (leaf.set !== undefined) return leaf.set === present;
  if (value === undefined) return false;
  if (leaf.count !== undefined) {
    const items = Array.isArray(value) ? value : value.split(',').filter((v) => v.trim() !== '');
    try {
      return satisfies(String(items.length), leaf.count);
    } catch {
      return false;
    }
  }
  if (leaf.has !== undefined) return Array.isArray(value) ? value.includes(leaf.has) : value === leaf.has;
  // The remaining tests compare one value; a list answer never equals a single value.
  if (Array.isArray(value)) return leaf.ne !== undefined;
  if (leaf.eq !== undefined) return value === leaf.eq;
  if (leaf.ne !== undefined) return value !== leaf.ne;
  if (leaf.in !== undefined) return leaf.in.includes(value);
  if (leaf.version !== undefined) {
    const range = resolvedRange(leaf.version, answers);
    if (range === undefined) return false;
    try {
      return satisfies(value, range);
    } catch {
      // An answer that is not a version of the range's form cannot lie in the range.
      return false;
    }
  }
  return false;
}

/**
 * True when the condition holds. An answer that is absent (its question was not asked) makes
 * every test on it false except `set: false`; `not` is plain negation.
 */
export function evalCondition(cond: Condition, answers: Answers): boolean {
  if (isLeaf(cond)) return leafHolds(cond, answers[cond.q], answers);
  if ('all' in cond) return cond.all.every((c) => evalCondition(c, answers));
  if ('any' in cond) return cond.any.some((c) => evalCondition(c, answers));
  return !evalCondition(cond.not, answers);
}

/**
 * Three-valued evaluation while questions are still being answered: undefined when the
 * result depends on a question in `pending` (askable but not answered yet).
 */
export function conditionState(cond: Condition, answers: Answers, pending: ReadonlySet<string>): boolean | undefined {
  if (isLeaf(cond)) return pending.has(cond.q) || leafRefs(cond).some((id) => pending.has(id)) ? undefined : leafHolds(cond, answers[cond.q], answers);
  if ('not' in cond) {
    const inner = conditionState(cond.not, answers, pending);
    return inner === undefined ? undefined : !inner;
  }
  const parts = ('all' in cond ? cond.all : cond.any).map((c) => conditionState(c, answers, pending));
  const decisive = 'all' in cond ? false : true;
  if (parts.includes(decisive)) return decisive;
  return parts.includes(undefined) ? undefined : !decisive;
}
