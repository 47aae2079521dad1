// iPlanet detection on real trees: the sandbox server-root, then what makes a proposal doubtful
// (several instances, several server-roots, only the Web Server's admin site), and a message
// store that is a real mount point (tmpfs in a mount namespace of its own, as root).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { productFound } from '../../src/detect/found.js';
import { detectFor } from '../../src/detect/index.js';
import type { Detection } from '../../src/model/facts.js';
import { definitionsDir, loadDefinition } from '../../src/plan/load.js';
import { isRoot } from '../helpers/cli.js';
import { INSTANCE, iplanetSandbox, SERVER_ROOT, WEB_INSTANCE, WEB_ROOT } from '../helpers/iplanet-sandbox.js';

const def = loadDefinition(join(definitionsDir(), 'iplanet-messaging.yaml'));
const byQuestion = (ds: Detection[]): Record<string, Detection> => Object.fromEntries(ds.map((d) => [d.question, d]));
const bin = fileURLToPath(new URL('../../bin/upgrade-wizard.js', import.meta.url));

function canMount(): boolean {
  if (!isRoot) return false;
  try {
    execFileSync('unshare', ['-m', 'true'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

describe('iPlanet detection', () => {
  it('finds the server-root, its instances, the Web Server site and the store on the same file system', async () => {
    const sb = iplanetSandbox();
    const found = await detectFor(def, { root: sb.root });
    const d = byQuestion(found);
    expect(d.server_root).toMatchObject({ value: SERVER_ROOT, evidence: expect.stringContaining(`${sb.sr}/setup/install.inf`) });
    expect(d.msg_instance).toMatchObject({ value: INSTANCE, evidence: expect.stringContaining(sb.sr) });
    expect(d.slapd_instances?.value).toEqual(['slapd-budgie']);
    expect(d.web_server?.value).toBe('yes');
    expect(d.webserver_root?.value).toBe(WEB_ROOT);
    // The admin server's https-admserv is not a site of its own.
    expect(d.web_instance).toMatchObject({ value: WEB_INSTANCE, evidence: expect.not.stringContaining('https-admserv') });
    expect(d.store_mounted).toMatchObject({ value: 'no', evidence: expect.stringContaining('same file system') });
    // The installed version is not on disk in any place the procedure names: it is asked.
    expect(d.from).toBeUndefined();
    expect(productFound(def, found)).toBe(true);
  });

  it('proposes no instance when there are several, and no server-root when two are found', async () => {
    const sb = iplanetSandbox();
    cpSync(sb.inst, join(sb.sr, 'msg-second'), { recursive: true });
    let d = byQuestion(await detectFor(def, { root: sb.root }));
    expect(d.server_root?.value).toBe(SERVER_ROOT);
    expect(d.msg_instance).toBeUndefined();
    // Without the instance there is no store to look at.
    expect(d.store_mounted).toBeUndefined();

    cpSync(sb.sr, join(sb.root, '/usr/iplanet/server5b'), { recursive: true });
    d = byQuestion(await detectFor(def, { root: sb.root }));
    expect(d.server_root).toBeUndefined();
    // The operator's answer is where the questions after it look.
    d = byQuestion(await detectFor(def, { root: sb.root, answers: { server_root: '/usr/iplanet/server5b', msg_instance: 'msg-second' } }));
    expect(d.slapd_instances?.value).toEqual(['slapd-budgie']);
    expect(d.store_mounted?.value).toBe('no');
  });

  it('sees no server without setup/install.inf, and no Web Server with only its admin site', async () => {
    const sb = iplanetSandbox();
    rmSync(join(sb.sr, 'setup', 'install.inf'));
    rmSync(join(sb.root, WEB_ROOT, WEB_INSTANCE), { recursive: true });
    const found = await detectFor(def, { root: sb.root });
    expect(found).toEqual([]);
    expect(productFound(def, found)).toBe(false);
  });

  it('follows a store that is a link to where it really is', async () => {
    const sb = iplanetSandbox();
    const elsewhere = join(sb.dir, 'store-disk');
    mkdirSync(elsewhere);
    renameSync(sb.store, join(elsewhere, 'primary'));
    symlinkSync(join(elsewhere, 'primary'), sb.store);
    const d = byQuestion(await detectFor(def, { root: sb.root }));
    expect(d.store_mounted).toMatchObject({ value: 'no', evidence: expect.stringContaining(`${elsewhere}/primary is on the same file system as ${elsewhere}`) });
  });

  it.skipIf(!canMount())('says yes for a store that is a mount point (tmpfs, in a mount namespace of its own)', async () => {
    const sb = iplanetSandbox();
    // The mount lives only in unshare's namespace: it goes when the process ends.
    const r = await execa('unshare', ['-m', '--', 'sh', '-c', 'mount -t tmpfs tmpfs "$1" && shift && exec "$@"', 'sh', sb.store, process.execPath, bin, 'detect', '--product', 'iplanet-messaging', '--root', sb.root, '--json'], {
      env: { LANG: 'C' },
      reject: false,
      stdin: 'ignore',
    });
    expect(r.exitCode, r.stderr).toBe(0);
    const d = byQuestion(JSON.parse(r.stdout) as Detection[]);
    expect(d.store_mounted).toMatchObject({ value: 'yes', evidence: `${sb.store} is a mount point (a file system of its own)` });
  });
});
