// ShareTask detectors: what an installed ShareTask 5.4 server or 5.2 client shows on disk,
// and which packages the media holds. Paths are those of the vendor procedure, under the root.
import { basename, dirname, join } from 'node:path';
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import { versionFromLinkTarget } from './parse.js';
import type { DetectContext, Detector, Proposal } from './registry.js';
import { exists, isDirectory, linkTarget, realPathUnder, statOf, textOf, underRoot } from './system.js';

const HOME = '/home/sharetask';
const SERVER_LINK = `${HOME}/sharetask_server`;
const CLIENT_LINK = '/usr/local/sharetask';
const AGENT_INIT = '/etc/init.d/sharetask-agent';
const DAEMONS = ['sharetaskd', 'stlogd'];

/** Whether a path of the procedure is a directory, reading absolute links under the root (like a chroot). */
async function isDirUnder(ctx: DetectContext, path: string): Promise<boolean> {
  const real = await realPathUnder(ctx.root, path);
  return real !== null && isDirectory(underRoot(ctx.root, real));
}

async function component(ctx: DetectContext): Promise<Proposal | null> {
  const home = underRoot(ctx.root, HOME);
  if (await isDirUnder(ctx, HOME)) return { value: 'server', evidence: t('detect.st.server', { path: home }) };
  const client = underRoot(ctx.root, CLIENT_LINK);
  if (!(await isDirUnder(ctx, CLIENT_LINK))) return null;
  const init = underRoot(ctx.root, AGENT_INIT);
  return (await exists(init))
    ? { value: 'agent', evidence: t('detect.st.agent', { path: client, init }) }
    : { value: 'cli', evidence: t('detect.st.cli', { path: client, init }) };
}

/** The target of a link whose parent directories may themselves be links (read under the root). */
async function linkUnder(ctx: DetectContext, path: string): Promise<string | null> {
  const parent = await realPathUnder(ctx.root, dirname(path));
  return parent === null ? null : linkTarget(underRoot(ctx.root, parent, basename(path)));
}

async function from(ctx: DetectContext): Promise<Proposal | null> {
  const server = ctx.answers.component === undefined || ctx.answers.component === 'server';
  const link = underRoot(ctx.root, server ? SERVER_LINK : CLIENT_LINK);
  const target = await linkUnder(ctx, server ? SERVER_LINK : CLIENT_LINK);
  if (target === null) return null;
  const version = versionFromLinkTarget(target, server ? 'sharetask_server-' : 'sharetask-');
  if (version === null) return null;
  return { value: version, evidence: t('detect.st.link', { link, target }) };
}

async function to(ctx: DetectContext): Promise<Proposal | null> {
  // The keys matching any version: the server and client_new keys name {to} and wait for it.
  const key = ctx.answers.component === undefined || ctx.answers.component === 'server' ? 'server_any' : 'client';
  const file = ctx.mediaFiles[key];
  const version = file?.groups.version;
  if (file === undefined || version === undefined) return null;
  return { value: version, evidence: t('detect.st.media', { file: file.path }) };
}

async function installDir(ctx: DetectContext): Promise<Proposal | null> {
  const real = await realPathUnder(ctx.root, HOME);
  if (real === null) return null;
  const evidence = real === HOME ? t('detect.st.dir', { path: underRoot(ctx.root, HOME) }) : t('detect.st.dirLink', { path: underRoot(ctx.root, HOME), real });
  return { value: real, evidence };
}

async function daemons(ctx: DetectContext): Promise<Proposal | null> {
  if (!(await isDirUnder(ctx, HOME))) return null;
  const dir = underRoot(ctx.root, '/etc/init.d');
  const found: string[] = [];
  for (const d of DAEMONS) if (await exists(join(dir, d))) found.push(d);
  const evidence = found.length > 0 ? t('detect.st.daemons', { dir, found: found.join(', ') }) : t('detect.st.noDaemons', { dir, names: DAEMONS.join(', ') });
  return { value: found, evidence };
}

async function custom(ctx: DetectContext): Promise<Proposal | null> {
  if (!(await isDirUnder(ctx, HOME))) return null;
  const path = underRoot(ctx.root, `${HOME}/custom`);
  return (await isDirUnder(ctx, `${HOME}/custom`))
    ? { value: 'yes', evidence: t('detect.st.custom', { path }) }
    : { value: 'no', evidence: t('detect.st.noCustom', { path }) };
}

async function customUid(ctx: DetectContext): Promise<Proposal | null> {
  // The custom key names {custom_uid}: any custom archive proposes it.
  const file = ctx.mediaFiles.custom_any;
  const uid = file?.groups.uid;
  if (file === undefined || uid === undefined) return null;
  return { value: uid, evidence: t('detect.st.media', { file: file.path }) };
}

async function license(ctx: DetectContext): Promise<Proposal | null> {
  if (ctx.media === undefined) return null;
  const file = ctx.mediaFiles.license;
  return file === undefined
    ? { value: 'no', evidence: t('detect.st.noLicense', { dir: ctx.media }) }
    : { value: 'yes', evidence: t('detect.st.media', { file: file.path }) };
}

/** The name of a uid from the root's /etc/passwd, else the machine's (a sandbox has none of its own). */
function userName(ctx: DetectContext, uid: number): string | null {
  for (const file of [underRoot(ctx.root, '/etc/passwd'), '/etc/passwd']) {
    const text = textOf(file) ?? '';
    const entry = text.split('\n').find((line) => line.split(':')[2] === String(uid));
    if (entry) return entry.split(':')[0] ?? null;
  }
  return null;
}

/** 3.8.5 makes the web user the owner of conf, so the old conf's owner names the user httpd runs as. */
async function webUser(ctx: DetectContext): Promise<Proposal | null> {
  const real = await realPathUnder(ctx.root, `${SERVER_LINK}/conf`);
  if (real === null) return null;
  const path = underRoot(ctx.root, real);
  const info = statOf(path);
  const name = info === undefined ? null : userName(ctx, info.uid);
  return name === null ? null : { value: name, evidence: t('detect.st.confOwner', { path, user: name }) };
}

export const sharetaskDetectors: Record<string, Detector> = {
  'sharetask.component': component,
  'sharetask.from': from,
  'sharetask.to': to,
  'sharetask.install_dir': installDir,
  'sharetask.daemons': daemons,
  'sharetask.custom': custom,
  'sharetask.custom_uid': customUid,
  'sharetask.license': license,
  'sharetask.web_user': webUser,
};
