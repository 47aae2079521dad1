// Facts about the machine before planning: detections with evidence, media, privileges,
// services, free space. Reads only; the plan is built from these facts by pure code.
import { dirname, resolve } from 'node:path';
import type { Answers, Definition } from '../model/definition.js';
import type { Detection, Facts } from '../model/facts.js';
import { conditionState, evalCondition } from '../plan/condition.js';
import { withDefaults } from '../plan/questions.js';
import { resolveTemplate } from '../plan/template.js';
import { patternHasPlaceholders, selectVars } from '../plan/vars.js';
import { checkMediaFiles } from './checksums.js';
import { inspectedFiles } from './inspect.js';
import { mediaDirProblem, scanMedia } from './media.js';
import { priorRuns } from './prior-runs.js';
import { runningServices } from './parse.js';
import { DETECTORS } from './registry.js';
import { freeBytes, isRootUser, onPath, processNames, realPathUnder, treeBytes } from './system.js';

export interface GatherOptions {
  root?: string;
  media?: string;
  answers?: Answers;
  /** The log dir of runs: its finished runs of the product become Facts.priorRuns. */
  logDir?: string;
}

/** "" for the real machine, else the absolute sandbox directory without a trailing slash. */
export function normalizeRoot(root: string | undefined): string {
  if (root === undefined || root === '' || root === '/') return '';
  return resolve(root);
}

/** Runs the detectors the definition's questions name, in question order; given answers win. */
export async function detectFor(def: Definition, options: GatherOptions = {}): Promise<Detection[]> {
  const root = normalizeRoot(options.root);
  const media = options.media === undefined ? undefined : resolve(options.media);
  const mediaFiles = media === undefined ? {} : (await scanMedia(def, media)).files;
  const known: Answers = { ...(options.answers ?? {}) };
  const found: Detection[] = [];
  const open = new Set(def.questions.map((q) => q.id).filter((id) => known[id] === undefined));
  for (const q of def.questions) {
    const detector = q.detect === undefined ? undefined : DETECTORS[q.detect];
    // A question that will not be asked (the server's licence on an agent) has nothing to show.
    if (detector === undefined || (q.when !== undefined && conditionState(q.when, known, open) === false)) continue;
    const proposal = await detector({ root, media, mediaFiles, answers: known });
    if (proposal === null) continue;
    found.push({ question: q.id, ...proposal });
    if (known[q.id] === undefined) {
      known[q.id] = proposal.value;
      open.delete(q.id);
    }
  }
  return found;
}

/** What `detect` prints: the detections of every definition given (all products by default). */
export async function detectAll(root: string, options: { media?: string; definitions?: Definition[] } = {}): Promise<Detection[]> {
  // Loaded lazily: the loader depends on the detector registry for its own checks.
  const defs = options.definitions ?? (await import('../plan/load.js')).loadDefinitions();
  const all: Detection[] = [];
  for (const def of defs) all.push(...(await detectFor(def, { root, media: options.media })));
  return all;
}

/** Services that the definition stops before its first backup (the ones worth checking). */
function servicesStoppedBeforeBackup(def: Definition, answers: Answers, root: string): string[] {
  const names: string[] = [];
  for (const step of def.steps) {
    if (step.kind === 'backup') break;
    if (step.kind !== 'service' || step.action !== 'stop') continue;
    try {
      names.push(resolveTemplate(step.service, { root, answers, mediaFiles: {}, vars: selectVars(def.vars, answers) }));
    } catch {
      // a service named from an answer not given yet: nothing to check for it
    }
  }
  return names;
}

async function backupSpace(def: Definition, answers: Answers, root: string, mediaFiles: Facts['mediaFiles']): Promise<Facts['backupSpace']> {
  const step = def.steps.find((s) => s.kind === 'backup' && (s.when === undefined || evalCondition(s.when, answers)));
  if (step === undefined || step.kind !== 'backup') return undefined;
  let source: string;
  let archive: string;
  try {
    const ctx = { root, answers, mediaFiles, vars: selectVars(def.vars, answers) };
    source = resolveTemplate(step.source, ctx);
    archive = resolveTemplate(step.archive, ctx);
  } catch {
    return undefined;
  }
  // The archive holds the real tree, not the link: measure what tar will read.
  const real = await realPathUnder(root, root === '' ? source : source.slice(root.length));
  if (real === null) return undefined;
  const free = await freeBytes(dirname(archive));
  if (free === null) return undefined;
  return { freeBytes: free.bytes, neededBytes: await treeBytes(root + real), destination: dirname(archive), checked: free.checked, writable: free.writable };
}

/** Everything the planner needs to know about this machine, the sandbox root and the media. */
export async function gatherFacts(def: Definition, options: GatherOptions = {}): Promise<Facts> {
  const root = normalizeRoot(options.root);
  const media = options.media === undefined ? undefined : resolve(options.media);
  let mediaFiles = media === undefined ? {} : (await scanMedia(def, media, options.answers)).files;
  const detections = await detectFor(def, { ...options, root, media });
  const detected: Record<string, Detection> = {};
  const answers: Answers = {};
  for (const d of detections) {
    detected[d.question] = d;
    answers[d.question] = d.value;
  }
  const effective = withDefaults(def, { ...answers, ...(options.answers ?? {}) });
  // Patterns naming answers ({arch}, {var:...}) are matched again once detections filled them in.
  if (media !== undefined && Object.values(def.media).some((m) => patternHasPlaceholders(m.pattern))) {
    mediaFiles = (await scanMedia(def, media, effective)).files;
  }
  // Only the packages this plan would use are read (a CD is slow); damaged ones become blockers.
  const used = Object.entries(mediaFiles).filter(([key]) => {
    const when = def.media[key]?.when;
    return when === undefined || evalCondition(when, effective);
  });
  const services = servicesStoppedBeforeBackup(def, effective, root);
  // Independent of each other: looked at together, so the wait is the longest of them, not the sum.
  const [mediaChecks, dirProblem, hasServiceCommand, space, processes, prior, files] = await Promise.all([
    media === undefined ? undefined : checkMediaFiles(media, Object.fromEntries(used)),
    media === undefined ? undefined : mediaDirProblem(media),
    onPath('service'),
    backupSpace(def, effective, root, mediaFiles),
    processNames(root),
    options.logDir === undefined ? undefined : priorRuns(options.logDir, def.id),
    inspectedFiles(def, effective, root, mediaFiles),
  ]);
  return {
    root,
    ...(media === undefined ? {} : { media }),
    mediaFiles,
    isRoot: isRootUser(),
    hasServiceCommand,
    backupSpace: space,
    runningServices: runningServices(services, processes),
    detected,
    ...(prior === undefined ? {} : { priorRuns: prior }),
    files,
    ...(mediaChecks === undefined ? {} : { mediaChecks }),
    ...(dirProblem === undefined ? {} : { mediaDirProblem: dirProblem }),
  };
}
