// The shipped definitions for the commands that only use them (plan, the interactive wizard):
// compiled ones when they match wizards/ (src/plan/compiled.ts), else load.ts, imported only
// then, because YAML and zod alone cost more than starting Node.js.
import type { Definition } from '../model/definition.js';
import { compiledDefinition, compiledDefinitions } from './compiled.js';
import type { LoadedDefinitions } from './load.js';

/** loadAllDefinitions() of load.ts. */
export async function allDefinitions(): Promise<LoadedDefinitions> {
  const compiled = compiledDefinitions();
  if (compiled !== undefined) return { definitions: compiled, broken: [] };
  return (await import('./load.js')).loadAllDefinitions();
}

/** loadProduct(id) of load.ts: an unknown id or a broken file is load.ts's error. */
export async function productDefinition(id: string): Promise<Definition> {
  const def = compiledDefinition(id);
  return def ?? (await import('./load.js')).loadProduct(id);
}

/** findDefinition of load.ts, which names the known products when the id is not one. */
export async function findDefinition(defs: Definition[], id: string): Promise<Definition> {
  return defs.find((d) => d.id === id) ?? (await import('./load.js')).findDefinition(defs, id);
}
