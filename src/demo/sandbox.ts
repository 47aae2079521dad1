// A sample ShareTask 5.4 server in a directory, for `demo` and the end-to-end tests:
//   DIR/root    the server's file system (/opt/sharetask, /home/sharetask -> it, /etc, /var, /tmp)
//   DIR/media   the "CD": sharetask_server-5.5.1-2.tar.gz, custom_NAB_*.tar.gz, License_*.tar.gz
//               (and their SHA256SUMS, for the demo)
//   DIR/bin     recording stand-ins for service, chkconfig, pgrep (first on PATH via sandboxEnv)
//   DIR/calls.log  one line per call of any stand-in, in order
import { chmod, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { execa } from 'execa';
import { sha256File } from '../detect/checksums.js';
import { chkconfigScript, initScript, pgrepScript, serviceScript, TOOL_BODIES, toolScript } from './scripts.js';

export interface SandboxOptions {
  /** The web server's user; it must exist here (chown runs for real). Default: the current user. */
  webUser?: string;
  /** Daemons with an init script (default both). */
  daemons?: ('sharetaskd' | 'stlogd')[];
  /** Whether a custom part is installed and shipped (default true). */
  custom?: boolean;
  /** Whether the media holds a license file (default true). */
  license?: boolean;
  /** The database password written into db.conf. */
  dbpass?: string;
  /** Whether the media lists its packages in a SHA256SUMS, as a vendor's CD does (default false). */
  checksums?: boolean;
}

export interface Sandbox {
  dir: string;
  root: string;
  media: string;
  bin: string;
  callsLog: string;
  /** State of the stand-ins: running markers, pause/release files. */
  state: string;
  logDir: string;
  webUser: string;
  dbpass: string;
  oldVersion: string;
  newVersion: string;
  /** Every answer of `run --product sharetask` for this server, as --set values. */
  answers: Record<string, string>;
}

export const OLD_VERSION = '5.4.3';
export const NEW_VERSION = '5.5.1-2';
const SERVICES = ['httpd', 'memcached', 'postgresql'];

type Tree = Record<string, string | Buffer>;

async function writeTree(base: string, tree: Tree, mode = 0o644): Promise<void> {
  for (const [rel, content] of Object.entries(tree)) {
    const file = join(base, rel);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, content, { mode });
    await chmod(file, rel.endsWith('.pl') || rel.includes('/bin/') ? 0o755 : mode);
  }
}

async function tarGz(out: string, cwd: string, name: string): Promise<void> {
  await execa('tar', ['czf', out, '-C', cwd, '--', name], { stdin: 'ignore' });
}

function oldConf(dbpass: string, eucComment: Buffer): Tree {
  return {
    'conf/db.conf': `dbhost = localhost\ndbport = 5432\ndbname = stask_mpi\ndbuser = stask_mpi\ndbpass = ${dbpass}\nsslmode = disable\n`,
    'conf/system.conf': Buffer.concat([
      Buffer.from('# ShareTask server 5.4 system configuration\n'),
      eucComment,
      Buffer.from('\nSERVER_NAME = sharetask.example.com\nMAIL_FROM = sharetask@example.com\nSESSION_TIMEOUT = 3600\nLOG_LEVEL = info\nSUID_METHOD = suidperl\n'),
    ]),
    'conf/license/License_NAB_20231231_100.lic': 'old license NAB 2023-12-31 100 jobs\n',
  };
}

function serverTree(version: string): Tree {
  return {
    'cgi-common/common.pl': `# ShareTask ${version} common library\n1;\n`,
    'cgi-common/bin/auth_pam': `#!/bin/sh\n# ShareTask ${version} auth_pam\nexit 0\n`,
    'cgi-common/bin/make_user_subdir': '#!/bin/sh\nexit 0\n',
    'public_html/index.html': `<html><body>ShareTask ${version}</body></html>\n`,
    'sharetaskd/sharetaskd.init': `# sharetaskd ${version} sysconfig\nSHARETASKD_OPTS=""\n`,
    'sharetaskd/stlogd.init': `# stlogd ${version} sysconfig\nSTLOGD_OPTS=""\n`,
  };
}

