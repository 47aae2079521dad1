// Which restore point covers a step: shared by the executor (what a failure may roll back to),
// the summaries (the way back they print) and the runbooks (the point beside each step).
import type { PlannedStep } from '../model/plan.js';

/** The restore point in force at a step: its own, else the latest one before it. */
export function restorePointAt(steps: PlannedStep[], index: number): string | undefined {
  for (let i = index; i >= 0; i--) {
    const id = steps[i]?.restorePoint;
    if (id) return id;
  }
  return undefined;
}
