// The files a plan inspects before anything runs: the services file of each ensure-services
// step that applies, read as bytes (latin1) so the planner can name colliding lines. Reads only.
import { readFile } from '../io/fs-async.js';
import type { Answers, Definition } from '../model/definition.js';
import type { MediaFile } from '../model/facts.js';
import { evalCondition } from '../plan/condition.js';
import { resolveTemplate } from '../plan/template.js';
import { selectVars } from '../plan/vars.js';

export async function inspectedFiles(
  def: Definition,
  answers: Answers,
  root: string,
  mediaFiles: Record<string, MediaFile>,
): Promise<Record<string, string | null>> {
  const files: Record<string, string | null> = {};
  const vars = selectVars(def.vars, answers);
  for (const step of def.steps) {
    if (step.kind !== 'ensure-services' || (step.when !== undefined && !evalCondition(step.when, answers))) continue;
    let path: string;
    try {
      path = resolveTemplate(step.file, { root, answers, mediaFiles, vars });
    } catch {
      continue; // an answer it needs is not given yet: nothing to inspect
    }
    files[path] = await readFile(path).then(
      (b) => b.toString('latin1'),
      () => null,
    );
  }
  return files;
}
