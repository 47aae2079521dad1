// The handler of each step kind.
import type { StepKind } from '../../model/definition.js';
import type { StepHandler } from '../context.js';
import { backup } from './backup.js';
import { command } from './command.js';
import { compare } from './compare.js';
import { copy } from './copy.js';
import { deleteFiles } from './delete-files.js';
import { ensureDir } from './ensure-dir.js';
import { ensureLines } from './ensure-lines.js';
import { ensureServices } from './ensure-services.js';
import { manual } from './manual.js';
import { migrateConfig } from './migrate-config.js';
import { move } from './move.js';
import { reboot } from './reboot.js';
import { restore } from './restore.js';
import { service } from './service.js';
import { switchSymlink } from './switch-symlink.js';
import { unpack } from './unpack.js';
import { verify } from './verify.js';

export const handlers: Record<StepKind, StepHandler> = {
  command,
  service,
  manual,
  backup,
  restore,
  unpack,
  'switch-symlink': switchSymlink,
  'ensure-dir': ensureDir,
  copy,
  move,
  'ensure-lines': ensureLines,
  'migrate-config': migrateConfig,
  verify,
  reboot,
  'ensure-services': ensureServices,
  compare,
  'delete-files': deleteFiles,
};
