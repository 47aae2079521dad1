// Loads the bundle's chunks (lib/app/, written by bundle.mjs as CommonJS function bodies) with
// the code cache beside each one (NAME.js.cache, made at build time by train-chunks.mjs). Node.js
// 20 has no compile cache for its own loaders, and its ES module loader alone cost `plan` a fifth
// of its time (resolving every import through file URLs): this one reads a chunk, compiles it
// with its cache, and runs it. A cache made by another V8 (another Node.js) or other flags is
// rejected by V8, which then compiles the chunk as Node.js would have. Shipped as lib/chunks.cjs;
// the npm bin, the CD launcher and the build's training run load the wizard through it.
'use strict';
var fs = require('node:fs');
var path = require('node:path');
var url = require('node:url');
var vm = require('node:vm');

/** The text compiled for a chunk; the training run must compile the very same text. */
function wrap(body) {
  return '(function (exports, require, module, __filename, __dirname, __uwImport, __uwUrl) {' + body + '\n})';
}

function readCache(file) {
  try {
    return fs.readFileSync(file + '.cache');
  } catch (e) {
    return undefined;
  }
}

/** A loader of the chunks of dir; loaded: every chunk compiled so far, with its vm.Script. */
function loader(dir, options) {
  var useCache = !(options && options.noCache);
  var modules = new Map();
  var loaded = [];
  function load(name) {
    var known = modules.get(name);
    if (known !== undefined) return known.exports;
    var module = { exports: {} };
    modules.set(name, module);
    var file = path.join(dir, name);
    var source = fs.readFileSync(file, 'utf8');
    var script = new vm.Script(wrap(source), { filename: file, cachedData: useCache ? readCache(file) : undefined });
    loaded.push({ file: file, script: script });
    // import.meta.url, for the few chunks that use it: a file URL per chunk costs more than the scan.
    var meta = source.indexOf('__uwUrl') >= 0 ? url.pathToFileURL(file).href : undefined;
    script.runInThisContext()(module.exports, requireFrom, module, file, dir, importChunk, meta);
    return module.exports;
  }
  function requireFrom(id) {
    return id.slice(0, 2) === './' ? load(id.slice(2)) : require(id);
  }
  // What a dynamic import() of a chunk became: it also waits for what a chunk started at its
  // top and an ES module would have awaited there (yoga's WebAssembly: bundle.mjs).
  function importChunk(id) {
    return Promise.resolve().then(function () {
      var exports = requireFrom(id);
      var pending = globalThis.__uwPending || [];
      return Promise.all(pending).then(function () {
        return exports;
      });
    });
  }
  return { load: load, loaded: loaded };
}

/** The wizard's entry (cli.js of the chunks in dir): its main(argv) runs a command line. */
function entry(dir) {
  return loader(dir).load('cli.js');
}

module.exports = { entry: entry, loader: loader, wrap: wrap };
