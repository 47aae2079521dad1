// The start shared by the CD launchers (upgrade-wizard.sh and upgrade-wizard.cmd): checks the
// Node.js version, then every file of this folder against SHA256SUMS, then starts the wizard
// (--version alone is answered here, below).
// Written in plain ES5 on purpose: an old Node.js must be able to read it to say it is too old.
// Copied as lib/launch.cjs by scripts/dist/build.mjs.
'use strict';
var fs = require('fs');
var path = require('path');

var MIN_MAJOR = 20;
var lib = __dirname;
var top = path.dirname(lib);

var MESSAGES = {
  en: {
    tooOld: 'Node.js {version} ({node}) is too old: the wizard needs Node.js {min} or newer.\n' +
      'Install Node.js {min} or newer (or put it first on PATH, or set UPGRADE_WIZARD_NODE to its node executable) and start again.',
    noSums: 'the file SHA256SUMS is missing from {dir}: the folder is incomplete, nothing was run.\n{again}',
    badSums: 'SHA256SUMS in {dir} is damaged (line {line}): nothing was run.\n{again}',
    missing: 'the file {file} of the wizard is missing from {dir}: the copy is incomplete, nothing was run.\n{again}',
    differs: 'the file {file} of the wizard differs from its checksum in SHA256SUMS: the copy is damaged or was changed, nothing was run.\n' +
      '{again} To check the CD itself, run "sha256sum -c SHA256SUMS" in its upgrade-wizard folder.',
    stray: 'files that are not part of the wizard (SHA256SUMS does not list them) are in {dir}: {files}. The wizard would load them, so nothing was run.\n' +
      'Remove them: your own files, answers files for instance, belong in the top of the folder, outside lib, wizards and templates (if this is the CD itself, the CD is damaged: ask for a new one).',
    again: 'Copy the whole upgrade-wizard folder again from the CD (if this is the CD itself, the CD is damaged: ask for a new one).',
    startFailed: 'the wizard could not start: {detail}'
  },
  ja: {
    tooOld: 'Node.js {version} ({node}) は古すぎます。このウィザードには Node.js {min} 以上が必要です。\n' +
      'Node.js {min} 以上をインストールし (または PATH の先頭に置くか、UPGRADE_WIZARD_NODE にその node のパスを設定し)、もう一度起動してください。',
    noSums: '{dir} に SHA256SUMS がありません。フォルダーが不完全なため、何も実行していません。\n{again}',
    badSums: '{dir} の SHA256SUMS が壊れています ({line} 行目)。何も実行していません。\n{again}',
    missing: 'ウィザードのファイル {file} が {dir} にありません。コピーが不完全なため、何も実行していません。\n{again}',
    differs: 'ウィザードのファイル {file} が SHA256SUMS のチェックサムと一致しません。コピーが壊れているか変更されているため、何も実行していません。\n' +
      '{again} CD 自体は、CD の upgrade-wizard フォルダーで "sha256sum -c SHA256SUMS" を実行して確認できます。',
    stray: '{dir} に、ウィザードのものではない (SHA256SUMS にない) ファイルがあります: {files}。ウィザードが読み込んでしまうため、何も実行していません。\n' +
      'これらを削除してください。回答ファイルなど自分のファイルは、lib、wizards、templates の外、フォルダーの最上位に置いてください (これが CD そのものなら、CD が壊れています。新しい CD を入手してください)。',
    again: 'upgrade-wizard フォルダー全体を CD からもう一度コピーしてください (これが CD そのものなら、CD が壊れています。新しい CD を入手してください)。',
    startFailed: 'ウィザードを起動できませんでした: {detail}'
  }
};

/** --lang wins (the last one, as the wizard reads it); else LC_ALL, LC_MESSAGES, LANG. */
function language(argv, env) {
  var given = null;
  for (var i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && (argv[i + 1] === 'ja' || argv[i + 1] === 'en')) given = argv[i + 1];
    if (argv[i] === '--lang=ja' || argv[i] === '--lang=en') given = argv[i].slice(7);
  }
  if (given !== null) return given;
  var locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().indexOf('ja') === 0 ? 'ja' : 'en';
}

function say(lang, key, params) {
  var text = MESSAGES[lang][key].replace(/\{(\w+)\}/g, function (whole, name) {
    if (name === 'again') return MESSAGES[lang].again;
    return name in params ? String(params[name]) : whole;
  });
  process.stderr.write('upgrade-wizard: ' + text + '\n');
}

function tooOld() {
  var major = parseInt(String(process.versions.node).split('.')[0], 10);
  return !(major >= MIN_MAJOR);
}

// One buffer for every file: reading each whole into a new one costs more here than the hashing
// (fresh memory for 3.5 MB at every start).
var chunk = null;

