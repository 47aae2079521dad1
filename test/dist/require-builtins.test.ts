// requireBuiltins (scripts/dist/bundle.mjs): the bundle's ES imports of Node.js built-ins become
// requires after the banner, binding the same names; anything it cannot rewrite stops the build.
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { requireBuiltins } from '../../scripts/dist/bundle.mjs';

const rewrite = requireBuiltins as (code: string, file?: string) => string;
const banner = "import { createRequire as __uwCreateRequire } from 'node:module';\nconst require = __uwCreateRequire(import.meta.url);\n";

describe('requireBuiltins', () => {
  it('turns each form esbuild writes into requires right after the banner, mid-chunk ones too', () => {
    const chunk = `${banner}import{a,b as c}from"node:fs";import*as fs2 from"node:fs";import tty2 from"node:tty";f();import X,{once as o}from"node:events";import{serialize}from"node:v8";g();`;
    expect(rewrite(chunk)).toBe(
      `${banner}const {a,b: c}=require("node:fs");const fs2=require("node:fs");const tty2=require("node:tty");const X=require("node:events");const {once: o}=require("node:events");const {serialize}=require("node:v8");\nf();g();`,
    );
  });

  it('takes import as a keyword only, not the start of a name like import_jsx_runtime12', () => {
    const chunk = `${banner}(0,import_jsx_runtime12.jsx)(Text,{children:\`\${a}%\`})]})}import{basename}from"node:path";f();`;
    expect(rewrite(chunk)).toBe(`${banner}const {basename}=require("node:path");\n(0,import_jsx_runtime12.jsx)(Text,{children:\`\${a}%\`})]})}f();`);
  });

  it('leaves a chunk without built-ins as it is', () => {
    const chunk = `${banner}import{t}from"./chunk-A.js";t();`;
    expect(rewrite(chunk)).toBe(chunk);
  });

  it('stops the build on an import it cannot rewrite, or on a chunk without the banner', () => {
    expect(() => rewrite(`${banner}import{a}from "node:fs" with {type:"x"};`, 'c.js')).toThrow(/c\.js: an import of a built-in is left/);
    expect(() => rewrite('import{a}from"node:fs";', 'c.js')).toThrow(/c\.js: no require banner/);
  });
});
