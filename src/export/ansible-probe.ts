// A command step's probe (skipWhen) as Ansible tasks: the check runs as its own task (reading
// only, so never a change, and also under --check), registered; the step's tasks then run only
// when it did not pass, as the wizard runs the commands only then. Pure: plain data.
import type { PlannedStep } from '../model/plan.js';
import type { PlannedProbe } from '../plan/probe.js';
import { commandTask, jstr, reg, whenList, type Task, type TaskContext } from './ansible-task-basics.js';

/**
 * The probe's task and the condition under which the step's own tasks run. A probe that could
 * not start has no rc or output: the defaults make it "not passed", as in the wizard.
 */
export function probeTasks(ctx: TaskContext, step: PlannedStep, probe: PlannedProbe): { task: Task; unlessPassed: string } {
  const r = reg(step, 'probe');
  const out = `((${r}.stdout | default('')) + (${r}.stderr | default('')))`;
  const conds = [`(${r}.rc | default(-1)) == ${probe.expectExit ?? 0}`, ...(probe.expectOutput === undefined ? [] : [`${out} is search(${jstr(probe.expectOutput)}, multiline=True)`])];
  // Its failure is an answer ("not so yet"), never the step's: no ignore_errors, failed_when: false.
  const { ignore_errors: _ignored, ...task } = commandTask(ctx, step, probe.argv, { register: r, changed_when: false, failed_when: false, check_mode: false }, `check: ${probe.argv.join(' ')}`);
  return { task, unlessPassed: `not (${conds.map((c) => `(${c})`).join(' and ')})` };
}

/** The step's tasks, each run only when the probe did not pass. */
export function unlessProbePassed(tasks: Task[], unlessPassed: string): Task[] {
  return tasks.map((task) => ({ ...task, when: [...whenList(task.when), unlessPassed] }));
}
