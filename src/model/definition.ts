// The schema of a wizard definition (wizards/*.yaml): product knowledge as data.
// Strings in steps are templates: {root} is the sandbox prefix ("" on a real server),
// {ANSWER_ID} an answer, {media:KEY} the path of a package found on the media,
// {var:NAME} a value from the definition's vars. src/plan resolves them; nothing here runs.
import * as z from 'zod';
import { ConditionSchema } from './condition.js';
import { TextSchema } from './text.js';

const Id = z.string().regex(/^[a-z][a-z0-9_-]*$/, 'ids are lower-case letters, digits, _ and -');
const Template = z.string().min(1);
const Argv = z.array(Template).min(1);

export const QuestionSchema = z
  .object({
    id: Id,
    text: TextSchema,
    help: TextSchema.optional(),
    type: z.enum(['choice', 'multi', 'yesno', 'version', 'text', 'path', 'list']),
    choices: z.array(z.object({ value: z.string().min(1), label: TextSchema }).strict()).min(1).optional(),
    default: z.union([z.string(), z.array(z.string())]).optional(),
    /** A regular expression the answer must match (text, path, version, list items). */
    pattern: z.string().optional(),
    /** The id of a detector in src/detect that can propose the answer, with evidence. */
    detect: z.string().optional(),
    /**
     * A decision the detection only proposes (which procedure to follow): preselected on the
     * screens, where the operator confirms it, but never taken unseen by plan, run or export.
     */
    decision: z.boolean().optional(),
    /**
     * An answer that contradicts the detection is a blocker, not only a warning: the machine is
     * not the one the answer is for (CLUSTERPRO's server 2 part replayed on server 1).
     */
    mustMatchDetection: z.boolean().optional(),
    /** Asked only when this holds; otherwise the question is not part of the answers. */
    when: ConditionSchema.optional(),
    /** Never saved, logged or shown (passwords). */
    secret: z.boolean().optional(),
    /** A path question about a Windows machine: only a drive-letter (C:\...) or UNC (\\server\share) path. */
    windowsPath: z.boolean().optional(),
  })
  .strict();

/** Where in a cluster a step runs: every server, one of them once, the cluster, a node or server by role. */
export const RUNS_ON = ['all', 'one', 'cluster', 'standby', 'active', 'server1', 'server2'] as const;

const StepBase = {
  id: Id,
  title: TextSchema,
  explain: TextSchema.optional(),
  /**
   * The section of the vendor procedure this step comes from, e.g. "3.2"; in both languages where
   * the procedure names its sections by heading rather than by number.
   */
  section: z.union([z.string(), TextSchema]).optional(),
  when: ConditionSchema.optional(),
  /** The restore point that applies if this step or a later one fails. */
  restorePoint: Id.optional(),
  /** The vendor procedure says an error here can be ignored. */
  allowFailure: z.boolean().optional(),
  /** The operator may skip this step after a failure. */
  skippable: z.boolean().optional(),
  /** Which machine of a cluster runs it; shown in words (src/i18n/messages/runs-on.ts). */
  runsOn: z.enum(RUNS_ON).optional(),
  /** What to check after the step, for the operator and the runbook. */
  check: TextSchema.optional(),
  /** Repeat the step for each value of this list answer; inside it, {ANSWER} is the one value. */
  forEach: Id.optional(),
};

const Verify = z
  .object({
    argv: Argv.optional(),
    expectExit: z.number().int().optional(),
    /** Regular expressions the output must / must not match. */
    expectOutput: z.string().optional(),
    rejectOutput: z.string().optional(),
    /** Several regular expressions: each must match / none may match (process lists of ps -ef). */
    expectEach: z.array(z.string().min(1)).min(1).optional(),
    rejectEach: z.array(z.string().min(1)).min(1).optional(),
    /** This environment variable must be unset or empty in the wizard's environment (inherited by its children). */
    envUnset: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/).optional(),
    fileExists: Template.optional(),
    fileAbsent: Template.optional(),
    /** A regular expression: while waiting and on failure the output line it matches is quoted (e.g. the mirror colours) instead of the pattern. */
    showLine: z.string().optional(),
    /** Poll until it passes (e.g. mirror recovery), failing clearly after the timeout. */
    waitSeconds: z.number().int().positive().optional(),
    intervalSeconds: z.number().int().positive().optional(),
  })
  .strict();

