// A secret answer (iPlanet's bind password) on the command line: plan says where to give it;
// export, made for other machines, does not need it (the playbook asks, the runbook masks it).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { iplanetSandbox } from '../helpers/iplanet-sandbox.js';

describe('a secret answer that is not given', () => {
  const sb = iplanetSandbox();
  const sets = ['from=5.1', 'directory_server_version=4.13', 'delegated_admin=no', 'ldif_exports=yes', 'ug_suffix=o=siroe.com'].flatMap((v) => ['--set', v]);
  const place = ['--product', 'iplanet-messaging', '--root', sb.root, '--media', sb.media, '--log-dir', sb.logs, ...sets];

  it('plan names the environment variable to give it in, in both languages', async () => {
    const en = await runCli(['plan', ...place], { env: sb.env });
    expect(en.exitCode).toBe(2);
    expect(en.stderr).toContain('bind_password: ');
    expect(en.stderr).toContain('a secret: give it in the environment variable UPGRADE_WIZARD_SECRET_BIND_PASSWORD (or in an --answers file only its owner can read, chmod 600; never with --set)');
    const ja = await runCli(['--lang', 'ja', 'plan', ...place], { env: sb.env });
    expect(ja.stderr).toContain('秘密の値: 環境変数 UPGRADE_WIZARD_SECRET_BIND_PASSWORD で指定してください');
  });

  it('export writes the playbook, which asks for it, and the runbook without it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'uw-secret-export-')), 'pb');
    const r = await runCli(['export', '--format', 'ansible', '-o', out, ...place], { env: sb.env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'playbook.yml'), 'utf8')).toMatch(/vars_prompt:\n\s+- name: "secret_bind_password"/);
    const md = await runCli(['export', '--format', 'markdown', ...place], { env: sb.env });
    expect(md.exitCode, md.stderr).toBe(0);
    expect(md.stdout).toContain('| `bind_password` | **** |');
  });
});
