// Template strings of definitions: {root}, {ANSWER}, {media:KEY}, {media:KEY:GROUP}, {var:NAME}.
// "{{" and "}}" stand for literal braces. Pure: no I/O.
import type { Answers } from '../model/definition.js';
import type { MediaFile } from '../model/facts.js';

/** One placeholder as written, split into its kind and names. */
export type Placeholder =
  | { kind: 'root'; text: string }
  | { kind: 'answer'; text: string; id: string }
  | { kind: 'media'; text: string; key: string; group?: string }
  | { kind: 'var'; text: string; name: string }
  | { kind: 'literal'; text: string; name: string }
  | { kind: 'bad'; text: string };

/** Placeholders left as written for the executor to fill (ensure-lines validate: {candidate}). */
export const EXECUTOR_PLACEHOLDERS = new Set(['candidate']);
/** {secret-file:ID}: the path of a 0600 file holding the secret answer ID, for one command. */
export const SECRET_FILE = /^secret-file:([a-z][a-z0-9_-]*)$/;
/** {secret-file:ID} wherever it stands in a text (an argv item, a described command); group 1 is ID. */
export const SECRET_FILES = /\{secret-file:([a-z][a-z0-9_-]*)\}/g;

const NAME = /^[a-z][a-z0-9_-]*$/;
const TOKEN = /\{\{|\}\}|\{([^{}]*)\}/g;

function classify(inner: string): Placeholder {
  const text = `{${inner}}`;
  if (inner === 'root') return { kind: 'root', text };
  if (EXECUTOR_PLACEHOLDERS.has(inner)) return { kind: 'literal', text, name: inner };
  // A secret answer reaches a command only as a 0600 file made by the executor, never as text.
  if (SECRET_FILE.test(inner)) return { kind: 'literal', text, name: inner };
  const parts = inner.split(':');
  if (parts[0] === 'media' && (parts.length === 2 || parts.length === 3) && NAME.test(parts[1] ?? '')) {
    const group = parts[2];
    if (group === undefined) return { kind: 'media', text, key: parts[1] as string };
    if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(group)) return { kind: 'media', text, key: parts[1] as string, group };
    return { kind: 'bad', text };
  }
  if (parts[0] === 'var' && parts.length === 2 && NAME.test(parts[1] ?? '')) return { kind: 'var', text, name: parts[1] as string };
  if (parts.length === 1 && NAME.test(inner)) return { kind: 'answer', text, id: inner };
  return { kind: 'bad', text };
}

/** Every placeholder of a template, in order; a lone "{" or "}" is reported as a bad one. */
export function placeholders(template: string): Placeholder[] {
  const found: Placeholder[] = [];
  for (const m of template.matchAll(TOKEN)) if (m[1] !== undefined) found.push(classify(m[1]));
  const rest = template.replace(TOKEN, '');
  if (rest.includes('{') || rest.includes('}')) found.push({ kind: 'bad', text: rest.includes('{') ? '{' : '}' });
  return found;
}

export interface TemplateContext {
  /** Sandbox prefix, "" on a real server. */
  root: string;
  answers: Answers;
  mediaFiles: Record<string, MediaFile>;
  /** Unresolved vars of the definition; a var may use other placeholders, vars included. */
  vars: Record<string, string>;
  /** Set for texts shown to people: a list answer is joined with it (argv and paths refuse lists). */
  listSeparator?: string;
}

/** A placeholder that cannot be filled; `placeholder` is as written, e.g. "{custom_uid}". */
export class TemplateError extends Error {
  constructor(
    readonly placeholder: string,
    readonly reason: 'unknown' | 'unanswered' | 'list' | 'var-cycle',
  ) {
    super(`${placeholder}: ${reason}`);
    this.name = 'TemplateError';
  }
}

/** Where a text shows missingMediaMarker(): what runbooks explain beside a command. */
export const MISSING_MEDIA = /<media:[^<>'\s]+>/g;

/** What a missing media file resolves to: visible in the plan, never a real path (a blocker says why). */
export function missingMediaMarker(key: string, group?: string): string {
  return group === undefined ? `<media:${key}>` : `<media:${key}:${group}>`;
}

/**
 * A Windows path put under a sandbox root ("{root}C:\Windows\cluster" with --root /sbx) becomes
 * /sbx/C/Windows/cluster, and a UNC path (\\server\share\x) /sbx/UNC/server/share/x, so that it
 * stays inside the sandbox; on a real server (root "") it is kept.
 */
export function sandboxWindowsPath(template: string, resolved: string, root: string): string {
  if (root === '' || !template.startsWith('{root}')) return resolved;
  const rest = resolved.slice(root.length);
  if (/^\\\\[^\\/]/.test(rest)) return `${root}/UNC/${rest.slice(2).replace(/\\/g, '/')}`;
  if (!/^[A-Za-z]:[\\/]/.test(rest)) return resolved;
  return `${root}/${rest[0] as string}${rest.slice(2).replace(/\\/g, '/')}`;
}

/** Resolves a template; throws TemplateError for a placeholder it cannot fill. */
export function resolveTemplate(template: string, ctx: TemplateContext, depth = 0): string {
  return sandboxWindowsPath(template, replacePlaceholders(template, ctx, depth), ctx.root);
}

/**
 * An answer that ends in a separator (S:\JobCenter\, C:\) before a separator of the template
 * ({shared_disk_path}\JobCenterCluster.vbs) would double it: the answer gives up its own.
 */
function joined(value: string, template: string, after: number): string {
  return /^[\\/]/.test(template.slice(after)) ? value.replace(/[\\/]+$/, '') : value;
}

function replacePlaceholders(template: string, ctx: TemplateContext, depth: number): string {
  return template.replace(TOKEN, (whole: string, inner: string | undefined, offset: number) => {
    if (inner === undefined) return whole === '{{' ? '{' : '}';
    const p = classify(inner);
    switch (p.kind) {
      case 'root':
        return ctx.root;
      case 'literal':
        return p.text;
      case 'answer': {
        const value = ctx.answers[p.id];
        if (value === undefined) throw new TemplateError(p.text, 'unanswered');
        // A list answer has no single spelling in a path or an argv; texts join it for reading.
        if (!Array.isArray(value)) return joined(value, template, offset + whole.length);
        if (ctx.listSeparator === undefined) throw new TemplateError(p.text, 'list');
        return value.join(ctx.listSeparator);
      }
      case 'media': {
        const file = ctx.mediaFiles[p.key];
        if (file === undefined) return missingMediaMarker(p.key, p.group);
        if (p.group === undefined) return file.path;
        const value = file.groups[p.group];
        if (value === undefined) throw new TemplateError(p.text, 'unknown');
        return value;
      }
      case 'var': {
        const value = ctx.vars[p.name];
        if (value === undefined) throw new TemplateError(p.text, 'unknown');
        if (depth > 8) throw new TemplateError(p.text, 'var-cycle');
        return resolveTemplate(value, ctx, depth + 1);
      }
      case 'bad':
        throw new TemplateError(p.text, 'unknown');
    }
  });
}
