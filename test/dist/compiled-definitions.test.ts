// Compiled definitions (src/plan/compiled.ts, scripts/dist/compile-definitions.mjs): the same
// Definitions as loading the YAML, and never used once wizards/ or the loader's code changed.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledDefinitions, type CompiledDefinitions } from '../../src/plan/compiled.js';
import { definitionsDir, loadDefinitions } from '../../src/plan/load.js';
// @ts-expect-error: a plain .mjs build script without types
import { compileForBundle } from '../../scripts/dist/compile-definitions.mjs';

let work: string;
let wizards: string;
let compiledFile: string;
let compiled: CompiledDefinitions;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'uw-compiled-'));
  wizards = join(work, 'wizards');
  compiledFile = join(work, 'definitions.json');
  mkdirSync(wizards);
  for (const f of readdirSync(definitionsDir())) copyFileSync(join(definitionsDir(), f), join(wizards, f));
  compiled = (await compileForBundle(wizards)) as CompiledDefinitions;
  writeFileSync(compiledFile, JSON.stringify(compiled));
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('compiled definitions', () => {
  it('are, after the trip through JSON, exactly the definitions the loader makes of the YAML', () => {
    expect(compiledDefinitions(wizards, compiledFile)).toStrictEqual(loadDefinitions(wizards));
  });

  it('are not used when a YAML file changed, was added or removed', () => {
    const name = readdirSync(wizards).sort()[0] as string;
    appendFileSync(join(wizards, name), '\n# edited on the server\n');
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    writeFileSync(join(wizards, name), '');
    copyFileSync(join(definitionsDir(), name), join(wizards, name));
    expect(compiledDefinitions(wizards, compiledFile)).toHaveLength(readdirSync(wizards).length);
    writeFileSync(join(wizards, 'extra.yaml'), 'id: extra\n');
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    rmSync(join(wizards, 'extra.yaml'));
  });

  it('made by another version of the loader (build/), are not used', () => {
    writeFileSync(compiledFile, JSON.stringify({ ...compiled, code: 'f'.repeat(64) }));
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    writeFileSync(compiledFile, JSON.stringify({ ...compiled, format: compiled.format + 1 }));
    expect(compiledDefinitions(wizards, compiledFile)).toBeUndefined();
    writeFileSync(compiledFile, JSON.stringify(compiled));
  });

  it('refuse to be made from a definition that does not load, naming its problem', async () => {
    const bad = join(work, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'broken.yaml'), 'id: broken\ntitle: 3\n');
    await expect(compileForBundle(bad)).rejects.toThrow(/definitions that do not load cannot be shipped:\n.*broken\.yaml/);
  });
});
