import { describe, expect, it } from 'vitest';
import { CD, ids, plan, SERVER, step } from './fixtures.js';

describe('ShareTask server plan', () => {
  it('stops the five services in the vendor order, through `service`', () => {
    const p = plan(SERVER);
    expect(ids(p).slice(0, 5)).toEqual(['stop-stlogd', 'stop-sharetaskd', 'stop-httpd', 'stop-memcached', 'stop-postgresql']);
    expect(p.steps.slice(0, 5).map((s) => s.commands)).toEqual([
      [['service', 'stlogd', 'stop']],
      [['service', 'sharetaskd', 'stop']],
      [['service', 'httpd', 'stop']],
      [['service', 'memcached', 'stop']],
      [['service', 'postgresql', 'stop']],
    ]);
    // The seed: a missing sharetaskd/stlogd is no problem; the others must stop.
    expect(step(p, 'stop-stlogd')).toMatchObject({ allowFailure: true, params: { ifMissing: 'skip' } });
    expect(step(p, 'stop-postgresql')).toMatchObject({ allowFailure: false, params: { ifMissing: 'fail' } });
  });

  it('runs the init scripts under --root when there is no `service` command', () => {
    const p = plan(SERVER, { hasServiceCommand: false });
    expect(p.steps.slice(0, 5).map((s) => s.commands?.[0])).toEqual([
      ['/sbx/etc/init.d/stlogd', 'stop'],
      ['/sbx/etc/init.d/sharetaskd', 'stop'],
      ['/sbx/etc/init.d/httpd', 'stop'],
      ['/sbx/etc/init.d/memcached', 'stop'],
      ['/sbx/etc/init.d/postgresql', 'stop'],
    ]);
  });

  it('backs up the real install directory, with the init scripts, before changing anything', () => {
    const p = plan({ ...SERVER, install_dir: '/opt/sharetask' });
    const backup = step(p, 'backup-install-dir');
    expect(ids(p).indexOf('backup-install-dir')).toBe(5);
    expect(backup.commands).toBeUndefined();
    expect(backup.params).toEqual({
      source: '/sbx/opt/sharetask',
      archive: '/sbx/tmp/sharetask_bkup.tar.gz',
      extraFiles: ['/sbx/etc/init.d/sharetaskd', '/sbx/etc/init.d/stlogd'],
      extraTo: '/sbx/tmp',
    });
    // A failed backup must not offer a restore from it.
    expect(backup.restorePoint).toBeUndefined();
    expect(step(p, 'keep-backup-safe')).toMatchObject({ manual: true, restorePoint: 'backup-archive' });
    const restore = p.restorePoints.find((r) => r.id === 'backup-archive');
    expect(restore?.rollback.map((s) => s.id)).toEqual([
      'stop-httpd', 'stop-stlogd', 'stop-sharetaskd', 'stop-memcached', 'stop-postgresql',
      'move-broken', 'restore-backup', 'start-postgresql', 'start-memcached', 'start-httpd', 'start-sharetaskd', 'start-stlogd',
    ]);
    expect(restore?.rollback.find((s) => s.id === 'move-broken')?.params).toEqual({ from: '/sbx/opt/sharetask', to: '/sbx/opt/sharetask.broken', ifMissing: 'fail' });
    expect(restore?.rollback.find((s) => s.id === 'restore-backup')?.params).toEqual({ archive: '/sbx/tmp/sharetask_bkup.tar.gz', target: '/sbx/opt/sharetask' });
  });

  it('unpacks the package from the media, then switches the symlink with a way back', () => {
    const p = plan(SERVER);
    expect(step(p, 'unpack-server').commands).toEqual([['tar', 'xzf', CD.server?.path, '-C', '/sbx/home/sharetask']]);
    expect(step(p, 'switch-server-symlink').commands).toBeUndefined();
    expect(step(p, 'switch-server-symlink')).toMatchObject({
      restorePoint: 'old-symlink',
      params: { link: '/sbx/home/sharetask/sharetask_server', target: 'sharetask_server-5.5.1-2' },
    });
    const back = p.restorePoints.find((r) => r.id === 'old-symlink')?.rollback[0];
    expect(back?.params).toEqual({ link: '/sbx/home/sharetask/sharetask_server', target: 'sharetask_server-5.4.3' });
  });

  it('without a custom part: no custom steps, the migration without CUSTOM', () => {
    const p = plan(SERVER);
    for (const id of ['copy-custom-old', 'unpack-custom', 'custom-dirs', 'custom-symlink', 'migrate-config-custom']) expect(ids(p)).not.toContain(id);
    expect(step(p, 'migrate-config').params).toEqual({
      migrator: 'sharetask-db',
      options: {
        conf: '/sbx/home/sharetask/sharetask_server/conf',
        shipped: '/sbx/home/sharetask/sharetask_server/conf.ORG',
        user_prefs_dir: '/home/sharetask/sharetask_users',
        sudoers: '/sbx/etc/sudoers',
        web_user: 'apache',
      },
    });
    // The custom.OLD moves of its rollback do not apply either.
    const customOld = p.restorePoints.find((r) => r.id === 'custom-old');
    expect(customOld?.rollback.map((s) => s.id)).not.toContain('custom-old-back');
  });

  it('with a custom part: custom.OLD, the custom package, custom_symlink.pl and CUSTOM', () => {
    const p = plan({ ...SERVER, custom: 'yes', custom_uid: 'NAB' });
    expect(ids(p)).toEqual(expect.arrayContaining(['copy-custom-old', 'unpack-custom', 'custom-dirs', 'custom-symlink', 'migrate-config-custom']));
    expect(ids(p)).not.toContain('migrate-config');
    expect(step(p, 'copy-custom-old').params).toEqual({ from: '/sbx/home/sharetask/custom', to: '/sbx/home/sharetask/custom.OLD', preserve: true, ifMissing: 'fail' });
    expect(step(p, 'unpack-custom')).toMatchObject({ restorePoint: 'custom-old', commands: [['tar', 'xzf', CD.custom?.path, '-C', '/sbx/home/sharetask']] });
    expect(step(p, 'custom-dirs').commands).toEqual([
      ['mkdir', '-p', '/sbx/home/sharetask/sharetask_server/public_html/custom', '/sbx/home/sharetask/sharetask_server/public_html/js.pack/custom'],
    ]);
    expect(step(p, 'custom-symlink')).toMatchObject({
      commands: [['perl', 'custom_symlink.pl', 'make', 'NAB']],
      params: { cwd: '/sbx/home/sharetask/sharetask_server/tools/custom' },
    });
    expect(step(p, 'migrate-config-custom').params).toMatchObject({ options: { custom: 'NAB', sudoers: '/sbx/etc/sudoers' } });
    const rollback = p.restorePoints.find((r) => r.id === 'custom-old')?.rollback.map((s) => s.id);
    expect(rollback?.slice(0, 3)).toEqual(['custom-to-new', 'custom-old-back', 'symlink-back']);
  });

  it('creates the new directories owned by the web user', () => {
    const p = plan({ ...SERVER, web_user: 'www' });
    expect(step(p, 'dir-rra').params).toEqual({ path: '/sbx/home/sharetask/sharetask_rra', owner: 'www', recursiveOwner: true });
    expect(step(p, 'dir-rra-image-cache').params).toMatchObject({ path: '/sbx/home/sharetask/sharetask_rra/image_cache', owner: 'www' });
    expect(step(p, 'conf-owner').params).toEqual({ path: '/sbx/home/sharetask/sharetask_server/conf', owner: 'www', recursiveOwner: true });
    // The sudoers block of 3.8.3 must grant the same user, or the CGIs lose their sudo rights.
    expect(step(p, 'migrate-config').params).toMatchObject({ options: { web_user: 'www' } });
  });

  it('checks Perl modules and upgrades the database in the right directories', () => {
    const p = plan(SERVER);
    // As 3.6 writes it, then a checkpoint right after it (the screens show the output there):
    // the document has the admin read the messages for a missing module.
    expect(step(p, 'check-perl-modules')).toMatchObject({
      commands: [
        ['./check_compile_error.pl', '../../cgi-common/'],
        ['./check_compile_error.pl', '../../public_html/'],
      ],
      params: { cwd: '/sbx/home/sharetask/sharetask_server/tools/check_install' },
    });
    expect(step(p, 'check-perl-modules').explain).toContain('perl-Archive-Tar');
    expect(ids(p)[ids(p).indexOf('check-perl-modules') + 1]).toBe('check-perl-modules-read');
    expect(step(p, 'check-perl-modules-read')).toMatchObject({ manual: true, section: '3.6', restorePoint: 'custom-old' });
    expect(step(p, 'check-perl-modules-read').instructions).toContain('check_compile_error.pl');
    expect(step(p, 'check-perl-modules-read').checklist?.join()).toContain('no missing module');
    expect(step(plan(SERVER, {}, 'ja'), 'check-perl-modules-read').checklist?.join()).toContain('不足しているモジュールのエラーがない');
    const order = ids(p);
    expect(order.indexOf('start-postgresql')).toBeLessThan(order.indexOf('database-upgrade'));
    expect(step(p, 'database-upgrade')).toMatchObject({
      commands: [['perl', 'database_upgrade.pl', '--start']],
      params: { cwd: '/sbx/home/sharetask/sharetask_server/tools/upgrade_utils' },
      // From the database upgrade on, only the full restore brings the old state back.
      restorePoint: 'backup-archive',
    });
    expect(step(p, 'conf-copy-old').params).toMatchObject({ from: '/sbx/home/sharetask/sharetask_server-5.4.3/conf', to: '/sbx/home/sharetask/sharetask_server/conf', preserve: true });
  });

  it('with both daemons: init files, starts and chkconfig for each', () => {
    const p = plan(SERVER);
    expect(step(p, 'init-sharetaskd').params).toMatchObject({ from: '/sbx/home/sharetask/sharetask_server/sharetaskd/sharetaskd.init', to: '/sbx/etc/sysconfig/sharetaskd' });
    expect(step(p, 'init-stlogd').params).toMatchObject({ to: '/sbx/etc/sysconfig/stlogd' });
    const starts = p.steps.filter((s) => s.section === '3.10').flatMap((s) => s.commands ?? []);
    expect(starts).toEqual([
      ['service', 'memcached', 'start'],
      ['service', 'httpd', 'start'],
      ['service', 'sharetaskd', 'start'],
      ['service', 'stlogd', 'start'],
      ['chkconfig', 'httpd', 'on'],
      ['chkconfig', 'postgresql', 'on'],
      ['chkconfig', 'memcached', 'on'],
      ['chkconfig', 'sharetaskd', 'on'],
      ['chkconfig', 'stlogd', 'on'],
    ]);
  });

  it('without daemons: still stopped in 2.1 (if there), but no init file, start or chkconfig', () => {
    const p = plan({ ...SERVER, daemons: [] });
    for (const id of ['init-sharetaskd', 'init-stlogd', 'start-sharetaskd', 'start-stlogd', 'enable-sharetaskd', 'enable-stlogd']) expect(ids(p)).not.toContain(id);
    expect(ids(p)).toEqual(expect.arrayContaining(['stop-stlogd', 'stop-sharetaskd', 'start-httpd', 'enable-httpd']));
  });

  it('with stlogd only: only its init file, start and chkconfig', () => {
    const p = plan({ ...SERVER, daemons: ['stlogd'] });
    expect(ids(p)).toEqual(expect.arrayContaining(['init-stlogd', 'start-stlogd', 'enable-stlogd']));
    for (const id of ['init-sharetaskd', 'start-sharetaskd', 'enable-sharetaskd']) expect(ids(p)).not.toContain(id);
  });

  it('registers a license from the media by command, after checking Archive::Tar', () => {
    const p = plan(SERVER);
    expect(step(p, 'license-install')).toMatchObject({
      commands: [['perl', 'install_license.pl', '--install', CD.license?.path]],
      params: { cwd: '/sbx/home/sharetask/sharetask_server/tools/license' },
      manual: false,
    });
    expect(step(p, 'license-install').explain).toContain('http://SERVERHOST/license.html');
    expect(step(p, 'check-archive-tar').commands).toEqual([['perl', '-MArchive::Tar', '-e', '1']]);
    expect(ids(p)).not.toContain('license-manual');
  });

  it('without a license file on the media: a manual registration through the browser', () => {
    const p = plan({ ...SERVER, license: 'no' });
    expect(step(p, 'license-manual').manual).toBe(true);
    expect(step(p, 'license-manual').commands).toBeUndefined();
    expect(step(p, 'license-manual').instructions).toContain('http://SERVERHOST/license.html');
    expect(ids(p)).not.toContain('license-install');
    // 3.11.1's upload and install_license.pl need Archive::Tar as much as 3.11.2 does (3.6).
    expect(step(p, 'check-archive-tar').commands).toEqual([['perl', '-MArchive::Tar', '-e', '1']]);
    expect(ids(p).indexOf('check-archive-tar')).toBeLessThan(ids(p).indexOf('license-manual'));
  });

  it('ends with the error log check, under --root', () => {
    const p = plan(SERVER);
    const last = p.steps[p.steps.length - 1];
    expect(last).toMatchObject({ id: 'check-error-log', manual: true, section: '3.12' });
    expect(last?.instructions).toContain('/sbx/var/log/httpd/error_log');
  });

  it('has a section on every step and no client step', () => {
    const p = plan(SERVER);
    expect(p.steps.every((s) => s.section !== undefined)).toBe(true);
    expect(ids(p).some((id) => id.startsWith('agent-') || id.startsWith('cli-') || id.startsWith('win-'))).toBe(false);
    expect(p.blockers).toEqual([]);
  });

  it('speaks Japanese when asked', () => {
    const p = plan(SERVER, {}, 'ja');
    expect(step(p, 'stop-postgresql').title).toBe('postgresql (データベース) を停止する');
    expect(p.lang).toBe('ja');
  });

  it('on a real server (no --root) the paths are the vendor paths', () => {
    const p = plan(SERVER, { root: '', hasServiceCommand: false });
    expect(step(p, 'stop-httpd').commands).toEqual([['/etc/init.d/httpd', 'stop']]);
    expect(step(p, 'backup-install-dir').params.archive).toBe('/tmp/sharetask_bkup.tar.gz');
  });
});
