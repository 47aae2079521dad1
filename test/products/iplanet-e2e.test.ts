// iPlanet Messaging Server end to end: the real binary in a sandbox server (see
// test/helpers/iplanet-sandbox.ts), the vendor scripts and tools as recording stand-ins. Checks
// the order of the calls, the backups (queue, LDIF, server-root without the store), the store
// put back, the configuration comparison, the bind password kept out of every argv, screen and
// file but the 0600 one ldapsearch reads, the HA variant, and the backout. Build first.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, test } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { iplanetSandbox, INSTANCE, SERVER_ROOT, SLAPD, WEB_INSTANCE, WEB_ROOT, type IplanetSandbox } from '../helpers/iplanet-sandbox.js';

const T = 90_000;

/**
 * `rollback --to backout` typed at a terminal: the backout has steps the operator confirms
 * (whether to load the LDIF, the cluster's data service), which --yes may not confirm unseen.
 * Says yes to the rollback and to each of those steps; returns the exit status and what the
 * terminal showed.
 */
async function backoutAtTerminal(place: string[], env: Record<string, string>): Promise<{ exitCode: number; stdout: string }> {
  const vars = Object.entries({ ...env, LANG: 'C.UTF-8' }).map(([k, v]) => `${k}=${v}`);
  const t = await Tmux.start(['env', ...vars, process.execPath, join(repoRoot, 'bin/upgrade-wizard.js'), 'rollback', '--to', 'backout', ...place, '--lang', 'en'], { width: 200, height: 50, waitTimeoutMs: 60000 });
  try {
    const ended = () => t.exitStatus(0).catch(() => undefined);
    // A prompt waits while its line ends in "(y/N)" or the checklist's keys are shown.
    const pending = (s: string) => /\(y\/N\)\s*$/.test(s.trimEnd()) || s.includes('Space tick ·');
    for (let i = 0; i < 600; i++) {
      const code = await ended();
      if (code !== undefined) return { exitCode: code, stdout: await t.history() };
      const screen = await t.screen();
      if (pending(screen)) {
        await t.keys(...(screen.includes('Space tick ·') ? ['a', 'Enter'] : ['y', 'Enter']));
        // The next prompt may follow at once: wait for the answer to show, not for no prompt.
        await t.waitFor((s) => s !== screen);
      } else await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the rollback did not end:\n${await t.screen()}`);
  } finally {
    await t.kill();
  }
}

/**
 * The backout after a failed run: `rollback --yes` refused (it has steps the operator confirms),
 * calling nothing; then done at a terminal. What the terminal showed, and what it called.
 */
async function backout(sb: IplanetSandbox, place: string[]): Promise<{ stdout: string; calls: string[] }> {
  const before = sb.calls().length;
  const refused = await runCli(['rollback', '--to', 'backout', '--yes', ...place], { env: sb.env });
  expect(refused.exitCode).toBe(2);
  expect(sb.calls().length).toBe(before);
  const back = await backoutAtTerminal(place, sb.env);
  expect(back.exitCode).toBe(0);
  return { stdout: back.stdout, calls: sb.calls().slice(before) };
}

const PW = 'Bind-Secret-9q';

async function tarList(archive: string): Promise<string[]> {
  return String((await execa('tar', ['tzf', archive])).stdout).split('\n');
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

const common = (more: string[] = []): string[] => [
  '--set', 'from=5.1', '--set', `msg_instance=${INSTANCE}`, '--set', `slapd_instances=${SLAPD}`,
  '--set', 'delegated_admin=no', ...more,
];

describe('iplanet end to end', () => {
  test('plain path: stops, backups, exports with the password in a 0600 file only, store back, comparison', async () => {
    const sb = iplanetSandbox({ queued: true, password: PW });
    sb.afterUpgrade();
    const answersFile = join(sb.dir, 'answers.yaml');
    writeFileSync(answersFile, `bind_password: "${PW}"\nug_suffix: o=siroe.com\n`, { mode: 0o600 });
    const args = [
      'run', '--product', 'iplanet-messaging', '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs,
      '--answers', answersFile,
      ...common(['--set', 'directory_server_version=4.16', '--set', 'store_mounted=no', '--set', 'ldif_exports=yes',
        '--set', 'web_server=yes', '--set', `webserver_root=${WEB_ROOT}`, '--set', `web_instance=${WEB_INSTANCE}`]),
    ];
    const r = await runCli(args, { env: sb.env });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);

    const calls = sb.calls();
    // Each command gets its own password file; the calls show the path, never the password.
    const pwFiles = calls.filter((c) => c.startsWith('ldapsearch-pwfile ')).map((c) => c.split(' ')[1] as string);
    expect(pwFiles).toHaveLength(2);
    const normal = calls.map((c) => pwFiles.reduce((x, f) => x.split(f).join('PWFILE'), c));
    expect(normal).toEqual([
      'imsimta stop dispatcher',
      'stop-admin ',
      'stop-msg ',
      'https-admserv/stop ',
      `${WEB_INSTANCE}/stop `,
      'db2ldif ',
      'ldapsearch -L -h localhost -p 389 -D cn=Directory Manager -j PWFILE -b o=siroe.com objectclass=inetlocalmailrecipient',
      'ldapsearch-pwfile PWFILE',
      'ldapsearch-password ok',
      'ldapsearch -L -h localhost -p 389 -D cn=Directory Manager -j PWFILE -b o=pab objectclass=*',
      'ldapsearch-pwfile PWFILE',
      'ldapsearch-password ok',
      'start-msg ',
    ]);
    // The password file is gone, and the password is nowhere: screen, log dir, calls.
    for (const f of pwFiles) expect(existsSync(f)).toBe(false);
    expect(`${r.stdout}${r.stderr}`).not.toContain(PW);
    for (const f of allFiles(sb.logs)) expect(readFileSync(f, 'utf8'), f).not.toContain(PW);
    expect(calls.join('\n')).not.toContain(PW);

    // Backups: the queue held a message; server-root without the renamed store.
    const bk = join(sb.root, 'var/tmp/ims52-upgrade');
    expect(await tarList(join(bk, 'imta-queue.tar.gz'))).toContain('queue/tcp_local/ZZ01.00');
    const archived = await tarList(join(bk, 'server-root.tar.gz'));
    expect(archived).toContain('server5/msg-budgie/config/local.conf');
    expect(archived).toContain(`server5/${SLAPD}/ldif/2002_02_26_120000.ldif`);
    expect(archived).toContain('server5/msg-budgie/store/partition/primary/');
    expect(archived.some((n) => n.includes('primary.pre-5.2'))).toBe(false);
    // The exports went to 0600 files, not to the screen.
    const ug = join(bk, 'ug.ldif');
    expect(readFileSync(ug, 'utf8')).toContain('dn: uid=a, ou=People, o=siroe.com');
    expect(statSync(ug).mode & 0o777).toBe(0o600);
    expect(r.stdout).not.toContain('dn: uid=a, ou=People');
    // After the upgrade: the configuration kept, the store back in place with its mail.
    expect(existsSync(join(bk, 'after-upgrade', 'setup.tar.gz'))).toBe(true);
    expect(readFileSync(join(bk, 'after-upgrade', 'adm.conf'), 'utf8')).toContain('ldapurl');
    expect(readFileSync(join(sb.store, 'user', 'a', '1.msg'), 'utf8')).toContain('hello');
    expect(existsSync(`${sb.store}.pre-5.2`)).toBe(false);
    // The comparison showed the customisation to apply again.
    expect(r.stdout).toContain('-  ! site rule: reject the old relay');
    expect(r.stdout).toContain('differs: imta/config/mappings');
    expect(r.stdout).toContain('only in the new configuration: imta/config/option.dat');
    const report = readdirSync(sb.logs).find((n) => n.endsWith('.md')) as string;
    const md = readFileSync(join(sb.logs, report), 'utf8');
    // A backup names its extra files only when it has some.
    expect(md).toMatch(/backup verified: \S+\/server-root\.tar\.gz \(\d+ entries, [^)]*\) \|/);
    expect(md).toMatch(/backup verified: \S+\/after-upgrade\/setup\.tar\.gz \(\d+ entries, [^)]*\); extra files: \S+\/after-upgrade\/local\.conf, /);
    expect(md).not.toContain('extra files: -');
    expect(readFileSync(join(sb.logs, report), 'utf8')).toContain(`files that differ between ${sb.inst}/backup.20020226120000 and ${sb.inst} (3): config/msg.conf, imta/config/mappings, imta/config/option.dat`);
  }, T);

  test('secret on the command line is refused; from the environment it works', async () => {
    const sb = iplanetSandbox({ password: PW });
    sb.afterUpgrade();
    const base = ['run', '--product', 'iplanet-messaging', '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs,
      ...common(['--set', 'directory_server_version=5.1', '--set', 'store_mounted=no', '--set', 'ldif_exports=yes', '--set', 'ug_suffix=o=siroe.com', '--set', 'web_server=no'])];
    const refused = await runCli([...base, '--set', `bind_password=${PW}`], { env: sb.env });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('UPGRADE_WIZARD_SECRET_BIND_PASSWORD');
    expect(sb.calls()).toEqual([]);
    const ok = await runCli(base, { env: { ...sb.env, UPGRADE_WIZARD_SECRET_BIND_PASSWORD: PW } });
    expect(ok.exitCode).toBe(0);
    expect(sb.calls().filter((c) => c.startsWith('ldapsearch-password'))).toEqual(['ldapsearch-password ok', 'ldapsearch-password ok']);
    expect(`${ok.stdout}${ok.stderr}`).not.toContain(PW);
  }, T);

  test('Sun Cluster 2.2, mounted store, empty queue: hareg, umount/mount, start-msg ha', async () => {
    const sb = iplanetSandbox();
    sb.afterUpgrade();
    const r = await runCli([
      'run', '--product', 'iplanet-messaging', '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs,
      ...common(['--set', 'ha=sun-cluster-2.2', '--set', 'directory_server_version=4.13', '--set', 'store_mounted=yes', '--set', 'web_server=no']),
    ], { env: sb.env });
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    const store = join(sb.root, SERVER_ROOT, INSTANCE, 'store/partition/primary');
    expect(sb.calls()).toEqual([
      'imsimta stop dispatcher',
      'stop-admin ',
      'stop-msg ',
      'hareg -n iMS50',
      'hareg -u iMS50',
      'db2ldif ',
      `umount ${store}`,
      `mount ${store}`,
      'start-msg ha',
    ]);
    // The queue was empty: nothing archived, the step says so.
    expect(existsSync(join(sb.root, 'var/tmp/ims52-upgrade/imta-queue.tar.gz'))).toBe(false);
    expect(r.stdout).toContain('holds no file');
    // The Directory Server upgrade was a checkpoint per instance, before setup with 1, 3, 4.
    expect(r.stdout).toContain('Upgrade the Directory Server slapd-budgie (setup -k)');
    expect(r.stdout).toContain('Chose components 1 (Netscape Server Products Core Components), 3 (Administration Services) and 4');
  }, T);

  test('backout: a failure after the backup, then rollback restores server-root and keeps the store', async () => {
    const sb = iplanetSandbox();
    // No afterUpgrade(): the comparison finds no backup.TIMESTAMP and the run stops there.
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    const r = await runCli([
      'run', '--product', 'iplanet-messaging', '--yes', '--media', sb.media, ...place,
      ...common(['--set', 'directory_server_version=4.16', '--set', 'store_mounted=no', '--set', 'web_server=no']),
    ], { env: sb.env });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('backup.*');
    expect(r.stdout).toContain('upgrade-wizard rollback --to backout');
    // Meanwhile something broke the configuration, and mail arrived in the (renamed) store.
    writeFileSync(join(sb.inst, 'config', 'local.conf'), 'broken\n');
    writeFileSync(join(`${sb.store}.pre-5.2`, 'user', 'a', '2.msg'), 'new mail\n');
    const back = await backout(sb, place);
    expect(back.calls).toEqual(['stop-msg ', 'stop-slapd ', 'stop-admin ', 'start-admin ', 'start-slapd ', 'start-msg ']);
    expect(readFileSync(join(sb.inst, 'config', 'local.conf'), 'utf8')).toBe('local.store.quotaenforcement = on\n');
    // The store is back under its own name, with every message, the new one included.
    expect(readFileSync(join(sb.store, 'user', 'a', '1.msg'), 'utf8')).toContain('hello');
    expect(readFileSync(join(sb.store, 'user', 'a', '2.msg'), 'utf8')).toBe('new mail\n');
    expect(existsSync(`${sb.store}.pre-5.2`)).toBe(false);
    expect(existsSync(join(sb.root, `${SERVER_ROOT}.store-primary`))).toBe(false);
    // The empty directory that stood in for the store is gone, not kept aside as an earlier store.
    expect(readdirSync(join(sb.store, '..'))).toEqual(['primary']);
    expect(back.stdout).not.toContain('was kept as');
    // The tree it replaced is kept aside, never deleted.
    expect(existsSync(join(sb.root, `${SERVER_ROOT}.broken`))).toBe(true);
  }, T);
});

describe('iplanet end to end: the review fixes', () => {
  const sets = (more: string[]): string[] => common(['--set', 'directory_server_version=4.16', '--set', 'web_server=no', ...more]);

  test('a backup directory inside server-root: plan --json shows the blocker, run refuses before anything runs', async () => {
    const sb = iplanetSandbox({ queued: true });
    sb.afterUpgrade();
    const place = ['--root', sb.root, '--media', sb.media];
    const answers = sets(['--set', 'store_mounted=no', '--set', `backup_dir=${SERVER_ROOT}/backup`]);
    const planned = await runCli(['plan', '--product', 'iplanet-messaging', '--json', ...place, ...answers], { env: sb.env });
    const blockers = (JSON.parse(planned.stdout) as { blockers: { id: string; message: string; fix: string }[] }).blockers;
    expect(blockers.map((b) => b.id)).toEqual(['backup-inside-source:backup-server-root']);
    expect(blockers[0]?.message).toContain(`${sb.sr}/backup/server-root.tar.gz inside ${sb.sr},`);
    expect(blockers[0]?.fix).toContain(`(backup_dir, now ${SERVER_ROOT}/backup) with a directory outside ${sb.sr}`);

    const r = await runCli(['run', '--product', 'iplanet-messaging', '--yes', ...place, '--log-dir', sb.logs, ...answers], { env: sb.env });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('the run cannot start');
    expect(r.stderr).toContain(`${sb.sr}/backup/server-root.tar.gz inside ${sb.sr},`);
    expect(r.stderr).toContain('(backup_dir, now /usr/iplanet/server5/backup) with a directory outside');
    // Nothing ran: no process stopped, no backup directory, the store under its own name.
    expect(sb.calls()).toEqual([]);
    expect(existsSync(join(sb.sr, 'backup'))).toBe(false);
    expect(existsSync(`${sb.store}.pre-5.2`)).toBe(false);
    expect(readFileSync(join(sb.store, 'user', 'a', '1.msg'), 'utf8')).toContain('hello');
  }, T);

  test('the store comes back without an empty directory kept aside as its "previous version"', async () => {
    const sb = iplanetSandbox();
    sb.afterUpgrade();
    const r = await runCli(['run', '--product', 'iplanet-messaging', '--yes', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs, ...sets(['--set', 'store_mounted=no'])], { env: sb.env });
    expect(r.exitCode, r.stdout).toBe(0);
    expect(readdirSync(join(sb.store, '..'))).toEqual(['primary']);
    expect(readFileSync(join(sb.store, 'user', 'a', '1.msg'), 'utf8')).toContain('hello');
    const report = readdirSync(sb.logs).find((n) => n.endsWith('.md')) as string;
    expect(readFileSync(join(sb.logs, report), 'utf8')).not.toContain(`${sb.store}: the previous version`);
  }, T);

  test('Sun Cluster 2.2: start-msg ha fails, the backout lets go of iMS50, restores, and starts with start-msg ha', async () => {
    const sb = iplanetSandbox();
    sb.afterUpgrade();
    // start-msg ha fails once (the upgrade's), not in the backout; the marker lives outside server-root.
    const once = join(sb.dir, 'start-msg-failed-once');
    writeFileSync(join(sb.inst, 'start-msg'), `#!/bin/sh\necho "start-msg $*" >> '${join(sb.dir, 'calls.log')}'\nif [ "$1" = ha ] && [ ! -e '${once}' ]; then : > '${once}'; echo "cannot bind the logical host" >&2; exit 1; fi\nexit 0\n`, { mode: 0o755 });
    const place = ['--root', sb.root, '--log-dir', sb.logs];
    const r = await runCli(['run', '--product', 'iplanet-messaging', '--yes', '--media', sb.media, ...place, ...sets(['--set', 'ha=sun-cluster-2.2', '--set', 'store_mounted=no'])], { env: sb.env });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('upgrade-wizard rollback --to backout');
    const back = await backout(sb, place);
    expect(back.calls).toEqual([
      'hareg -n iMS50', 'hareg -u iMS50', 'stop-msg ', 'stop-slapd ', 'stop-admin ', 'start-admin ', 'start-slapd ', 'start-msg ha',
    ]);
    expect(back.stdout).toContain('Give the iMS50 data service back to Sun Cluster 2.2 as it was');
    expect(back.stdout.indexOf('Check the directory data')).toBeLessThan(back.stdout.indexOf('Start the Directory Server'));
    expect(readFileSync(join(sb.store, 'user', 'a', '1.msg'), 'utf8')).toContain('hello');
  }, T);
});
