// Loading and validating wizard definitions (wizards/*.yaml). Every problem names the file,
// the line and the path inside the file, so an author can go straight to it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import * as z from 'zod';
import zodJa from 'zod/v4/locales/ja.js';
import { DefinitionSchema, type Definition } from '../model/definition.js';
import { InputError } from '../errors.js';
import { getLang, t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import { detectorIds } from '../detect/registry.js';
import { crossCheck, formatPath, type Path } from './crosscheck.js';
import { definitionsDir } from './compiled.js';

export interface Problem {
  file: string;
  line?: number;
  path: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path === '' ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`;
}

/** A definition that does not load; exit 2, every problem on its own line. */
export class DefinitionError extends InputError {
  constructor(readonly problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'DefinitionError';
  }
}

// wizards/ of this package, found from the module: kept in compiled.ts with the compiled definitions.
export { definitionsDir };

/** The 1-based line of the deepest node of the document on the path. */
function lineOf(doc: Document, counter: LineCounter, path: Path): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (node !== undefined && node !== null && typeof node === 'object' && 'range' in node) {
      const range = (node as { range?: [number, number, number] | null }).range;
      if (range) return counter.linePos(range[0]).line;
    }
  }
  return undefined;
}

type ZodIssue = z.core.$ZodIssue;

function describe(issue: ZodIssue, data: unknown): { path: Path; message: string } {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'kind') {
    const options = (issue as { options?: unknown[] }).options ?? [];
    const value = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | undefined)?.[k], data);
    return { path, message: t('plan.load.badKind', { kind: String(value), kinds: options.join(', ') }) };
  }
  if (issue.code === 'invalid_union' && path.includes('when')) return { path, message: t('plan.load.badCondition') };
  if (issue.code === 'unrecognized_keys') {
    return { path: [...path, issue.keys[0] ?? ''], message: t('plan.load.unknownKeys', { keys: issue.keys.join(', ') }) };
  }
  return { path, message: issue.message };
}

/** Validates a definition's text; `file` is how problems name it. Never throws for bad input. */
export function checkDefinitionText(text: string, file: string): { definition?: Definition; problems: Problem[] } {
  const counter = new LineCounter();
  // merge: the definitions share option blocks with YAML merge keys (<<: *anchor).
  const doc = parseDocument(text, { lineCounter: counter, uniqueKeys: true, merge: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => ({
      file,
      line: e.linePos?.[0].line,
      path: '',
      message: t('plan.load.yaml', { detail: (e.message.split('\n')[0] ?? e.code).replace(/ at line [0-9]+, column [0-9]+:?$/, '') }),
    }));
    return { problems };
  }
  if (!isMap(doc.contents)) return { problems: [{ file, line: 1, path: '', message: t('plan.load.notMapping') }] };
  const data: unknown = doc.toJS();
  // zod speaks the user's language too; its Japanese table ships with zod.
  const parsed = DefinitionSchema.safeParse(data, getLang() === 'ja' ? { error: zodJa().localeError } : undefined);
  const at = (path: Path, message: string): Problem => ({ file, line: lineOf(doc, counter, path), path: formatPath(path), message });
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((issue) => describe(issue, data)).map(({ path, message }) => at(path, message)) };
  }
  const issues = crossCheck(parsed.data, new Set(detectorIds()));
  if (issues.length > 0) return { problems: issues.map((i) => at(i.path, i.message)) };
  return { definition: parsed.data, problems: [] };
}

/** Loads one definition; throws DefinitionError (exit 2) listing every problem. */
export function loadDefinition(file: string): Definition {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(t('plan.load.unreadable', { file, detail: (error as Error).message }));
  }
  const shown = relative(process.cwd(), file) || file;
  const { definition, problems } = checkDefinitionText(text, shown.startsWith('..') ? file : shown);
  if (definition === undefined) throw new DefinitionError(problems);
  return definition;
}

export interface LoadedDefinitions {
  definitions: Definition[];
  /** Files that do not load, each with its problems; the others are still usable. */
  broken: { file: string; id?: string; error: DefinitionError }[];
}

function definitionFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Every definition that loads, and the problems of those that do not (one bad file spoils no other product). */
export function loadAllDefinitions(dir: string = definitionsDir()): LoadedDefinitions {
  const out: LoadedDefinitions = { definitions: [], broken: [] };
  const seen = new Map<string, string>();
  for (const file of definitionFiles(dir)) {
    try {
      const def = loadDefinition(file);
      if (seen.has(def.id)) {
        // Both files: the one named is the later in file-name order, often the genuine one
        // (groupmax.orig.yaml sorts before groupmax.yaml).
        const problem = { file, line: 1, path: 'id', message: t('plan.load.duplicateProduct', { id: def.id, first: seen.get(def.id) as string }) };
        out.broken.push({ file, id: def.id, error: new DefinitionError([problem]) });
        continue;
      }
      seen.set(def.id, file);
      out.definitions.push(def);
    } catch (error) {
      if (!(error instanceof DefinitionError)) throw error;
      // The id, when it can be read, tells which product the broken file was meant to be.
      const id = /^id:\s*([a-z][a-z0-9_-]*)\s*$/m.exec(readFileSync(file, 'utf8'))?.[1];
      out.broken.push({ file, ...(id === undefined ? {} : { id }), error });
    }
  }
  return out;
}

/** Every *.yaml / *.yml of the directory, sorted by file name; throws DefinitionError if any does not load. */
export function loadDefinitions(dir: string = definitionsDir()): Definition[] {
  const { definitions, broken } = loadAllDefinitions(dir);
  if (broken.length > 0) throw new DefinitionError(broken.flatMap((b) => b.error.problems));
  return definitions;
}

/** The definition of a product id; InputError naming the known ones otherwise. */
export function findDefinition(defs: Definition[], id: string): Definition {
  const def = defs.find((d) => d.id === id);
  if (def === undefined) throw new InputError(t('plan.load.unknownProduct', { id, known: defs.map((d) => d.id).join(', ') }));
  return def;
}

/** One product's definition; only its own file's problems can stop it. */
export function loadProduct(id: string, dir: string = definitionsDir()): Definition {
  const { definitions, broken } = loadAllDefinitions(dir);
  const own = broken.find((b) => b.id === id);
  if (own !== undefined) throw own.error;
  return findDefinition(definitions, id);
}
