// How far a run (or a rollback) is, in one wording on every screen: a skipped step has ended
// like a done one and counts with it, and the count says how many of them were skipped; the
// header, the rollback's line and the offer to resume disagreed about skips before.
import { t } from './i18n.js';

export interface StepCount {
  /** Steps ended done or skipped. */
  ended: number;
  /** Of them, the skipped ones. */
  skipped: number;
  total: number;
}

/** "16 of 26 ended (2 skipped)", or "14 of 26 done" when none was skipped. */
export function countText({ ended, skipped, total }: StepCount): string {
  return skipped > 0 ? t('ui.count.ended', { count: ended, total, skipped }) : t('ui.count.done', { count: ended, total });
}

/** Counts the steps of a list as countText does. */
export function countOf(steps: readonly { status: string }[], total: number): StepCount {
  const skipped = steps.filter((s) => s.status === 'skipped').length;
  return { ended: steps.filter((s) => s.status === 'done').length + skipped, skipped, total };
}
