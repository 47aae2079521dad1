// One definition step -> one PlannedStep: templates resolved, texts in the run's language,
// and every process the step will run spelled out as argv. Pure: no I/O.
import type { Definition, ProbeSpec, Step } from '../model/definition.js';
import type { PlannedStep } from '../model/plan.js';
import type { Text } from '../model/text.js';
import type { PlannedProbe } from './probe.js';
import { applicableEntries } from './services.js';
import { resolveTemplate, type TemplateContext } from './template.js';

export type Lang = 'ja' | 'en';

/** Thrown by a step that cannot be planned; the builder names the step. */
export class StepPlanError extends Error {
  constructor(readonly reason: 'archive-format', readonly detail: string) {
    super(`${reason}: ${detail}`);
    this.name = 'StepPlanError';
  }
}

type Format = 'tar.gz' | 'tar' | 'zip';

function formatOf(name: string): Format | undefined {
  if (/\.(tar\.gz|tgz)$/i.test(name)) return 'tar.gz';
  if (/\.tar$/i.test(name)) return 'tar';
  if (/\.zip$/i.test(name)) return 'zip';
  return undefined;
}

/** The argv unpacking an archive into a directory, by the archive's file name. */
export function unpackArgv(archive: string, into: string, format: Format): string[] {
  switch (format) {
    case 'tar.gz':
      return ['tar', 'xzf', archive, '-C', into];
    case 'tar':
      return ['tar', 'xf', archive, '-C', into];
    case 'zip':
      // -o: a resumed unpack meets its own files; without it unzip asks, and with no stdin it fails.
      return ['unzip', '-q', '-o', archive, '-d', into];
  }
}

/** The format of an unpack step's archive; a package missing from the media is known by its pattern. */
function archiveFormat(template: string, resolved: string, def: Definition): Format {
  const direct = formatOf(resolved);
  if (direct !== undefined) return direct;
  const key = /^\{media:([a-z][a-z0-9_-]*)\}$/.exec(template)?.[1];
  const pattern = key === undefined ? undefined : def.media[key]?.pattern;
  const fromPattern = pattern === undefined ? undefined : formatOf(pattern.replace(/\\/g, '').replace(/\$$/, ''));
  if (fromPattern !== undefined) return fromPattern;
  throw new StepPlanError('archive-format', resolved);
}

export interface StepContext {
  def: Definition;
  lang: Lang;
  tpl: TemplateContext;
  hasServiceCommand: boolean;
}

/** A command step's probe with its argv and words resolved (src/plan/probe.ts reads it back). */
function planProbe(p: ProbeSpec, r: (template: string) => string, text: (value: Text) => string): PlannedProbe {
  return {
    argv: p.argv.map(r),
    ...(p.expectExit === undefined ? {} : { expectExit: p.expectExit }),
    ...(p.expectOutput === undefined ? {} : { expectOutput: p.expectOutput }),
    ...(p.says === undefined ? {} : { says: text(p.says) }),
  };
}

