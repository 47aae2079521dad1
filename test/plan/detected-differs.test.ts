// Answers that this machine contradicts: a warning beside the evidence, or a blocker where the
// answer says which machine this is (the real binary, on sandboxes).
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { buildClusterproSandbox } from '../helpers/clusterpro-sandbox.js';
import { makeSandbox, placeArgs, runIn } from '../helpers/sandbox.js';

describe('an answer this machine contradicts', () => {
  it("refuses server 2's part on server 1 (a saved answers file replayed on the other node); says nothing when the host is not in the list", async () => {
    const s = buildClusterproSandbox({ installed: '2.1.2-1', hostname: 'node1' });
    const sets = ['mode=rolling', 'arch=x86_64', 'product=x2', 'replicator=no', 'kernel_update=no', 'webmanager=no', 'servers=node1,node2', 'server=server2'];
    const args = ['plan', '--product', 'clusterpro', '--root', s.root, '--media', s.media, '--log-dir', s.logs, ...sets.flatMap((v) => ['--set', v])];
    const wrong = await runCli(args, { env: s.env });
    expect(wrong.stdout).toMatch(/x differs-from-detected:server: "Which server is this one\?" was answered Server 2 \(the second host\), but this machine is Server 1 \(.*node1.*\)/);
    expect(wrong.stdout).toContain('answer server=server1 here (answers saved on another machine carry its own)');
    s.setHostname('node2');
    expect((await runCli(args, { env: s.env })).stdout).not.toContain('differs-from-detected');
    s.setHostname('builder-pc');
    expect((await runCli(args, { env: s.env })).stdout).not.toContain('differs-from-detected');
    // An export is for the nodes: where it is made does not matter.
    const exported = await runCli(['export', '--format', 'markdown', ...args.slice(1)], { env: s.env });
    expect(exported.stdout).not.toContain('differs');
  }, 60_000);

  it('warns, in both languages, when the plan is for Windows and this machine runs Linux', async () => {
    const sb = await makeSandbox();
    try {
      const sets = ['component=agent', 'platform=windows', 'from=5.2.1.0', 'to=5.2.3.1'].flatMap((v) => ['--set', v]);
      const en = await runIn(sb, ['plan', '--product', 'sharetask', ...sets, ...placeArgs(sb)]);
      expect(en.stdout).toMatch(/! "Which operating system does this machine run\?" was answered Windows, but this machine says Linux \(/);
      const ja = await runIn(sb, ['--lang', 'ja', 'plan', '--product', 'sharetask', ...sets, ...placeArgs(sb)]);
      expect(ja.stdout).toMatch(/の答えは Windows ですが、このマシンでは Linux です/);
      const same = await runIn(sb, ['plan', '--product', 'sharetask', ...sets.slice(0, 2), '--set', 'platform=linux', ...sets.slice(4), ...placeArgs(sb)]);
      expect(same.stdout).not.toMatch(/operating system.*this machine says/);
    } finally {
      sb.cleanup();
    }
  }, 60_000);
});
