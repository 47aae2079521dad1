// The esbuild options of the CD bundle: every dependency inlined, production React, ESM split
// into chunks so that each mode parses only what it uses (`--version` reads the entry and the
// message catalogue of the command line; the Ink screens are a chunk of their own).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
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

/**
 * `const { createElement } = await import('react')` gets named exports of a CommonJS package
 * from Node; esbuild gives such a dynamic import only a default export. Those imports go through
 * a module that names every export of the package.
 */
const cjsNamedExports = {
  name: 'cjs-named-exports',
  setup(b) {
    b.onResolve({ filter: /^react$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'cjs-named' } : undefined));
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
    plugins: [noDevtools, cjsNamedExports],
    ...options,
  });
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
