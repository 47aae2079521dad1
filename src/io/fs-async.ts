// The promise forms of the node:fs calls that `plan` and the first screen make, over node:fs's
// own callbacks: importing node:fs/promises loads its module, its file handles and readline, some
// 0.8 ms of `plan` (2% of its budget). The same system calls, the same results and errors.
import * as fs from 'node:fs';
import { promisify } from 'node:util';

export const readdir = promisify(fs.readdir);
export const readFile = promisify(fs.readFile);
export const writeFile = promisify(fs.writeFile);
export const stat = promisify(fs.stat);
export const lstat = promisify(fs.lstat);
export const readlink = promisify(fs.readlink);
// The native one, as node:fs/promises has it (fs.realpath walks the path in JavaScript).
export const realpath = promisify(fs.realpath.native);
export const mkdtemp = promisify(fs.mkdtemp);
export const rm = promisify(fs.rm);
export const open = promisify(fs.open);
/** Resolves with { bytesRead, buffer }, as FileHandle#read does. */
export const read = promisify(fs.read);
export const close = promisify(fs.close);
