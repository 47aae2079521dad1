// `upgrade-wizard demo`: the interactive wizard on a sample ShareTask 5.4 server built in a
// fresh temporary directory (src/demo), with its stand-ins for service, chkconfig... first on
// PATH, so the whole flow can be walked on any machine without a real server.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/ui.js';
import { createShareTaskSandbox, sandboxEnv } from '../demo/sandbox.js';
import { startWizard } from './interactive.js';
import { quoteArgv } from '../quote.js';

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(t('ui.cmd.demoHelp'));
    return 0;
  }
  const extra = args.find((a) => a !== '--help' && a !== '-h');
  if (extra !== undefined) throw new InputError(t('ui.cmd.unknownOption', { option: extra, command: 'demo' }));
  // Refused before anything is built: a sandbox nobody can walk through is litter.
  if (!process.stdin.isTTY || !process.stdout.isTTY) throw new InputError(t('ui.cmd.noTty', { command: 'demo' }));
  const dir = await mkdtemp(join(tmpdir(), 'upgrade-wizard-demo-'));
  // The sample CD lists its checksums, so the demo shows the packages verified.
  const sb = await createShareTaskSandbox(dir, { checksums: true });
  // The commands the demo shows to continue or roll back run "upgrade-wizard" with the stand-ins
  // first on PATH: from a checkout (or an npx cache) nothing of that name is on PATH, so the
  // stand-ins get one that starts this very wizard. A launcher that names itself (the CD's .sh,
  // the executable) is named in those commands instead.
  if (!process.env.UPGRADE_WIZARD_SELF && process.argv[1]) {
    const self = `#!/bin/sh\n# The wizard that made this demo sandbox.\nexec ${quoteArgv([process.execPath, process.argv[1]])} "$@"\n`;
    await writeFile(join(sb.bin, 'upgrade-wizard'), self, { mode: 0o755 });
  }
  // The executor's children inherit process.env: the stand-ins must come first for them.
  Object.assign(process.env, sandboxEnv(sb.dir));
  process.stdout.write(`${t('ui.cmd.demoStart', { dir: sb.dir })}\n`);
  const code = await startWizard(
    {
      root: sb.root,
      media: sb.media,
      logDir: sb.logDir,
      product: 'sharetask',
      preset: {},
      // The stand-ins are needed again to continue: said with $PATH for the operator's shell.
      envPrefix: `PATH=${quoteArgv([sb.bin])}:"$PATH" `,
    },
    'demo',
  );
  process.stdout.write(`${t('ui.cmd.demoEnd', { dir: sb.dir })}\n`);
  return code;
}
