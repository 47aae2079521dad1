import { describe, expect, it } from 'vitest';
import { CD, CLIENT, ids, plan, step } from './fixtures.js';

const serverSteps = ['stop-postgresql', 'backup-install-dir', 'database-upgrade', 'migrate-config'];

describe('ShareTask agent on Linux (chapter 6)', () => {
  const p = plan({ ...CLIENT, component: 'agent' });

  it('has the chapter 6 steps in order, and no server step', () => {
    expect(ids(p)).toEqual([
      'agent-stop', 'agent-unpack', 'agent-check-unpacked', 'agent-switch-symlink', 'agent-make',
      'agent-copy-stclient-init', 'agent-copy-stagent-boot', 'agent-copy-log4j', 'agent-appl', 'agent-start',
    ]);
    for (const id of serverSteps) expect(ids(p)).not.toContain(id);
  });

  it('runs exactly these commands', () => {
    expect(step(p, 'agent-stop').commands).toEqual([['service', 'sharetask-agent', 'stop']]);
    expect(step(p, 'agent-unpack').commands).toEqual([['unzip', '-q', '-o', CD.client?.path, '-d', '/sbx/usr/local']]);
    expect(step(p, 'agent-make')).toMatchObject({ commands: [['make', 'install_agent']], params: { cwd: '/sbx/usr/local/sharetask' } });
    expect(step(p, 'agent-start').commands).toEqual([['service', 'sharetask-agent', 'start']]);
  });

  it('switches /usr/local/sharetask and copies the three config files from the old version', () => {
    expect(step(p, 'agent-switch-symlink').params).toEqual({ link: '/sbx/usr/local/sharetask', target: 'sharetask-5.2.3.1' });
    expect(['agent-copy-stclient-init', 'agent-copy-stagent-boot', 'agent-copy-log4j'].map((id) => step(p, id).params.from)).toEqual([
      '/sbx/usr/local/sharetask-5.2.1.0/etc/stclient.init',
      '/sbx/usr/local/sharetask-5.2.1.0/conf/stagent-boot.conf',
      '/sbx/usr/local/sharetask-5.2.1.0/etc/log4j.prop',
    ]);
    expect(step(p, 'agent-appl')).toMatchObject({ manual: true });
    expect(step(p, 'agent-appl').instructions).toContain('/sbx/usr/local/sharetask-5.2.1.0/appl/');
    const back = p.restorePoints.find((r) => r.id === 'old-client-link');
    expect(back?.rollback.map((s) => [s.id, s.params.target ?? s.commands])).toEqual([
      ['client-symlink-back', 'sharetask-5.2.1.0'],
      ['agent-start-old', [['service', 'sharetask-agent', 'start']]],
    ]);
  });
});

describe('ShareTask command line on Linux (chapter 7)', () => {
  const p = plan({ ...CLIENT, component: 'cli' });

  it('installs the commands and copies stclient.init only; no agent service', () => {
    expect(ids(p)).toEqual(['cli-unpack', 'cli-check-unpacked', 'cli-switch-symlink', 'cli-make', 'cli-copy-stclient-init']);
    expect(step(p, 'cli-make').commands).toEqual([['make', 'install_command']]);
    expect(step(p, 'cli-copy-stclient-init').params).toMatchObject({ from: '/sbx/usr/local/sharetask-5.2.1.0/etc/stclient.init', to: '/sbx/usr/local/sharetask/etc/stclient.init' });
    expect(p.steps.some((s) => s.kind === 'service')).toBe(false);
    expect(p.restorePoints.find((r) => r.id === 'old-client-link')?.rollback.map((s) => s.id)).toEqual(['client-symlink-back']);
  });
});

describe('ShareTask agent on Windows (chapter 4)', () => {
  const p = plan({ ...CLIENT, component: 'agent', platform: 'windows' });

  it('is manual steps with the exact values, Windows paths not under --root', () => {
    expect(ids(p)).toEqual(['win-agent-stop', 'win-agent-unpack', 'win-agent-pstools', 'win-agent-env', 'win-agent-copy-config', 'win-agent-appl', 'win-agent-hostname', 'win-agent-start']);
    expect(p.steps.every((s) => s.manual && s.commands === undefined)).toBe(true);
    expect(step(p, 'win-agent-env').checklist).toEqual(['SHARETASK_HOME=C:\\sharetask-5.2.3.1', 'PATH begins with C:\\sharetask-5.2.3.1\\bin_win;C:\\PSTools;']);
    expect(step(p, 'win-agent-copy-config').checklist).toContain('C:\\sharetask-5.2.3.1\\var\\spool\\sharetask\\auth\\agent_auth.key');
    expect(step(p, 'win-agent-copy-config').instructions).toContain('C:\\sharetask-5.2.1.0');
    expect(step(p, 'win-agent-hostname').instructions).toContain('set HOSTNAME=%COMPUTERNAME%');
    expect(step(p, 'win-agent-start').instructions).toContain('C:\\sharetask-5.2.3.1\\bin_agent_win\\stagent.bat');
    expect(JSON.stringify(p.steps)).not.toContain('/sbx');
  });

  it('needs no package on the media of this machine', () => {
    expect(plan({ ...CLIENT, component: 'agent', platform: 'windows' }, { mediaFiles: {} }).blockers).toEqual([]);
  });
});

describe('ShareTask command line on Windows (chapter 5)', () => {
  const p = plan({ ...CLIENT, component: 'cli', platform: 'windows' });

  it('sets PATH without PSTools and copies stclient.init; no agent steps', () => {
    expect(ids(p)).toEqual(['win-cli-unpack', 'win-cli-env', 'win-cli-copy-config']);
    expect(step(p, 'win-cli-env').checklist).toEqual(['SHARETASK_HOME=C:\\sharetask-5.2.3.1', 'PATH begins with C:\\sharetask-5.2.3.1\\bin_win;']);
    expect(JSON.stringify(p)).not.toContain('PSTools');
    expect(JSON.stringify(p)).not.toContain('stagent');
  });
});
