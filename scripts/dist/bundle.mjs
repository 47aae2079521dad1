// The esbuild options of the CD bundle: every dependency inlined, production React, ESM split
// into chunks so that each mode parses only what it uses (`--version` reads the entry and the
// message catalogue of the command line; the Ink screens are a chunk of their own).
import { build, transform } from 'esbuild';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../', import.meta.url));
const requireHere = createRequire(join(repo, 'package.json'));

/** Bundled CommonJS (pg, iconv-lite, react) calls require(); ESM has none, so each chunk makes one. */
const requireBanner = "import { createRequire as __uwCreateRequire } from 'node:module';\nconst require = __uwCreateRequire(import.meta.url);";

/**
 * Ink loads its React DevTools bridge (react-devtools-core, ws) only when DEV=true; on a server
 * it has nothing to connect to, so the module is replaced by an empty one.
 */
const noDevtools = {
  name: 'no-devtools',
  setup(b) {
    b.onResolve({ filter: /^react-devtools-core$|[\\/]devtools\.js$/ }, (args) =>
      args.path === 'react-devtools-core' || /[\\/]ink[\\/]/.test(args.importer) ? { path: args.path, namespace: 'no-devtools' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'no-devtools' }, () => ({ contents: 'export default {};', loader: 'js' }));
  },
};

/** Stops the build when a bundled package no longer holds a text that a patch below changes. */
function expectIn(source, path, ...texts) {
  for (const text of texts) if (!source.includes(text)) throw new Error(`${path}: no "${text}" to change; update scripts/dist/bundle.mjs`);
}

/**
 * The executable's script with every character beyond ASCII written as a \u escape. esbuild
 * escapes them in strings but not in regular expressions, and V8 keeps a script with a single
 * one at two bytes a character: the executable's whole 3.2 MB script, for three characters of
 * one regular expression, took 3 MB more memory. (The CD and npm chunks keep them: see
 * docs/performance.md, "The executable's memory".)
 */
export function asciiOnly(code) {
  return code.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A plugin that loads the files matching filter as patch(source, path) gives them; undefined leaves a file as it is. */
function patching(name, filter, patch) {
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, async (args) => {
        const contents = patch(await readFile(args.path, 'utf8'), args.path);
        return contents === undefined ? undefined : { contents, loader: 'js' };
      });
    },
  };
}

/**
 * iconv-lite carries the tables of every legacy encoding (390 KB); the wizard decodes only
 * Shift_JIS (CP932) and EUC-JP (src/io/encoding.ts). The Chinese and Korean tables become a
 * module that throws, reached only by asking for those encodings, and the single-byte ones are
 * left out (iconv-lite then says it does not know them).
 */
