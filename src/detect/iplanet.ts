// iPlanet Messaging Server detectors: what a 5.0/5.1 server-root shows on disk (the paths of the
// vendor procedure: setup/install.inf, msg-INSTANCE, slapd-INSTANCE, store/partition/primary; the
// Web Server's https-INSTANCE). The installed version is asked: nothing the procedure names
// records it on disk.
import { readdir, realpath, stat } from '../io/fs-async.js';
import { dirname, join } from 'node:path';
import { t } from '../i18n/index.js';
import '../i18n/messages/detect.js';
import type { DetectContext, Detector, Proposal } from './registry.js';
import { exists, isDirectory, underRoot } from './system.js';

// The installers' default places (server5 and servers under it); another place is typed.
const IPLANET = '/usr/iplanet';
const WEB_ROOT = '/usr/iplanet/servers';
const MSG = /^msg-[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SLAPD = /^slapd-[A-Za-z0-9][A-Za-z0-9._-]*$/;
const HTTPS = /^https-[A-Za-z0-9][A-Za-z0-9._-]*$/;
// The Web Server's own administration server, not a site.
const WEB_ADMIN = 'https-admserv';

/** Names of the subdirectories of dir that match the pattern, sorted; none when dir is unreadable. */
async function subdirs(dir: string, pattern: RegExp): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const found: string[] = [];
  for (const name of names.sort()) if (pattern.test(name) && (await isDirectory(join(dir, name)))) found.push(name);
  return found;
}

const answer = (ctx: DetectContext, id: string): string | undefined => {
  const value = ctx.answers[id];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The one server-root under /usr/iplanet: setup/install.inf beside a Messaging Server instance. */
async function serverRoot(ctx: DetectContext): Promise<Proposal | null> {
  const found: { path: string; instance: string }[] = [];
  for (const name of (await readdir(underRoot(ctx.root, IPLANET)).catch(() => [] as string[])).sort()) {
    const path = `${IPLANET}/${name}`;
    if (!(await exists(underRoot(ctx.root, path, 'setup', 'install.inf')))) continue;
    const [instance] = await subdirs(underRoot(ctx.root, path), MSG);
    if (instance !== undefined) found.push({ path, instance });
  }
  // With several the operator names the one to upgrade; the questions after it look there.
  const [only] = found;
  if (only === undefined || found.length > 1) return null;
  return { value: only.path, evidence: t('detect.ims.root', { inf: underRoot(ctx.root, only.path, 'setup', 'install.inf'), instance: only.instance }) };
}

/** The one msg-INSTANCE of the server-root; with several the operator names it. */
async function msgInstance(ctx: DetectContext): Promise<Proposal | null> {
  const sr = answer(ctx, 'server_root');
  if (sr === undefined) return null;
  const [only, ...more] = await subdirs(underRoot(ctx.root, sr), MSG);
  return only !== undefined && more.length === 0 ? { value: only, evidence: t('detect.ims.instance', { dir: underRoot(ctx.root, sr), name: only }) } : null;
}

/** Every slapd-INSTANCE of the server-root: the procedure backs up and upgrades all of them. */
async function slapdInstances(ctx: DetectContext): Promise<Proposal | null> {
  const sr = answer(ctx, 'server_root');
  if (sr === undefined) return null;
  const found = await subdirs(underRoot(ctx.root, sr), SLAPD);
  return found.length === 0 ? null : { value: found, evidence: t('detect.ims.slapd', { dir: underRoot(ctx.root, sr), names: found.join(', ') }) };
}

/**
 * Whether the Directory Server is in this server-root (a slapd-INSTANCE beside the Messaging
 * Server): the procedure checks it is running and exports it with db2ldif only then. "No" needs
 * a server-root that holds a Messaging Server instance, so that a mistyped path proposes nothing.
 */
async function directoryLocal(ctx: DetectContext): Promise<Proposal | null> {
  const sr = answer(ctx, 'server_root');
  if (sr === undefined) return null;
  const dir = underRoot(ctx.root, sr);
  const found = await subdirs(dir, SLAPD);
  if (found.length > 0) return { value: 'yes', evidence: t('detect.ims.slapd', { dir, names: found.join(', ') }) };
  const [msg] = await subdirs(dir, MSG);
  return msg === undefined ? null : { value: 'no', evidence: t('detect.ims.noSlapd', { dir, instance: msg }) };
}

async function webSites(ctx: DetectContext, webRoot: string): Promise<string[]> {
  return (await subdirs(underRoot(ctx.root, webRoot), HTTPS)).filter((n) => n !== WEB_ADMIN);
}

/** A Web Server site in its default webserver-root; elsewhere, or none, is the operator's answer. */
function webDetector(value: string): Detector {
  return async (ctx) => {
    const sites = await webSites(ctx, WEB_ROOT);
    return sites.length === 0 ? null : { value, evidence: t('detect.ims.web', { dir: underRoot(ctx.root, WEB_ROOT), names: sites.join(', ') }) };
  };
}

async function webInstance(ctx: DetectContext): Promise<Proposal | null> {
  const root = answer(ctx, 'webserver_root');
  if (root === undefined) return null;
  const [only, ...more] = await webSites(ctx, root);
  return only !== undefined && more.length === 0 ? { value: only, evidence: t('detect.ims.web', { dir: underRoot(ctx.root, root), names: only }) } : null;
}

/** Whether the message store is a mount point: on another device than the directory holding it. */
async function storeMounted(ctx: DetectContext): Promise<Proposal | null> {
  const sr = answer(ctx, 'server_root');
  const inst = answer(ctx, 'msg_instance');
  if (sr === undefined || inst === undefined) return null;
  try {
    // Through links to where the store really is, as mount(1) would see it.
    const store = await realpath(underRoot(ctx.root, `${sr}/${inst}/store/partition/primary`));
    const [own, parent] = await Promise.all([stat(store), stat(dirname(store))]);
    return own.dev !== parent.dev
      ? { value: 'yes', evidence: t('detect.ims.mounted', { path: store }) }
      : { value: 'no', evidence: t('detect.ims.notMounted', { path: store, parent: dirname(store) }) };
  } catch {
    return null;
  }
}

export const iplanetDetectors: Record<string, Detector> = {
  'iplanet.server_root': serverRoot,
  'iplanet.msg_instance': msgInstance,
  'iplanet.directory_local': directoryLocal,
  'iplanet.slapd_instances': slapdInstances,
  'iplanet.web_server': webDetector('yes'),
  'iplanet.webserver_root': webDetector(WEB_ROOT),
  'iplanet.web_instance': webInstance,
  'iplanet.store_mounted': storeMounted,
};
