// What the standalone executable's build (binary.mjs), its start (sea-main.mjs) and the run that
// warms its code cache (sea-train.mjs) agree on. The wizard's script is an asset: the body of the
// function wrapApp() writes, from which binary.mjs makes the code cache (the very same text), and
// which sea-main.mjs compiles as it is (no second copy of 2.5 MB at each start).
export const EXECUTABLE = 'upgrade-wizard';
export const APP_ASSET = 'app.cjs';
export const CACHE_ASSET = 'app.cache';
/** The sentinel that marks a Node.js binary as able to carry a single executable application. */
export const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export function wrapApp(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** Runs the compiled vm.Script of wrapApp()'s text; returns the wizard's exports (sea-app.mjs). */
export function runApp(script, require, filename, dirname) {
  const module = { exports: {} };
  script.runInThisContext()(module.exports, require, module, filename, dirname);
  return module.exports;
}