/** Feeds the bytes of file to hash; throws when it cannot be read. */
function readInto(file, hash) {
  if (chunk === null) chunk = Buffer.allocUnsafe(1 << 20);
  var fd = fs.openSync(file, 'r');
  try {
    for (var n = fs.readSync(fd, chunk, 0, chunk.length, null); n > 0; n = fs.readSync(fd, chunk, 0, chunk.length, null)) {
      hash.update(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
  } finally {
    fs.closeSync(fd);
  }
}

// The folders whose files the wizard reads by listing them (its code, wizards/*.yaml, templates):
// a file there that SHA256SUMS does not list would be loaded unchecked (a stray copy of a
// definition is a product of its own). Elsewhere an administrator's own files are welcome.
var CHECKED_DIRS = ['lib', 'wizards', 'templates'];

/** Files under dir/sub not in listed, relative to dir with /, sorted. */
function unlisted(dir, sub, listed, out) {
  var entries;
  try {
    entries = fs.readdirSync(path.join.apply(path, [dir].concat(sub.split('/'))), { withFileTypes: true });
  } catch (e) {
    return;
  }
  for (var i = 0; i < entries.length; i++) {
    var name = sub + '/' + entries[i].name;
    if (entries[i].isDirectory()) unlisted(dir, name, listed, out);
    else if (!Object.prototype.hasOwnProperty.call(listed, name)) out.push(name);
  }
}

/**
 * null when every file listed in dir's SHA256SUMS is there with its checksum (but the one named
 * except, if any) and lib/, wizards/ and templates/ hold no other file; else what is wrong.
 */
function verify(dir, except) {
  var text;
  try {
    text = fs.readFileSync(path.join(dir, 'SHA256SUMS'), 'utf8');
  } catch (e) {
    return { key: 'noSums', params: {} };
  }
  var lines = text.split(/\r?\n/);
  var count = 0;
  var listed = {};
  for (var i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    var m = /^([0-9a-f]{64}) [ *]([^\\:]+)$/.exec(lines[i]);
    // Names are relative, with /, and never climb out of the folder.
    if (!m || m[2].charAt(0) === '/' || m[2].split('/').indexOf('..') >= 0) return { key: 'badSums', params: { line: i + 1 } };
    listed[m[2]] = true;
    if (m[2] === except) continue;
    // Required here, not at the top: --version, answered without the check, does not load it.
    var hash = require('crypto').createHash('sha256');
    try {
      readInto(path.join.apply(path, [dir].concat(m[2].split('/'))), hash);
    } catch (e) {
      return { key: 'missing', params: { file: m[2] } };
    }
    if (hash.digest('hex') !== m[1]) return { key: 'differs', params: { file: m[2] } };
    count++;
  }
  if (count === 0) return { key: 'badSums', params: { line: 1 } };
  var stray = [];
  for (var d = 0; d < CHECKED_DIRS.length; d++) unlisted(dir, CHECKED_DIRS[d], listed, stray);
  return stray.length === 0 ? null : { key: 'stray', params: { files: stray.sort().join(', ') } };
}

/**
 * --version runs none of the wizard's code: answered from lib/package.json (of libDir, else of
 * this folder), before the check and without it (a damaged copy can still say which version it
 * is; nothing else runs). False when it was not asked, or lib/package.json cannot say (the check
 * then names what is wrong).
 */
function answerVersion(argv, libDir) {
  if (argv.length !== 1 || (argv[0] !== '--version' && argv[0] !== '-V')) return false;
  var shipped;
  try {
    shipped = JSON.parse(fs.readFileSync(path.join(libDir || lib, 'package.json'), 'utf8')).version;
  } catch (e) {
    return false;
  }
  if (typeof shipped !== 'string') return false;
  process.stdout.write(shipped + '\n');
  return true;
}

function start(argv, lang) {
  var problem = verify(top);
  if (problem) {
    problem.params.dir = top;
    say(lang, problem.key, problem.params);
    process.exitCode = 2;
    return;
  }
  var cli;
  try {
    cli = require(path.join(lib, 'chunks.cjs')).entry(path.join(lib, 'app'));
  } catch (error) {
    say(lang, 'startFailed', { detail: (error && error.stack) || String(error) });
    process.exitCode = 1;
    return;
  }
  cli.main(argv);
}

// Exit codes through process.exitCode, not process.exit(): on a Windows console the message
// written just before could be cut off.
function launch() {
  var argv = process.argv.slice(2);
  var lang = language(argv, process.env);
  if (tooOld()) {
    say(lang, 'tooOld', { version: process.versions.node, node: process.execPath, min: MIN_MAJOR });
    process.exitCode = 2;
  } else if (!answerVersion(argv)) {
    start(argv, lang);
  }
}

// The standalone executable (scripts/dist/sea-main.mjs) bundles this file for its checks.
if (require.main === module) launch();
else module.exports = { answerVersion: answerVersion, language: language, say: say, verify: verify };