/** The release notes call them "new parameters": the shipped 5.5 system.conf has them. */
const SHIPPED_SYSTEM_CONF =
  '# ShareTask server 5.5 system configuration\nSERVER_NAME = localhost\nSESSION_TIMEOUT = 3600\nLOG_LEVEL = warn\nSUID_METHOD = sudo\nENABLE_USER_PREFS = 0\nMAX_UPLOAD_SIZE = 104857600\n';

async function buildMedia(sb: Sandbox, stage: string, opts: Required<SandboxOptions>): Promise<void> {
  const top = `sharetask_server-${NEW_VERSION}`;
  const pkg = join(stage, top);
  await writeTree(pkg, {
    ...serverTree(NEW_VERSION),
    'conf/system.conf': SHIPPED_SYSTEM_CONF,
    'conf/etc.example/httpd-sharetask.conf': '# sample httpd configuration\n',
    'etc/sudoers.example': 'Defaults:apache !requiretty\nDefaults:apache !env_reset\n',
    'public_html/js.pack/app.js': '// ShareTask 5.5\n',
  });
  const tools: Record<string, string> = {
    'tools/check_install/check_compile_error.pl': 'check_compile_error.pl',
    'tools/upgrade_utils/database_upgrade.pl': 'database_upgrade.pl',
    'tools/custom/custom_symlink.pl': 'custom_symlink.pl',
    'tools/license/install_license.pl': 'install_license.pl',
  };
  for (const [rel, name] of Object.entries(tools)) {
    await writeTree(pkg, { [rel]: toolScript(name, sb.callsLog, sb.state, TOOL_BODIES[name] ?? '') });
  }
  await tarGz(join(sb.media, `${top}.tar.gz`), stage, top);
  if (opts.custom) {
    await writeTree(join(stage, 'c'), { 'custom/NAB/index.cgi': '#!/usr/bin/perl\n# custom NAB 2024-04-01\nprint "ok\\n";\n', 'custom/NAB/style.css': '/* NAB 2024-04-01 */\n' });
    await tarGz(join(sb.media, 'custom_NAB_20240401.tar.gz'), join(stage, 'c'), 'custom');
  }
  if (opts.license) {
    await writeTree(join(stage, 'l'), { 'License_NAB_20271231_100.lic': 'license NAB 2027-12-31 100 jobs\n' });
    await tarGz(join(sb.media, 'License_NAB_20271231_100.tar.gz'), join(stage, 'l'), 'License_NAB_20271231_100.lic');
  }
  if (opts.checksums) await writeChecksums(sb.media);
}

/** SHA256SUMS of every package, in `sha256sum`'s format. */
async function writeChecksums(media: string): Promise<void> {
  const lines: string[] = [];
  for (const name of (await readdir(media)).sort()) {
    lines.push(`${await sha256File(join(media, name))}  ${name}\n`);
  }
  await writeFile(join(media, 'SHA256SUMS'), lines.join(''));
}