const ICONV_UNUSED_TABLES = /^\.\/tables\/(cp936|gbk-added|gb18030-ranges|cp949|cp950|big5-added)\.json$/;
const iconvJapaneseOnly = {
  name: 'iconv-japanese-only',
  setup(b) {
    b.onResolve({ filter: ICONV_UNUSED_TABLES }, (args) => (/[\\/]iconv-lite[\\/]encodings[\\/]dbcs-data\.js$/.test(args.importer) ? { path: args.path, namespace: 'iconv-unbundled' } : undefined));
    b.onResolve({ filter: /^\.\/sbcs-data-generated$/ }, (args) => (/[\\/]iconv-lite[\\/]encodings[\\/]index\.js$/.test(args.importer) ? { path: args.path, namespace: 'iconv-unbundled' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'iconv-unbundled' }, (args) => ({
      contents: args.path.endsWith('.json') ? `throw new Error(${JSON.stringify(`iconv-lite: ${args.path} is not in upgrade-wizard's bundle, which decodes Shift_JIS and EUC-JP only`)});` : 'module.exports = {};',
      loader: 'js',
    }));
  },
};

/**
 * Yoga (Ink's layout engine) carries its WebAssembly as a data: URL and, when a global fetch
 * exists, reads it through fetch: on Node that loads undici, http2 and tls (some 50-100 ms and
 * several MB before the first screen) to decode 90 KB of base64. Without fetch it decodes the
 * same bytes directly (emscripten's own path for runtimes without fetch), so the module gets a
 * local fetch that is undefined. That path decodes with atob and copies the result a character
 * at a time into an array (1.5 ms on a cold start); Buffer decodes the same base64 natively.
 */
const YOGA_DECODE = 'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
const yogaWithoutFetch = patching('yoga-without-fetch', /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, (source, path) => {
  expectIn(source, path, YOGA_DECODE);
  return `const fetch = undefined;\n${source.replace(YOGA_DECODE, () => "var d=new Uint8Array(Buffer.from(a.slice(37),'base64'))")}`;
});

/**
 * Ink asks of every text it draws whether it holds an escape or a C1 control, one code point at
 * a time in JavaScript (some 3-5 ms of the first screen, before the code is optimised); one
 * regular expression scans for the same characters natively.
 */
const INK_C1_LOOP = `    for (const character of text) {
        if (isC1ControlCharacter(character)) {
            return true;
        }
    }
    return false;`;
const inkAnsiScan = patching('ink-ansi-scan', /[\\/]ink[\\/]build[\\/]ansi-tokenizer\.js$/, (source, path) => {
  expectIn(source, path, INK_C1_LOOP);
  return source.replace(INK_C1_LOOP, () => '    return /[\\u0080-\\u009F]/.test(text);');
});

/**
 * Ink turns every row of the screen back into text, cell by cell (a 120 x 40 terminal is 4,800
 * cells, most of them blank), and asks for each cell which ANSI codes lead from the previous
 * cell's styles to its own: three Sets and two filters a cell, in code that has not been
 * optimised yet at the first frame. Where the two cells' codes are the same list that answer is
 * nothing at all, and so is the reset after a last cell without styles; the patch says so first.
 */
const STYLED_DIFF = 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));';
const STYLED_RESET = 'ret += ansiCodesToString(diffAnsiCodes(char.styles, []));';
export function patchStyledChars(source, path) {
  expectIn(source, path, STYLED_DIFF, STYLED_RESET);
  const same = 'const uwSameCodes = (a, b) => a === b || (a.length === b.length && a.every((c, k) => c.code === b[k].code && c.endCode === b[k].endCode));';
  return `${source.replace(STYLED_DIFF, () => `if (!uwSameCodes(chars[i - 1].styles, char.styles)) ${STYLED_DIFF}`).replace(STYLED_RESET, () => `if (char.styles.length > 0) ${STYLED_RESET}`)}\n${same}\n`;
}
const styledCharsSameCodes = patching('styled-chars-same-codes', /[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/, patchStyledChars);

/**
 * The libraries that measure and cut the screens' text each construct an Intl.Segmenter when
 * they load. The first Intl object of a process builds V8's set of every ICU locale (some 90
 * million instructions, 8-10 ms) before the first screen, to cut text whose code points are each
 * a cluster of their own: src/ui/graphemes.ts stands in, and creates the real one only for text
 * that needs it. The build stops if a library no longer constructs one as expected.
 */
const SEGMENTER_NEW = 'new Intl.Segmenter(';
const graphemesModule = JSON.stringify(join(repo, 'src/ui/graphemes.ts'));
function withoutIcu(source, path) {
  expectIn(source, path, SEGMENTER_NEW);
  return `import { GraphemeSegmenter as __uwGraphemeSegmenter } from ${graphemesModule};\n${source.replaceAll(SEGMENTER_NEW, 'new __uwGraphemeSegmenter(')}`;
}
const graphemesWithoutIcu = patching('graphemes-without-icu', /[\\/]node_modules[\\/](slice-ansi[\\/]tokenize-ansi|@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize)\.js$/, withoutIcu);

/**
 * string-width (Ink measures every text with it) builds /^\p{RGI_Emoji}$/v when it loads: V8
 * expands that property of strings when it parses the expression (a literal has early errors,
 * so even an unused one is parsed with the module), 25-40 ms during the first screen. The
 * expression becomes a function that builds it on first use, and each cluster of non-ASCII text
 * is tested against it only when it can be an emoji: every RGI emoji (UTS #51: basic emoji,
 * keycaps, flags, tag, modifier and ZWJ sequences) holds an Emoji_Presentation or Emoji_Modifier
 * code point, U+FE0F, U+20E3 or U+200D (checked over every code point alone, with U+FE0F, as a
 * keycap and with a modifier), so a cluster with none of them (a cheap test; not \p{Emoji}, which
 * digits have) cannot match and skips it: same widths, no cost unless an emoji is on screen. The
 * build stops if string-width no longer reads as expected. The copies that segment (wrap-ansi
 * has its own, older one, with emoji-regex instead) get the segmenter of graphemesWithoutIcu.
 */
const RGI_DECLARATION = 'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;';
const RGI_TEST = 'rgiEmojiRegex.test(segment)';
const WIDTH_OPTIONS = 'const eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};';
/** string-width as the bundle has it (stringWidthPatched); undefined for a copy that segments nothing. */
export function patchStringWidth(original, path) {
  // string-width 4 (CommonJS, of another dependency) segments nothing.
  if (!original.includes('Intl.Segmenter')) return undefined;
  const source = withoutIcu(original, path);
  // wrap-ansi's older copy (emoji-regex instead) is left as it is: Ink wraps no text of a frame with it.
  if (!source.includes('rgiEmojiRegex')) return source;
  expectIn(source, path, RGI_DECLARATION, RGI_TEST, WIDTH_OPTIONS);
  const lazy = "let uwRgiEmoji;\nconst rgiEmojiRegex = { test: (s) => (uwRgiEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(s) };";
  const guard = 'const uwHasEmoji = /[\\p{Emoji_Presentation}\\p{Emoji_Modifier}\\uFE0F\\u20E3\\u200D]/u;';
  // Text whose every code point is a cluster of its own (graphemes.ts) and none an emoji: each
  // code point is its cluster's first visible one, or invisible (the C0 and C1 controls and the
  // soft hyphen are all of ALONE that are), so the width is the sum of theirs. The loop over
  // clusters (a regular expression, the emoji, Hangul and trailing-mark checks for each) was a
  // millisecond of the first frame, in code V8 still interprets then.
  const alone = `${WIDTH_OPTIONS}
\tif (__uwStandsAlone(string) && !uwHasEmoji.test(string)) {
\t\tfor (const character of string) {
\t\t\tconst codePoint = character.codePointAt(0);
\t\t\tif (codePoint > 0x9F ? codePoint !== 0xAD : codePoint >= 0x20 && codePoint < 0x7F) width += eastAsianWidth(codePoint, eastAsianWidthOptions);
\t\t}
\t\treturn width;
\t}`;
  const patched = source
    .replace(RGI_DECLARATION, () => lazy)
    .replaceAll(RGI_TEST, `(uwHasEmoji.test(segment) && ${RGI_TEST})`)
    .replace(WIDTH_OPTIONS, () => alone);
  return `import { standsAlone as __uwStandsAlone } from ${graphemesModule};\n${guard}\n${patched}`;
}
const stringWidthPatched = patching('string-width-patched', /[\\/]node_modules[\\/]string-width[\\/]index\.js$/, patchStringWidth);

/**
 * Node.js modules that Ink's dependencies load at their top for a call the screens never make:
 * signal-exit 3 (restore-cursor's and Ink's copies) loads node:assert for one check of its
 * argument, terminal-size node:child_process (with node:net and node:dgram) for \`tput\` when a
 * terminal does not say its size. Compiling them was about a millisecond of the first frame.
 * Each is required where it is called instead; the build stops if a library no longer reads so.
 */
const SIGNAL_EXIT_ASSERT = "var assert = require('assert')";
export const signalExitLazyAssert = patching('signal-exit-lazy-assert', /[\\/]signal-exit[\\/]index\.js$/, (source, path) => {
  // signal-exit 4 (an ES module) loads no assert.
  if (!source.includes("require('assert')")) return undefined;
  expectIn(source, path, SIGNAL_EXIT_ASSERT);
  return source.replace(SIGNAL_EXIT_ASSERT, () => "var assert = { equal: function () { var a = require('assert'); return a.equal.apply(a, arguments) } }");
});
const TERMINAL_SIZE_EXEC = "import {execFileSync} from 'node:child_process';";
export const terminalSizeLazyExec = patching('terminal-size-lazy-exec', /[\\/]terminal-size[\\/]index\.js$/, (source, path) => {
  expectIn(source, path, TERMINAL_SIZE_EXEC);
  return source.replace(TERMINAL_SIZE_EXEC, () => "const execFileSync = (...args) => require('node:child_process').execFileSync(...args);");
});

/**
 * `const { createElement } = await import('react')` gets named exports of a CommonJS package
 * from Node; esbuild gives such a dynamic import only a default export. Those imports go through
 * a module that names every export of the package. The CommonJS packages src/ imports lazily
 * by name: react (the screens), yaml (--answers, the Ansible export); pg and iconv-lite are
 * imported for their default, which esbuild gives. The static imports of react and its JSX
 * runtime (every screen and every module of Ink) go through the same module: esbuild otherwise
 * gives each importer a copy of the package's exports of its own (64 copies, some 4,000
 * properties defined before the first frame).
 */
const cjsNamedExports = {
  name: 'cjs-named-exports',
  setup(b) {
    b.onResolve({ filter: /^(react|react\/jsx-runtime|yaml)$/ }, (args) => {
      // The named module's own import of the package.
      if (args.namespace === 'cjs-named') return undefined;
      const named = args.kind === 'dynamic-import' || (args.kind === 'import-statement' && args.path !== 'yaml');
      return named ? { path: args.path, namespace: 'cjs-named' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'cjs-named' }, (args) => {
      const names = Object.keys(requireHere(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== 'default');
      return { contents: `import m from '${args.path}';\nexport default m;\nexport const { ${names.join(', ')} } = m;\n`, loader: 'js', resolveDir: repo };
    });
  },
};

/**
 * Bundles src/cli.ts into outdir: cli.js and its chunks side by side, one level below the folder
 * that holds package.json and two below wizards/ (what src/cli.ts and src/plan/load.ts expect of
 * build/, and what src/plan/compiled.ts expects of lib/definitions.json). Returns esbuild's metafile.
 */
export async function bundle(outdir, options = {}) {
  const result = await build({
    absWorkingDir: repo,
    entryPoints: { cli: 'src/cli.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    splitting: true,
    outdir,
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: requireBanner },
    // pg tries the optional native binding first and falls back to plain JS without it.
    external: ['pg-native'],
    // Whitespace only: identifiers stay readable in the stack trace of a bug report.
    minifyWhitespace: true,
    // The licences of the bundled packages go whole into THIRD-PARTY-LICENSES.txt instead.
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
    plugins: [noDevtools, cjsNamedExports, iconvJapaneseOnly, yogaWithoutFetch, yogaStartAtImport, inkWithoutDevAwaits, stringWidthPatched, graphemesWithoutIcu, inkAnsiScan, styledCharsSameCodes, signalExitLazyAssert, terminalSizeLazyExec],
    ...options,
  });
  for (const name of Object.keys(result.metafile.outputs).filter((n) => n.endsWith('.js'))) {
    const file = join(repo, name);
    writeFileSync(file, await chunkBody(requireBuiltins(readFileSync(file, 'utf8'), file), file));
  }
  return result.metafile;
}

/**
 * A chunk as scripts/dist/chunks.cjs runs it: a CommonJS function body, whose imports of other
 * chunks are require('./chunk-X.js') and whose dynamic imports call __uwImport; import.meta.url
 * is __uwUrl. esbuild splits only ES modules, so the split chunks are turned into CommonJS one by
 * one (exports stay live: esbuild's CommonJS exports are getters).
 */
async function chunkBody(code, file) {
  if (!code.startsWith(`${requireBanner}\n`)) throw new Error(`${file}: no require banner; update scripts/dist/bundle.mjs`);
  const r = await transform(code.slice(requireBanner.length + 1), {
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    define: { 'import.meta.url': '__uwUrl' },
    minifyWhitespace: true,
    logLevel: 'error',
  });
  const body = r.code.replace(/(?<![\w$.])import\((?=")/g, '__uwImport(');
  const left = /(?<![\w$.])import\s*\(/.exec(body);
  if (left !== null) throw new Error(`${file}: a dynamic import() of something else than a chunk is left at ${left.index}; update scripts/dist/bundle.mjs`);
  return body;
}

/**
 * An ES import of a Node.js built-in builds its ES module facade, which reads every export, the
 * lazy ones too (fs.promises with the streams, crypto.webcrypto, every stream class): some 10 ms
 * before `plan` does anything. The chunks require the built-ins instead (the banner's require),
 * so they read only the exports they name. The requires go right after the banner, where the
 * imports were in effect (esbuild leaves some mid-chunk; ES imports are hoisted). esbuild writes
 * these imports in four forms; the build stops if one is left.
 */
export function requireBuiltins(code, file = 'chunk') {
  const decls = [];
  // "import" as a keyword only: an identifier such as import_jsx_runtime12 followed by a template
  // literal (which has none of ; ' ") must not start a match that runs on to a later import.
  const out = code.replace(/(?<![\w$.])import(?![\w$])\s*([^;'"]*?)\s*from\s*"(node:[a-z0-9_/]+)"\s*;/g, (whole, clause, module) => {
    for (const part of clause.split(/,(?![^{]*\})/).map((p) => p.trim())) {
      let binding;
      if (/^\{[^}]*\}$/.test(part)) binding = part.replace(/\s+as\s+/g, ': ');
      else if (/^\*\s*as\s+[\w$]+$/.test(part)) binding = part.replace(/^\*\s*as\s+/, '');
      else if (/^[\w$]+$/.test(part)) binding = part;
      else throw new Error(`${file}: cannot turn "${whole}" into a require; update scripts/dist/bundle.mjs`);
      decls.push(`const ${binding}=require(${JSON.stringify(module)});`);
    }
    return '';
  });
  const left = /\bfrom\s*"node:[^"]*"/.exec(out);
  if (left !== null) throw new Error(`${file}: an import of a built-in is left at ${left.index}; update scripts/dist/bundle.mjs`);
  if (decls.length === 0) return code;
  if (!out.startsWith(`${requireBanner}\n`)) throw new Error(`${file}: no require banner to put the built-ins after; update scripts/dist/bundle.mjs`);
  return `${requireBanner}\n${decls.join('')}\n${out.slice(requireBanner.length + 1)}`;
}

/**
 * yoga-layout awaits its WebAssembly at the top of its module, which CommonJS cannot do. The
 * module exports a live binding instead, filled by `instead` (the code put where the await was).
 */
const YOGA_AWAIT = 'const Yoga = wrapAssembly(await loadYoga());';
const YOGA_EXPORT = 'export default Yoga;';
function yogaDeferred(name, instead) {
  return patching(name, /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/, (source, path) => {
    expectIn(source, path, YOGA_AWAIT, YOGA_EXPORT);
    return source.replace(YOGA_AWAIT, () => instead).replace(YOGA_EXPORT, 'export { Yoga as default };');
  });
}

/** The standalone executable: __uwInitYoga() fills it, and scripts/dist/sea-app.mjs awaits that before the screens start. */
const yogaInitLater = yogaDeferred('yoga-init-later', 'let Yoga;\nexport async function __uwInitYoga() {\n  Yoga ??= wrapAssembly(await loadYoga());\n}');

/**
 * The chunks (chunkBody()): yoga starts decoding its WebAssembly when its module runs, and
 * chunks.cjs's dynamic import (the only way to the screens) waits for it, as the ES module's
 * importers waited for its top-level await.
 */
const yogaStartAtImport = yogaDeferred('yoga-start-at-import', 'let Yoga;\n(globalThis.__uwPending ??= []).push(loadYoga().then((y) => {\n  Yoga = wrapAssembly(y);\n}));');

/**
 * Ink's reconciler awaits at its top only when DEV=true (the devtools bridge, which no-devtools
 * empties anyway, and its package.json for it): in the CommonJS bundle those two are skipped.
 */
const INK_DEV_AWAITS = [
  ["await import('./devtools.js');", 'void 0;'],
  ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
];
const inkWithoutDevAwaits = patching('ink-without-dev-awaits', /[\\/]ink[\\/]build[\\/]reconciler\.js$/, (source, path) => {
  expectIn(source, path, ...INK_DEV_AWAITS.map(([expected]) => expected));
  return INK_DEV_AWAITS.reduce((patched, [expected, instead]) => patched.replace(expected, () => instead), source);
});

/** import.meta.url of the CD bundle's lib/app/cli.js, beside the executable: the same data paths. */
const binaryBanner =
  "var __uwAppUrl = require('node:url').pathToFileURL(require('node:path').join(require('node:path').dirname(process.execPath), 'lib', 'app', 'cli.js')).href;";

/**
 * The standalone executable's two CommonJS scripts: main (scripts/dist/sea-main.mjs with the
 * launcher's checks, what the executable starts) and app (scripts/dist/sea-app.mjs, the whole
 * wizard, an asset). Returns the wizard's metafile.
 */
export async function bundleBinary(mainFile, appFile) {
  const common = { absWorkingDir: repo, bundle: true, platform: 'node', target: 'node20', format: 'cjs', minifyWhitespace: true, legalComments: 'none', logLevel: 'warning' };
  await build({ ...common, entryPoints: [join(repo, 'scripts/dist/sea-main.mjs')], outfile: mainFile, external: ['node:sea'] });
  const result = await build({
    ...common,
    entryPoints: [join(repo, 'scripts/dist/sea-app.mjs')],
    outfile: appFile,
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__uwAppUrl' },
    banner: { js: binaryBanner },
    external: ['pg-native'],
    metafile: true,
    plugins: [noDevtools, cjsNamedExports, iconvJapaneseOnly, yogaWithoutFetch, yogaInitLater, inkWithoutDevAwaits, stringWidthPatched, graphemesWithoutIcu, inkAnsiScan, styledCharsSameCodes, signalExitLazyAssert, terminalSizeLazyExec],
  });
  for (const file of [mainFile, appFile]) writeFileSync(file, asciiOnly(readFileSync(file, 'utf8')));
  return result.metafile;
}

/** Bundles a module of the sources (stdin contents, resolved from the repository) into one file. */
export async function bundleScript(contents, outfile) {
  await build({
    absWorkingDir: repo,
    stdin: { contents, resolveDir: repo, loader: 'ts', sourcefile: 'script.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile,
    banner: { js: requireBanner },
    external: ['pg-native'],
    logLevel: 'warning',
    plugins: [noDevtools],
  });
}

/** The licence text of every package inlined in the bundle, from esbuild's metafile. */
export function thirdPartyLicenses(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (m) dirs.add(m[1]);
  }
  const parts = [];
  for (const dir of [...dirs].sort()) {
    const abs = join(repo, dir);
    const meta = JSON.parse(readFileSync(join(abs, 'package.json'), 'utf8'));
    const file = readdirSync(abs).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    const text = file === undefined ? `(no licence file in the package; package.json says: ${meta.license ?? 'nothing'})` : readFileSync(join(abs, file), 'utf8').trim();
    parts.push(`${'='.repeat(78)}\n${meta.name} ${meta.version} (${meta.license ?? 'unknown'})\n${'='.repeat(78)}\n${text}\n`);
  }
  return `The upgrade-wizard bundle (lib/app/) includes these packages:\n\n${parts.join('\n')}`;
}