/**
 * A check run before a command step's commands (the verify step's argv, expectExit and
 * expectOutput): when it passes, what the commands would do is already so, and the step ends
 * skipped without running them (ShareTask 3.10: chkconfig --list first, `on` only where needed).
 */
const Probe = z
  .object({
    argv: Argv,
    /** The exit code that passes; 0 when not given. */
    expectExit: z.number().int().optional(),
    /** A regular expression some line of the output must match. */
    expectOutput: z.string().min(1).optional(),
    /** What passing means, in words, for plans and runbooks ("runlevels 2-5 are all on"). */
    says: TextSchema.optional(),
  })
  .strict();

export const StepSchema = z.discriminatedUnion('kind', [
  z
    .object({
      ...StepBase,
      kind: z.literal('command'),
      commands: z.array(Argv).min(1),
      cwd: Template.optional(),
      /** The commands' standard output goes to this file (mode 0600), not to the screen or the log; a relative path is in the run's log dir. */
      stdout: Template.optional(),
      /** Checked first: when it passes the commands are not run and the step is skipped. */
      skipWhen: Probe.optional(),
    })
    .strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('service'),
      service: Template,
      action: z.enum(['start', 'stop', 'restart']),
      /** A service that is not installed is reported and skipped (the seed allows it) or fails. */
      ifMissing: z.enum(['skip', 'fail']).default('fail'),
    })
    .strict(),
  z.object({ ...StepBase, kind: z.literal('manual'), instructions: TextSchema, checklist: z.array(TextSchema).optional() }).strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('backup'),
      /** Archived by its real path: a symlinked install dir must not archive only the link. */
      source: Template,
      archive: Template,
      /** Extra single files copied beside the archive (e.g. init scripts). */
      extraFiles: z.array(Template).optional(),
      extraTo: Template.optional(),
      /** Paths inside source left out of the archive (e.g. a message store saved by renaming). */
      exclude: z.array(Template).optional(),
      /** Nothing to keep when the source holds no file (e.g. an empty mail queue): skipped. */
      skipIfEmpty: z.boolean().optional(),
    })
    .strict(),
  z.object({ ...StepBase, kind: z.literal('restore'), archive: Template, target: Template }).strict(),
  z.object({ ...StepBase, kind: z.literal('unpack'), archive: Template, into: Template }).strict(),
  z.object({ ...StepBase, kind: z.literal('switch-symlink'), link: Template, target: Template }).strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('ensure-dir'),
      path: Template,
      owner: Template.optional(),
      mode: z.string().regex(/^0?[0-7]{3,4}$/).optional(),
      recursiveOwner: z.boolean().optional(),
      /** Owner and mode copied from this path (the directory it replaces), unless given. */
      like: Template.optional(),
    })
    .strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('copy'),
      from: Template,
      to: Template,
      /** Keep owner, mode and times (cp -a). */
      preserve: z.boolean().optional(),
      ifMissing: z.enum(['skip', 'fail']).default('fail'),
    })
    .strict(),
  z
    .object({ ...StepBase, kind: z.literal('move'), from: Template, to: Template, ifMissing: z.enum(['skip', 'fail']).default('fail') })
    .strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('ensure-lines'),
      file: Template,
      lines: z.array(z.string()).min(1),
      /** argv validating the candidate file before it replaces the real one; {candidate} is its path. */
      validate: Argv.optional(),
    })
    .strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('migrate-config'),
      migrator: z.string().min(1),
      options: z.record(z.string(), Template).default({}),
    })
    .strict(),
  z.object({ ...StepBase, kind: z.literal('verify'), verify: Verify }).strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('ensure-services'),
      /** A services file; entries already there are left alone, a port or name taken otherwise blocks. */
      file: Template,
      entries: z
        .array(
          z
            .object({
              name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]*$/),
              port: z.number().int().min(1).max(65535),
              protocol: z.enum(['tcp', 'udp']),
              when: ConditionSchema.optional(),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('compare'),
      /** The old tree or file; a '*' in a segment picks the newest match (e.g. backup.*). */
      old: Template,
      new: Template,
      /** Relative paths compared under both (files or directories); absent: old and new themselves. */
      paths: z.array(z.string().min(1)).optional(),
    })
    .strict(),
  z.object({ ...StepBase, kind: z.literal('reboot'), instructions: TextSchema.optional() }).strict(),
  z
    .object({
      ...StepBase,
      kind: z.literal('delete-files'),
      /** The directory whose entries are deleted (never itself). */
      dir: Template,
      /** Names of plain files to delete, * and ? as wildcards (what `del /F /Q job*` does). */
      files: z.array(z.string().regex(/^[^\\/]+$/, 'a name or wildcard pattern, without a directory')).optional(),
      /** Names of directories deleted with everything in them (what `rd /S /Q necjclog` does). */
      dirs: z.array(z.string().regex(/^[^\\/]+$/, 'a name or wildcard pattern, without a directory')).optional(),
      /** Match names regardless of case, as Windows does. */
      ignoreCase: z.boolean().optional(),
    })
    .strict(),
]);

