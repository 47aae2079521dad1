// compare: shows the operator how an old configuration differs from the new one (e.g. the
// backup.TIMESTAMP that an installer made against the files it wrote), in the diff view, so
// that every customisation to apply again is seen. Nothing is written; the findings go to the
// log and the report, and the operator confirms having read them.
import { t } from '../../i18n/index.js';
import '../../i18n/messages/kinds.js';
import type { PlannedStep } from '../../model/plan.js';
import { compareTrees, newestMatch, type TreeDifference } from '../compare-trees.js';
import { now, output, record, StepFailure, type StepHandler } from '../context.js';
import { str, strList } from '../params.js';

function finding(d: TreeDifference): string {
  return t(`kinds.compare.${d.kind}`, { path: d.path });
}

function rels(step: PlannedStep): string[] {
  const paths = strList(step, 'paths');
  return paths.length === 0 ? [''] : paths;
}

export const compare: StepHandler = {
  async run(step, ctx) {
    const pattern = str(step, 'old');
    const newer = str(step, 'new');
    const old = await newestMatch(pattern);
    if (old === undefined) throw new StepFailure(t('kinds.compare.noOld', { pattern }));
    output(ctx, step, t('kinds.compare.comparing', { old, new: newer }));
    const diffs = await compareTrees(old, newer, rels(step));
    if (diffs.length === 0) {
      const detail = t('kinds.compare.same', { old, new: newer });
      output(ctx, step, detail);
      return { status: 'done', detail };
    }
    const findings = diffs.map((d) => ctx.redact.text(finding(d)));
    for (const f of findings) output(ctx, step, f);
    const diff = ctx.redact.text(diffs.map((d) => d.diff ?? '').filter((x) => x !== '').join('\n'));
    const ok = await ctx.interaction.reviewDiff(step, { file: old, diff, findings, readOnly: true });
    if (!ok) return { status: 'skipped', stopRun: 'declined', detail: t('kinds.compare.declined', { old }) };
    record(ctx, { type: 'confirm', time: now(), step: step.id, by: ctx.confirmedBy, item: t('kinds.compare.reviewed', { old, count: diffs.length }) });
    const detail = t('kinds.compare.done', { old, new: newer, count: diffs.length, files: diffs.map((d) => d.path).join(', ') });
    return { status: 'done', detail };
  },
  // Reading twice changes nothing.
  repeatable: true,
  describe(step) {
    return [t('kinds.compare.describe', { old: str(step, 'old'), new: str(step, 'new') }), ...strList(step, 'paths').map((p) => `  ${p}`)];
  },
};
