// Evaluation of definition conditions against answers. Pure: no I/O.
import type { Condition } from '../model/condition.js';
import type { Answers } from '../model/definition.js';
import { satisfies } from '../versions/index.js';

export type Leaf = Extract<Condition, { q: string }>;

function isLeaf(cond: Condition): cond is Leaf {
  return 'q' in cond;
}

/** Every leaf of a condition, for load-time checks and for knowing what it depends on. */
export function conditionLeaves(cond: Condition): Leaf[] {
  if (isLeaf(cond)) return [cond];
  if ('all' in cond) return cond.all.flatMap(conditionLeaves);
  if ('any' in cond) return cond.any.flatMap(conditionLeaves);
  return conditionLeaves(cond.not);
}

function leafHolds(leaf: Leaf, value: string | string[] | undefined): boolean {
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
    try {
      return satisfies(value, leaf.version);
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
  if (isLeaf(cond)) return leafHolds(cond, answers[cond.q]);
  if ('all' in cond) return cond.all.every((c) => evalCondition(c, answers));
  if ('any' in cond) return cond.any.some((c) => evalCondition(c, answers));
  return !evalCondition(cond.not, answers);
}

/**
 * Three-valued evaluation while questions are still being answered: undefined when the
 * result depends on a question in `pending` (askable but not answered yet).
 */
export function conditionState(cond: Condition, answers: Answers, pending: ReadonlySet<string>): boolean | undefined {
  if (isLeaf(cond)) return pending.has(cond.q) ? undefined : leafHolds(cond, answers[cond.q]);
  if ('not' in cond) {
    const inner = conditionState(cond.not, answers, pending);
    return inner === undefined ? undefined : !inner;
  }
  const parts = ('all' in cond ? cond.all : cond.any).map((c) => conditionState(c, answers, pending));
  const decisive = 'all' in cond ? false : true;
  if (parts.includes(decisive)) return decisive;
  return parts.includes(undefined) ? undefined : !decisive;
}
