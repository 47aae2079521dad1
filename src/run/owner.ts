// Owner names to ids, as `chown NAME:` does (the user's login group when none is given).
// Ids come from the machine itself (`id`, /etc/group): chown acts on the real file system.
import { readFile } from 'node:fs/promises';
import { t } from '../i18n/index.js';
import '../i18n/messages/run.js';
import { StepFailure } from './context.js';

export interface Owner {
  uid: number;
  gid: number;
  text: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*\$?$/;

async function idOf(flag: '-u' | '-g', user: string): Promise<number> {
  const { execa } = await import('execa');
  const r = await execa('id', [flag, '--', user], { reject: false, stdin: 'ignore' });
  const n = Number(String(r.stdout).trim());
  if (r.exitCode !== 0 || !Number.isInteger(n)) throw new StepFailure(t('run.owner.noUser', { user }));
  return n;
}

async function groupId(group: string): Promise<number> {
  if (/^\d+$/.test(group)) return Number(group);
  const text = await readFile('/etc/group', 'utf8').catch(() => '');
  for (const line of text.split('\n')) {
    const [name, , gid] = line.split(':');
    if (name === group && gid !== undefined && /^\d+$/.test(gid)) return Number(gid);
  }
  throw new StepFailure(t('run.owner.noGroup', { group }));
}

/** "apache", "apache:" (login group), "apache:web", or numeric ids. */
export async function resolveOwner(spec: string): Promise<Owner> {
  const [user = '', group] = spec.split(':', 2);
  if (!(NAME.test(user) || /^\d+$/.test(user)) || (group !== undefined && group !== '' && !(NAME.test(group) || /^\d+$/.test(group)))) {
    throw new StepFailure(t('run.owner.bad', { owner: spec }));
  }
  const uid = /^\d+$/.test(user) ? Number(user) : await idOf('-u', user);
  const gid = group ? await groupId(group) : /^\d+$/.test(user) ? uid : await idOf('-g', user);
  return { uid, gid, text: spec };
}