async function buildRoot(sb: Sandbox, opts: Required<SandboxOptions>): Promise<void> {
  const real = join(sb.root, 'opt/sharetask');
  const server = join(real, `sharetask_server-${OLD_VERSION}`);
  // "ShareTask サーバー設定" in EUC-JP, as an old server has it; loaded only here.
  const iconv = (await import('iconv-lite')).default;
  await writeTree(server, { ...serverTree(OLD_VERSION), ...oldConf(opts.dbpass, iconv.encode('# ShareTask サーバー設定 (旧バージョン)', 'euc-jp')) });
  await symlink(`sharetask_server-${OLD_VERSION}`, join(real, 'sharetask_server'));
  if (opts.custom) await writeTree(real, { 'custom/NAB/index.cgi': '#!/usr/bin/perl\n# custom NAB 2023\nprint "ok\\n";\n', 'custom/NAB/style.css': '/* NAB 2023 */\n', 'custom/README': 'custom part NAB\n' });
  await writeTree(real, { 'pgsql/data/PG_VERSION': '8.4\n', 'pgsql/data/base/1/12345': Buffer.alloc(64 * 1024, 7) });
  await mkdir(join(sb.root, 'home'), { recursive: true });
  await symlink('../opt/sharetask', join(sb.root, 'home/sharetask'));

  const initd = join(sb.root, 'etc/init.d');
  await mkdir(initd, { recursive: true });
  for (const name of [...SERVICES, ...opts.daemons]) {
    await writeFile(join(initd, name), initScript(name, sb.callsLog, sb.state), { mode: 0o755 });
    await writeFile(join(sb.state, 'running', name), '');
  }
  await mkdir(join(sb.root, 'etc/sysconfig'), { recursive: true });
  await writeFile(join(sb.root, 'etc/sudoers'), 'Defaults    env_reset\nroot    ALL=(ALL)       ALL\n', { mode: 0o440 });
  await chmod(join(sb.root, 'etc/sudoers'), 0o440);
  await writeTree(join(sb.root, 'var/log/httpd'), { error_log: '[Mon Apr 01 10:00:00 2024] [notice] Apache configured -- resuming normal operations\n' });
  await mkdir(join(sb.root, 'tmp'), { recursive: true, mode: 0o1777 });
}

/** Builds the sample server in `dir` (which must not exist or be empty). */
export async function createShareTaskSandbox(dir: string, options: SandboxOptions = {}): Promise<Sandbox> {
  const opts: Required<SandboxOptions> = {
    webUser: options.webUser ?? userInfo().username,
    daemons: options.daemons ?? ['sharetaskd', 'stlogd'],
    custom: options.custom ?? true,
    license: options.license ?? true,
    dbpass: options.dbpass ?? 'S4mple-Pa55',
    checksums: options.checksums ?? false,
  };
  const base = resolve(dir);
  const sb: Sandbox = {
    dir: base,
    root: join(base, 'root'),
    media: join(base, 'media'),
    bin: join(base, 'bin'),
    callsLog: join(base, 'calls.log'),
    state: join(base, 'state'),
    logDir: join(base, 'log'),
    webUser: opts.webUser,
    dbpass: opts.dbpass,
    oldVersion: OLD_VERSION,
    newVersion: NEW_VERSION,
    answers: {
      component: 'server',
      platform: 'linux',
      from: OLD_VERSION,
      to: NEW_VERSION,
      install_dir: '/opt/sharetask',
      web_user: opts.webUser,
      daemons: opts.daemons.join(','),
      custom: opts.custom ? 'yes' : 'no',
      ...(opts.custom ? { custom_uid: 'NAB' } : {}),
      license: opts.license ? 'yes' : 'no',
    },
  };
  for (const d of [sb.root, sb.media, sb.bin, join(sb.state, 'running')]) await mkdir(d, { recursive: true });
  await writeFile(sb.callsLog, '');
  await buildRoot(sb, opts);
  const stage = join(base, '.stage');
  try {
    await buildMedia(sb, stage, opts);
  } finally {
    await rm(stage, { recursive: true, force: true });
  }
  await writeFile(join(sb.bin, 'service'), serviceScript(sb.root, sb.callsLog, sb.state), { mode: 0o755 });
  await writeFile(join(sb.bin, 'chkconfig'), chkconfigScript(sb.callsLog, sb.state), { mode: 0o755 });
  await writeFile(join(sb.bin, 'pgrep'), pgrepScript(sb.callsLog, sb.state), { mode: 0o755 });
  return sb;
}

/** The environment for the wizard in the sandbox: the stand-ins first on PATH. */
export function sandboxEnv(dir: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { PATH: [join(resolve(dir), 'bin'), env.PATH ?? '/usr/bin:/bin'].join(delimiter) };
}

/** The calls recorded so far, one "name argv..." string each. */
export async function readCalls(dir: string): Promise<string[]> {
  const text = await readFile(join(resolve(dir), 'calls.log'), 'utf8').catch(() => '');
  return text.split('\n').filter((l) => l !== '');
}
