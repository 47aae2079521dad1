import { describe, expect, it } from 'vitest';
import { PlanError } from '../../src/plan/build.js';
import { CD, CLIENT, ids, plan, SERVER, sharetask, step } from './fixtures.js';

const serverSteps = ['stop-postgresql', 'backup-install-dir', 'database-upgrade', 'migrate-config'];

describe('ShareTask agent on Linux (chapter 6)', () => {
  const p = plan({ ...CLIENT, component: 'agent' });

  it('has the chapter 6 steps in order, and no server step', () => {
    expect(ids(p)).toEqual([
      'agent-check-link', 'agent-stop', 'agent-unpack', 'agent-check-unpacked', 'agent-switch-symlink', 'agent-make',
      'agent-copy-stclient-init', 'agent-copy-stagent-boot', 'agent-copy-log4j', 'agent-appl', 'agent-start',
    ]);
    for (const id of serverSteps) expect(ids(p)).not.toContain(id);
  });

  it('runs exactly these commands', () => {
    expect(step(p, 'agent-stop').commands).toEqual([['service', 'sharetask-agent', 'stop']]);
    expect(step(p, 'agent-unpack').commands).toEqual([['unzip', '-q', '-o', CD.client_new?.path, '-d', '/sbx/usr/local']]);
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
    expect(back?.rollback.map((s) => [s.id, s.section, s.params.target ?? s.commands])).toEqual([
      ['agent-stop-new', '6.1', [['service', 'sharetask-agent', 'stop']]],
      ['agent-symlink-back', '6.3', 'sharetask-5.2.1.0'],
      ['agent-start-old', '6.7', [['service', 'sharetask-agent', 'start']]],
    ]);
    // An agent already stopped is no error, as in 6.1.
    expect(back?.rollback[0]?.allowFailure).toBe(true);
  });
});

describe('ShareTask command line on Linux (chapter 7)', () => {
  const p = plan({ ...CLIENT, component: 'cli' });

  it('installs the commands and copies stclient.init only; no agent service', () => {
    expect(ids(p)).toEqual(['cli-check-link', 'cli-unpack', 'cli-check-unpacked', 'cli-switch-symlink', 'cli-make', 'cli-copy-stclient-init']);
    expect(step(p, 'cli-make').commands).toEqual([['make', 'install_command']]);
    expect(step(p, 'cli-copy-stclient-init').params).toMatchObject({ from: '/sbx/usr/local/sharetask-5.2.1.0/etc/stclient.init', to: '/sbx/usr/local/sharetask/etc/stclient.init' });
    expect(p.steps.some((s) => s.kind === 'service')).toBe(false);
    // Only the link, under the command line's own section (7.2), not the agent's 6.3.
    expect(p.restorePoints.find((r) => r.id === 'old-client-link')?.rollback.map((s) => [s.id, s.section])).toEqual([['cli-symlink-back', '7.2']]);
  });
});

describe('ShareTask agent on Windows (chapter 4)', () => {
  const p = plan({ ...CLIENT, component: 'agent', platform: 'windows' });

  it('is manual steps with the exact values, Windows paths not under --root', () => {
    expect(ids(p)).toEqual(['win-agent-stop', 'win-agent-unpack', 'win-agent-pstools', 'win-agent-env', 'win-agent-copy-config', 'win-agent-appl', 'win-agent-hostname', 'win-agent-start']);
    expect(p.steps.every((s) => s.manual && s.commands === undefined)).toBe(true);
    expect(step(p, 'win-agent-env').checklist).toEqual([
      'SHARETASK_HOME=C:\\sharetask-5.2.3.1 (was C:\\sharetask-5.2.1.0)',
      'PATH begins with C:\\sharetask-5.2.3.1\\bin_win;C:\\PSTools;',
      'PATH no longer holds C:\\sharetask-5.2.1.0\\bin_win',
    ]);
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
    expect(step(p, 'win-cli-env').checklist).toEqual([
      'SHARETASK_HOME=C:\\sharetask-5.2.3.1 (was C:\\sharetask-5.2.1.0)',
      'PATH begins with C:\\sharetask-5.2.3.1\\bin_win;',
      'PATH no longer holds C:\\sharetask-5.2.1.0\\bin_win',
    ]);
    expect(JSON.stringify(p)).not.toContain('PSTools');
    expect(JSON.stringify(p)).not.toContain('stagent');
  });
});