export const RestorePointSchema = z
  .object({
    id: Id,
    title: TextSchema,
    explain: TextSchema,
    rollback: z.array(StepSchema).min(1),
    /**
     * The rollback applies only to a run that stopped before its end (CLUSTERPRO's: put the start
     * at boot back when the update did not finish): not offered once the run is done.
     */
    beforeEnd: z.boolean().optional(),
  })
  .strict();

export const BlockerRuleSchema = z
  .object({
    id: Id,
    when: ConditionSchema,
    message: TextSchema,
    fix: TextSchema,
    /** A warning is shown with the plan (message and advice) but does not refuse it. */
    severity: z.enum(['blocker', 'warning']).optional(),
    /**
     * Lifted when a finished run of this product is in the log dir (Facts.priorRuns) whose answers
     * hold `answers` and equal this run's answers for `sameAs` (e.g. the standby node done first).
     * A sameAs entry "var:NAME" compares the var NAME as each run's answers give it (two answers
     * that name one procedure); a question asked of neither run counts as the same.
     */
    unlessPriorRun: z
      .object({ answers: z.record(z.string(), z.string()).default({}), sameAs: z.array(z.string()).default([]) })
      .strict()
      .optional(),
    /**
     * `when` sees the answers as given, including those to questions that do not apply (which a
     * plan otherwise drops): for refusing contradictory answers rather than ignoring one.
     */
    answersAsGiven: z.boolean().optional(),
  })
  .strict();

/** A var whose value depends on the answers: the first case whose `when` holds (none: always). */
export const VarCaseSchema = z.object({ when: ConditionSchema.optional(), value: Template }).strict();

export const MediaSchema = z
  .object({
    /** A regular expression on the file name; named groups become {media:KEY:GROUP}. */
    pattern: z.string().min(1),
    title: TextSchema,
    when: ConditionSchema.optional(),
    required: z.boolean().default(true),
    /**
     * A file of this pattern on the media while this holds is not installed: the plan warns, naming
     * it and `reason` (what the answers say), not refuses (it may be for another server).
     */
    unusedWhen: z.object({ when: ConditionSchema, reason: TextSchema }).strict().optional(),
  })
  .strict();

/**
 * What comes after a finished run, elsewhere: the next node's part of a procedure that runs once
 * per server. Shown on the summary and in the report when the run is done.
 */
export const NextSchema = z.object({ when: ConditionSchema.optional(), text: TextSchema }).strict();

export const DefinitionSchema = z
  .object({
    id: Id,
    title: TextSchema,
    /** The vendor document this definition follows (a file in shared/seeds). */
    source: z.string().min(1),
    summary: TextSchema.optional(),
    questions: z.array(QuestionSchema).min(1),
    media: z.record(Id, MediaSchema).default({}),
    vars: z.record(Id, z.union([Template, z.array(VarCaseSchema).min(1)])).default({}),
    blockers: z.array(BlockerRuleSchema).default([]),
    restorePoints: z.array(RestorePointSchema).default([]),
    steps: z.array(StepSchema).min(1),
    next: z.array(NextSchema).default([]),
    /**
     * The answers under which the steps run on Windows (commands read by cmd.exe, Windows paths):
     * commands are then shown in cmd.exe's quoting, and no Ansible playbook (Linux modules) is made.
     */
    windows: ConditionSchema.optional(),
  })
  .strict();

export type Question = z.infer<typeof QuestionSchema>;
export type ProbeSpec = z.infer<typeof Probe>;
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step['kind'];
export type RestorePoint = z.infer<typeof RestorePointSchema>;
export type Definition = z.infer<typeof DefinitionSchema>;
export type VarCase = z.infer<typeof VarCaseSchema>;
/** An answer is one value, or a list for multi/list questions. */
export type Answers = Record<string, string | string[]>;
