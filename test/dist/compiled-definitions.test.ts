// Compiled definitions (src/plan/compiled.ts, scripts/dist/compile-definitions.mjs): the same
// Definitions as loading the YAML, and never used once wizards/ or the loader's code changed.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledDefinition, compiledDefinitions } from '../../src/plan/compiled.js';
import { definitionsDir, loadDefinition, loadDefinitions } from '../../src/plan/load.js';
// @ts-expect-error: a plain .mjs build script without types
import { compileForBundle } from '../../scripts/dist/compile-definitions.mjs';

let work: string;
let wizards: string;
let compiledFile: string;
let compiled: Buffer;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'uw-compiled-'));
  wizards = join(work, 'wizards');
  compiledFile = join(work, 'definitions.compiled');
  mkdirSync(wizards);
  for (const f of readdirSync(definitionsDir())) copyFileSync(join(definitionsDir(), f), join(wizards, f));
  compiled = (await compileForBundle(wizards)) as Buffer;
  writeFileSync(compiledFile, compiled);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('compiled definitions', () => {
  it('are, after the trip through JSON, exactly the definitions the loader makes of the YAML', () => {
    expect(compiledDefinitions(wizards, compiledFile)).toStrictEqual(loadDefinitions(wizards));
  });

  it('keep the order of their keys and can be changed like any object, though their steps are parsed when first read', () => {
    const loaded = loadDefinitions(wizards);
    const defs = compiledDefinitions(wizards, compiledFile) ?? [];
    expect(JSON.stringify(defs)).toBe(JSON.stringify(loaded));
    const [first] = compiledDefinitions(wizards, compiledFile) ?? [];
    if (first === undefined) throw new Error('no definitions');
    first.blockers = [];
    expect(first.blockers).toEqual([]);
    expect(first.steps).toEqual(loaded[0]?.steps);
    expect({ ...first, blockers: loaded[0]?.blockers }).toStrictEqual(loaded[0]);
  });

  it('give one product alone, the same as the loader does, and nothing for an unknown id', () => {
    for (const def of loadDefinitions(wizards)) expect(compiledDefinition(def.id, wizards, compiledFile)).toStrictEqual(def);
    expect(compiledDefinition('no-such-product', wizards, compiledFile)).toBeUndefined();
  });

  it('are not used when a YAML file changed, was added or removed', () => {
    const name = readdirSync(wizards).sort()[0] as string;
    appendFileSync(join(wizards, name), '\n# edited on the server\n');
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    // Not even for a product of another file: the edited one may now claim its id.
    const other = loadDefinition(join(wizards, readdirSync(wizards).sort()[1] as string));
    expect(compiledDefinition(other.id, wizards, compiledFile)).toBeUndefined();
    writeFileSync(join(wizards, name), '');
    copyFileSync(join(definitionsDir(), name), join(wizards, name));
    expect(compiledDefinitions(wizards, compiledFile)).toHaveLength(readdirSync(wizards).length);
    writeFileSync(join(wizards, 'extra.yaml'), 'id: extra\n');
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    rmSync(join(wizards, 'extra.yaml'));
  });

  it('made by another version of the loader (build/), are not used', () => {
    const text = compiled.toString('utf8');
    expect(text).toContain('"code":"bundle"');
    writeFileSync(compiledFile, text.replace('"code":"bundle"', `"code":"${'f'.repeat(64)}"`));
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    writeFileSync(compiledFile, text.replace(/"format":(\d+)/, (_, n: string) => `"format":${Number(n) + 1}`));
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    writeFileSync(compiledFile, compiled);
    expect(compiledDefinitions(wizards, compiledFile)).toHaveLength(readdirSync(wizards).length);
  });

  it('refuse to be made from a definition that does not load, naming its problem', async () => {
    const bad = join(work, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'broken.yaml'), 'id: broken\ntitle: 3\n');
    await expect(compileForBundle(bad)).rejects.toThrow(/definitions that do not load cannot be shipped:\n.*broken\.yaml/);
  });
});