/** Resolves a step; throws TemplateError or StepPlanError, which the caller turns into a message naming the step. */
export function planStep(step: Step, ctx: StepContext): PlannedStep {
  const r = (template: string): string => resolveTemplate(template, ctx.tpl);
  const text = (value: Text): string => resolveTemplate(value[ctx.lang], { ...ctx.tpl, listSeparator: ', ' });
  const optText = (value: Text | undefined): string | undefined => (value === undefined ? undefined : text(value));
  const planned: PlannedStep = {
    id: step.id,
    kind: step.kind,
    title: text(step.title),
    manual: step.kind === 'manual' || step.kind === 'reboot',
    allowFailure: step.allowFailure ?? false,
    skippable: step.skippable ?? false,
    params: {},
  };
  const explain = optText(step.explain);
  if (explain !== undefined) planned.explain = explain;
  if (step.section !== undefined) planned.section = typeof step.section === 'string' ? step.section : step.section[ctx.lang];
  if (step.restorePoint !== undefined) planned.restorePoint = step.restorePoint;
  if (step.runsOn !== undefined) planned.runsOn = step.runsOn;
  const check = optText(step.check);
  if (check !== undefined) planned.check = check;

  switch (step.kind) {
    case 'command': {
      planned.commands = step.commands.map((argv) => argv.map(r));
      planned.params = {
        ...(step.cwd === undefined ? {} : { cwd: r(step.cwd) }),
        ...(step.stdout === undefined ? {} : { stdout: r(step.stdout) }),
        ...(step.skipWhen === undefined ? {} : { skipWhen: planProbe(step.skipWhen, r, text) }),
      };
      break;
    }
    case 'service': {
      const service = r(step.service);
      const initScript = `${ctx.tpl.root}/etc/init.d/${service}`;
      planned.commands = [ctx.hasServiceCommand ? ['service', service, step.action] : [initScript, step.action]];
      planned.params = { service, action: step.action, ifMissing: step.ifMissing, initScript };
      break;
    }
    case 'manual': {
      planned.instructions = text(step.instructions);
      if (step.checklist !== undefined) planned.checklist = step.checklist.map(text);
      break;
    }
    case 'reboot': {
      const instructions = optText(step.instructions);
      if (instructions !== undefined) planned.instructions = instructions;
      break;
    }
    case 'backup':
      planned.params = {
        source: r(step.source),
        archive: r(step.archive),
        extraFiles: (step.extraFiles ?? []).map(r),
        ...(step.extraTo === undefined ? {} : { extraTo: r(step.extraTo) }),
        ...(step.exclude === undefined ? {} : { exclude: step.exclude.map(r) }),
        ...(step.skipIfEmpty === undefined ? {} : { skipIfEmpty: step.skipIfEmpty }),
      };
      break;
    case 'restore':
      planned.params = { archive: r(step.archive), target: r(step.target) };
      break;
    case 'unpack': {
      const archive = r(step.archive);
      const into = r(step.into);
      const format = archiveFormat(step.archive, archive, ctx.def);
      planned.commands = [unpackArgv(archive, into, format)];
      planned.params = { archive, into, format };
      break;
    }
    case 'switch-symlink':
      planned.params = { link: r(step.link), target: r(step.target) };
      break;
    case 'ensure-dir':
      planned.params = {
        path: r(step.path),
        ...(step.owner === undefined ? {} : { owner: r(step.owner) }),
        ...(step.mode === undefined ? {} : { mode: step.mode }),
        recursiveOwner: step.recursiveOwner ?? false,
        ...(step.like === undefined ? {} : { like: r(step.like) }),
      };
      break;
    case 'copy':
      planned.params = { from: r(step.from), to: r(step.to), preserve: step.preserve ?? false, ifMissing: step.ifMissing };
      break;
    case 'move':
      planned.params = { from: r(step.from), to: r(step.to), ifMissing: step.ifMissing };
      break;
    case 'ensure-services':
      planned.params = { file: r(step.file), entries: applicableEntries(step.entries, ctx.tpl.answers) };
      break;
    case 'compare':
      planned.params = { old: r(step.old), new: r(step.new), paths: step.paths ?? [] };
      break;
    case 'ensure-lines':
      planned.params = {
        file: r(step.file),
        lines: step.lines.map(r),
        ...(step.validate === undefined ? {} : { validate: step.validate.map(r) }),
      };
      break;
    case 'migrate-config':
      planned.params = {
        migrator: step.migrator,
        options: Object.fromEntries(Object.entries(step.options).map(([k, v]) => [k, r(v)])),
      };
      break;
    case 'verify': {
      const v = step.verify;
      const verify = {
        ...v,
        ...(v.argv === undefined ? {} : { argv: v.argv.map(r) }),
        ...(v.fileExists === undefined ? {} : { fileExists: r(v.fileExists) }),
        ...(v.fileAbsent === undefined ? {} : { fileAbsent: r(v.fileAbsent) }),
      };
      if (verify.argv !== undefined) planned.commands = [verify.argv];
      planned.params = { verify };
      break;
    }
    case 'delete-files':
      // Patterns are matched by the executor when the step runs; the plan shows them as written.
      planned.params = { dir: r(step.dir), files: step.files ?? [], dirs: step.dirs ?? [], ignoreCase: step.ignoreCase ?? false };
      break;
  }
  return planned;
}
