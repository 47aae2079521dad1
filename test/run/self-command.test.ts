// selfCommand(): the resume and rollback commands the wizard shows start it the way it was
// started (UPGRADE_WIZARD_SELF, set by its launchers), so that they can be pasted as shown.
import { describe, expect, it } from 'vitest';
import { resumeCommand, rollbackCommand, selfCommand } from '../../src/run/summary.js';

describe('selfCommand', () => {
  it('is the installed command when no launcher says otherwise', () => {
    expect(selfCommand(['resume', '--yes'], {}, 'linux')).toBe('upgrade-wizard resume --yes');
  });

  it('runs the CD\'s upgrade-wizard.sh through sh (the CD may be mounted noexec), by its absolute path quoted for the shell', () => {
    const env = { UPGRADE_WIZARD_SELF: "/media/cd rom/it's/upgrade-wizard/upgrade-wizard.sh" };
    expect(selfCommand(['resume', '--root', '/srv/x y'], env, 'linux')).toBe(`sh '/media/cd rom/it'\\''s/upgrade-wizard/upgrade-wizard.sh' resume --root '/srv/x y'`);
  });

  it('names the CD\'s upgrade-wizard.cmd, or the standalone executable, as they are, quoted for cmd.exe on Windows', () => {
    expect(selfCommand(['rollback', '--to', 'before-upgrade', '--root', 'C:\\srv\\share task'], { UPGRADE_WIZARD_SELF: 'D:\\upgrade-wizard\\upgrade-wizard.cmd' }, 'win32'))
      .toBe('D:\\upgrade-wizard\\upgrade-wizard.cmd rollback --to before-upgrade --root "C:\\srv\\share task"');
    expect(selfCommand(['resume'], { UPGRADE_WIZARD_SELF: 'C:\\Users\\admin\\Desktop\\CD (copy)\\upgrade-wizard\\upgrade-wizard.cmd' }, 'win32'))
      .toBe('"C:\\Users\\admin\\Desktop\\CD (copy)\\upgrade-wizard\\upgrade-wizard.cmd" resume');
    expect(selfCommand(['resume', '--yes'], { UPGRADE_WIZARD_SELF: '/opt/upgrade-wizard-linux-x64/upgrade-wizard' }, 'linux'))
      .toBe('/opt/upgrade-wizard-linux-x64/upgrade-wizard resume --yes');
  });

  it('is npx upgrade-wizard when npx started it', () => {
    expect(selfCommand(['resume'], { UPGRADE_WIZARD_SELF: 'npx' }, 'linux')).toBe('npx upgrade-wizard resume');
  });

  it('is what the resume and rollback hints start with, after the demo\'s PATH prefix', () => {
    const saved = process.env.UPGRADE_WIZARD_SELF;
    process.env.UPGRADE_WIZARD_SELF = '/cd/upgrade-wizard/upgrade-wizard.sh';
    try {
      expect(resumeCommand({ root: '/srv', logDir: '/var/log/upgrade-wizard' })).toBe('sh /cd/upgrade-wizard/upgrade-wizard.sh resume --yes --root /srv');
      expect(rollbackCommand({ root: '', logDir: '/l', unattended: false, envPrefix: 'PATH=/sb/bin:$PATH ' }, 'before-upgrade'))
        .toBe('PATH=/sb/bin:$PATH sh /cd/upgrade-wizard/upgrade-wizard.sh rollback --to before-upgrade --log-dir /l');
    } finally {
      if (saved === undefined) delete process.env.UPGRADE_WIZARD_SELF;
      else process.env.UPGRADE_WIZARD_SELF = saved;
    }
  });
});
