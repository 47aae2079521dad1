// The wizard's script inside the standalone executable is an asset: the body of this function,
// written so by scripts/dist/binary.mjs (which makes its code cache from the very same text), and
// compiled as it is by sea-main.mjs (no second copy of 2.8 MB at each start).
export const APP_ASSET = 'app.cjs';
export const CACHE_ASSET = 'app.cache';

export function wrapApp(source) {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}