describe('ShareTask client answers and blockers', () => {
  const blockerIds = (p: { blockers: { id: string }[] }): string[] => p.blockers.map((b) => b.id);

  it("refuses a client's target written in the server's form 5.2.x-y, saying the client's form", () => {
    for (const component of ['agent', 'cli']) {
      for (const platform of ['linux', 'windows']) {
        expect(() => plan({ ...CLIENT, component, platform, to: '5.2.3-1' })).toThrow(PlanError);
        expect(() => plan({ ...CLIENT, component, platform, to: '5.2.3-1' })).toThrow(/to: "5\.2\.3-1"/);
      }
    }
    const help = sharetask().questions.find((q) => q.id === 'to')?.help;
    expect(help?.en).toContain('four numbers, e.g. 5.2.3.1');
    expect(help?.ja).toContain('4 つの数字');
    // The server's own 5.5.x-y, and a wrong server target still reaching its blocker, are unchanged.
    expect(blockerIds(plan(SERVER))).toEqual([]);
    expect(blockerIds(plan({ ...SERVER, to: '5.6.0-1' }))).toContain('server-to-not-55');
  });

  it('warns of a client whose installed version is not 5.2 (chapters 4-7 name no old version), in both languages; refuses one newer than the target', () => {
    for (const component of ['agent', 'cli']) {
      expect(blockerIds(plan({ ...CLIENT, component, from: '5.1.9.0' }))).toEqual([]);
      // A server's version given for a client is not older than the 5.2 target: no upgrade.
      expect(blockerIds(plan({ ...CLIENT, component, platform: 'windows', from: '5.4.3' }))).toEqual(['client-not-newer']);
    }
    const en = plan({ ...CLIENT, component: 'agent', from: '5.1.9.0' }).warnings.join('\n');
    expect(en).toContain('5.1.9.0 is not a 5.2.x.y');
    expect(en).toContain('SHARETASK_HOME');
    const ja = plan({ ...CLIENT, component: 'agent', from: '5.1.9.0' }, {}, 'ja').warnings.join('\n');
    expect(ja).toContain('5.1.9.0 は 5.2.x.y ではありません');
    expect(ja).toContain('SHARETASK_HOME');
    expect(plan({ ...CLIENT, component: 'agent' }).warnings.join('\n')).not.toContain('5.2.x.y');
  });

  it('refuses a client "upgraded" to the version it has, or to an older one, on both platforms and in both languages', () => {
    for (const component of ['agent', 'cli']) {
      for (const platform of ['linux', 'windows']) {
        expect(blockerIds(plan({ ...CLIENT, component, platform, from: CLIENT.to }))).toEqual(['client-not-newer']);
        expect(blockerIds(plan({ ...CLIENT, component, platform, from: '5.2.10.0' }))).toEqual(['client-not-newer']);
      }
    }
    const en = plan({ ...CLIENT, component: 'agent', from: CLIENT.to }).blockers[0];
    expect(en?.message).toBe(`The new client version ${CLIENT.to} is not newer than the installed version ${CLIENT.to}; this procedure upgrades to a newer version.`);
    const ja = plan({ ...CLIENT, component: 'cli', from: '5.2.10.0' }, {}, 'ja').blockers[0];
    expect(ja?.message).toContain(`新バージョン ${CLIENT.to} は、インストール済みのバージョン 5.2.10.0 より新しくありません`);
  });

  it('checks, before the agent stops, that the link is the old version and not already the new one', () => {
    const agent = plan({ ...CLIENT, component: 'agent' });
    expect(agent.steps[0]).toMatchObject({
      id: 'agent-check-link',
      commands: [['test', '/sbx/usr/local/sharetask', '-ef', '/sbx/usr/local/sharetask-5.2.1.0', '-a', '!', '/sbx/usr/local/sharetask', '-ef', '/sbx/usr/local/sharetask-5.2.3.1']],
    });
    expect(ids(agent).indexOf('agent-check-link')).toBeLessThan(ids(agent).indexOf('agent-stop'));
    expect(plan({ ...CLIENT, component: 'cli' }).steps[0]?.id).toBe('cli-check-link');
  });

  it("the from question tells where a Windows client's version is, in both languages", () => {
    const help = sharetask().questions.find((q) => q.id === 'from')?.help;
    for (const lang of ['en', 'ja'] as const) {
      expect(help?.[lang]).toContain('C:\\sharetask-5.2.x.y');
      expect(help?.[lang]).toContain('SHARETASK_HOME');
      expect(help?.[lang]).toContain('/usr/local/sharetask');
    }
  });

  it('the Windows environment steps say the values, the old ones to replace, and that this is an addition', () => {
    for (const [component, id, path] of [
      ['agent', 'win-agent-env', 'C:\\sharetask-5.2.3.1\\bin_win;C:\\PSTools;'],
      ['cli', 'win-cli-env', 'C:\\sharetask-5.2.3.1\\bin_win;'],
    ] as const) {
      const en = step(plan({ ...CLIENT, component, platform: 'windows' }), id).instructions ?? '';
      expect(en).toContain('Set the system environment variable SHARETASK_HOME=C:\\sharetask-5.2.3.1');
      expect(en).toContain(`add ${path} to the beginning of the PATH variable`);
      expect(en).toContain('(Added by the wizard, not in the procedure:)');
      expect(en).toContain('SHARETASK_HOME is already C:\\sharetask-5.2.1.0');
      expect(en).toContain('remove C:\\sharetask-5.2.1.0\\bin_win from PATH');
      const ja = step(plan({ ...CLIENT, component, platform: 'windows' }, {}, 'ja'), id).instructions ?? '';
      expect(ja).toContain('SHARETASK_HOME=C:\\sharetask-5.2.3.1 を設定し');
      expect(ja).toContain(`PATH の先頭に ${path} を追加`);
      expect(ja).toContain('(手順書にはない補足)');
      expect(ja).toContain('PATH からは C:\\sharetask-5.2.1.0\\bin_win を削除');
    }
  });
});
