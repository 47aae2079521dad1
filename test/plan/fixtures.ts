// Shared inputs of the plan tests: the real ShareTask definition and hand-made facts.
import { join } from 'node:path';
import type { Answers, Definition } from '../../src/model/definition.js';
import type { Facts, MediaFile } from '../../src/model/facts.js';
import type { Plan, PlannedStep } from '../../src/model/plan.js';
import { buildPlan } from '../../src/plan/build.js';
import { definitionsDir, loadDefinition } from '../../src/plan/load.js';

let cached: Definition | undefined;
export const sharetask = (): Definition => (cached ??= loadDefinition(join(definitionsDir(), 'sharetask.yaml')));

const file = (name: string, groups: Record<string, string>): MediaFile => ({ path: `/cd/${name}`, name, groups });

export const CD: Record<string, MediaFile> = {
  server: file('sharetask_server-5.5.1-2.tar.gz', { version: '5.5.1-2' }),
  custom: file('custom_NAB_20120401.tar.gz', { uid: 'NAB', date: '20120401' }),
  license: file('License_U0001_20131231_100.tar.gz', { userid: 'U0001', expire: '20131231', jobs: '100' }),
  client: file('sharetask-client-5.2.3.1.zip', { version: '5.2.3.1' }),
  // The same file as the package of `to` (5.2.3.1 in CLIENT): what a scan with the answers finds.
  client_new: file('sharetask-client-5.2.3.1.zip', { version: '5.2.3.1' }),
};

export function facts(over: Partial<Facts> = {}): Facts {
  return { root: '/sbx', media: '/cd', mediaFiles: CD, isRoot: true, hasServiceCommand: true, runningServices: [], detected: {}, ...over };
}

export const SERVER: Answers = {
  component: 'server',
  platform: 'linux',
  from: '5.4.3',
  to: '5.5.1-2',
  daemons: ['sharetaskd', 'stlogd'],
  custom: 'no',
  license: 'yes',
};

export const CLIENT: Answers = { platform: 'linux', from: '5.2.1.0', to: '5.2.3.1' };

export function plan(answers: Answers, f: Partial<Facts> = {}, lang: 'ja' | 'en' = 'en', def: Definition = sharetask()): Plan {
  return buildPlan(def, answers, facts(f), lang);
}

export const ids = (p: Plan): string[] => p.steps.map((s) => s.id);

export function step(p: Plan, id: string): PlannedStep {
  const found = p.steps.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no step ${id} in ${ids(p).join(', ')}`);
  return found;
}
