// test/helpers/groupmax-sandbox.ts
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
var SERVICES_UNIX = "ftp		21/tcp\nssh		22/tcp				# SSH Remote Login Protocol\nsmtp		25/tcp		mail\n# \x83\x81\x81[\x83\x8B (mail)\n";
function groupmaxSandbox(opts = {}) {
  const platform = opts.platform ?? "unix";
  const dir = mkdtempSync(join(tmpdir(), "uw-groupmax-"));
  const root = join(dir, "root");
  const bin2 = join(dir, "bin");
  const logs = join(dir, "logs");
  const callsLog = join(dir, "calls.log");
  const services = platform === "unix" ? join(root, "etc", "services") : join(root, "WINNT", "system32", "drivers", "etc", "services");
  mkdirSync(dirname(services), { recursive: true });
  mkdirSync(bin2, { recursive: true });
  const text = opts.services ?? (platform === "unix" ? SERVICES_UNIX : SERVICES_UNIX.replace(/\n/g, "\r\n"));
  writeFileSync(services, Buffer.from(text, "latin1"), { mode: 420 });
  writeFileSync(callsLog, "");
  const advup = join(bin2, "advup2_6");
  writeFileSync(advup, `#!/bin/sh
echo "advup2_6 $*" >> '${callsLog}'
echo "advup2_6: upgrade of the master management server data completed"
`);
  chmodSync(advup, 493);
  return {
    dir,
    root,
    logs,
    services,
    env: { PATH: `${bin2}:${process.env.PATH ?? ""}` },
    platformArgs: platform === "unix" ? ["--set", "platform=unix"] : ["--set", "platform=windows", "--set", "system_root=/WINNT"],
    calls: () => readFileSync(callsLog, "utf8").split("\n").filter((l) => l !== ""),
    servicesText: () => readFileSync(services).toString("latin1"),
    servicesBackups: () => existsSync(dirname(services)) ? readdirSync(dirname(services)).filter((n) => n.startsWith("services.bak-")) : []
  };
}

// test/helpers/jobcenter-sandbox.ts
import { chmodSync as chmodSync2, existsSync as existsSync3, mkdirSync as mkdirSync2, mkdtempSync as mkdtempSync2, readdirSync as readdirSync2, readFileSync as readFileSync2, writeFileSync as writeFileSync2 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname2, join as join2 } from "node:path";

// test/helpers/cli.ts
import { existsSync as existsSync2 } from "node:fs";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
var repoRoot = fileURLToPath(new URL("../../", import.meta.url));
var bin = fileURLToPath(new URL("../../bin/upgrade-wizard.js", import.meta.url));
var isRoot = process.getuid?.() === 0;
async function runCli(args, options = {}) {
  if (!existsSync2(fileURLToPath(new URL("../../build/cli.js", import.meta.url)))) {
    throw new Error("build/cli.js is missing: run `npx tsc -p .` before the end-to-end tests");
  }
  const env = { LANG: "C", LC_ALL: void 0, LC_MESSAGES: void 0, NO_COLOR: void 0, ...options.env };
  const argv = [process.execPath, bin, ...args];
  const [file, ...rest] = options.user ? ["runuser", "-u", options.user, "--", ...argv] : argv;
  const stdio = options.input === void 0 ? { stdin: "ignore" } : { input: options.input };
  const result = await execa(file, rest, { cwd: options.cwd ?? repoRoot, env, reject: false, ...stdio });
  return { exitCode: result.exitCode ?? 1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

// test/helpers/jobcenter-sandbox.ts
var PATCH_RPM = "NECJcpt-13.2.1-1.x86_64.rpm";
var HEADER = "UID        PID  PPID  C STIME TTY          TIME CMD";
var PS_STOPPED = `${HEADER}
root         1     0  0 10:00 ?        00:00:01 /sbin/init
root       812     1  0 10:00 ?        00:00:00 /usr/sbin/sshd -D
`;
function psRunning(r131, without = []) {
  const names = ["cjcpw", "nqsdaemon", "jnwcaster", "jnwengine", "sclaunchd", "comagent", ...r131 ? ["jcdbs"] : []];
  const lines = names.filter((n) => !without.includes(n)).map((n, i) => `root      ${2e3 + i}     1  0 10:05 ?        00:00:00 /usr/lib/nqs/${n} -s jcsite`);
  return `${PS_STOPPED}${lines.join("\n")}
`;
}
function script(path, body) {
  mkdirSync2(dirname2(path), { recursive: true });
  writeFileSync2(path, `#!/bin/sh
${body}
`);
  chmodSync2(path, 493);
}
function put(path, content = "") {
  mkdirSync2(dirname2(path), { recursive: true });
  writeFileSync2(path, content);
}
function buildJobcenterSandbox() {
  const dir = mkdtempSync2(join2(tmpdir2(), "jc-sbx-"));
  const bin2 = join2(dir, "bin");
  const root = join2(dir, "root");
  const media = join2(dir, "media");
  const logs = join2(dir, "logs");
  const state = join2(dir, "state");
  const log = join2(dir, "calls.log");
  for (const d of [bin2, root, media, logs, state]) mkdirSync2(d, { recursive: true });
  writeFileSync2(log, "");
  const record = (name) => `printf '%s' '${name}' >> '${log}'; for a in "$@"; do printf ' %s' "$a" >> '${log}'; done; echo >> '${log}'`;
  writeFileSync2(join2(media, PATCH_RPM), "patch rpm\n");
  writeFileSync2(join2(media, "NECJOpt-13.2.1-1.x86_64.rpm"), "not the patch\n");
  script(
    join2(bin2, "rpm"),
    `${record("rpm")}
[ "$1" = -ivh ] || { echo "rpm stand-in: unexpected $*" >&2; exit 2; }
[ -f "$2" ] || { echo "error: open of $2 failed: No such file or directory" >&2; exit 1; }
basename "$2" >> '${state}/patched'
echo "Preparing...                ########################################### [100%]"`
  );
  script(
    join2(bin2, "ps"),
    `${record("ps")}
n=$(cat '${state}/ps-count' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '${state}/ps-count'
last=$(ls '${state}/ps' 2>/dev/null | sort -n | tail -1)
f='${state}/ps/'$n; [ -f "$f" ] || f='${state}/ps/'$last
cat "$f"`
  );
  script(
    join2(bin2, "jc_check"),
    `${record("jc_check")}
echo "[machine list] node1 node2 jcsite"
echo "[queue] guibs_1 guilb_def"
echo "[user mapping] jcadmin -> jcadmin"`
  );
  for (const name of ["reg", "cluster", "regsvr32"]) script(join2(bin2, name), record(name));
  script(join2(root, "usr/lib/nqs/nqsstop"), record("nqsstop"));
  const win = (p) => join2(root, "C", ...p.split("/"));
  for (const sys of ["Windows/system32", "Windows/SysWOW64"]) {
    put(win(`${sys}/necjcsock.dll`), "dll");
    put(win(`${sys}/NECJCEX.DLL`), "dll");
    put(win(`${sys}/necjclog/jc.log`), "log");
    put(win(`${sys}/necjcupsetup/setup.ini`), "ini");
    put(win(`${sys}/kernel32.dll`), "keep");
    put(win(`${sys}/drivers/necfoo.sys`), "keep");
  }
  put(win("Windows/cluster/JobCenterCluster.dll"), "dll");
  put(win("Windows/cluster/JobCenterClusterEx.dll"), "dll");
  put(win("Windows/cluster/clussvc.exe"), "keep");
  put(win("JobCenter/SV/ins/JobCenterCluster.vbs"), "' JobCenterCluster.vbs\n");
  mkdirSync2(join2(root, "S", "JobCenter"), { recursive: true });
  const nodeDir = dirname2(process.execPath);
  const env = { PATH: `${bin2}:${nodeDir}:/usr/bin:/bin`, NQS_SITE: void 0 };
  const sets = (answers) => Object.entries(answers).flatMap(([k, v]) => ["--set", `${k}=${Array.isArray(v) ? v.join(",") : v}`]);
  return {
    dir,
    root,
    media,
    logs,
    env,
    calls: () => readFileSync2(log, "utf8").split("\n").filter((l) => l !== "").map((l) => l.trimEnd()),
    psSequence(outputs) {
      const psDir = join2(state, "ps");
      mkdirSync2(psDir, { recursive: true });
      for (const f of readdirSync2(psDir)) writeFileSync2(join2(psDir, f), "");
      writeFileSync2(join2(state, "ps-count"), "0");
      outputs.forEach((o, i) => writeFileSync2(join2(psDir, String(i + 1)), o));
    },
    run: (answers, extraEnv = {}) => runCli(["run", "--product", "jobcenter", "--yes", "--root", root, "--media", media, "--log-dir", logs, ...sets(answers)], { env: { ...env, ...extraEnv } }),
    resume: (extraEnv = {}) => runCli(["resume", "--yes", "--root", root, "--log-dir", logs], { env: { ...env, ...extraEnv } }),
    journals: () => readdirSync2(logs).filter((n) => /^run-.*\.jsonl$/.test(n)).sort().map((n) => readFileSync2(join2(logs, n), "utf8").split("\n").filter((l) => l !== "").map((l) => JSON.parse(l))),
    win: (p) => win(p)
  };
}

// test/helpers/.review-gj.ts
var kind = process.argv[2];
if (kind === "gu") {
  const s = groupmaxSandbox();
  console.log(JSON.stringify({ dir: s.dir, root: s.root, logs: s.logs, services: s.services, env: s.env }));
} else if (kind === "gw") {
  const s = groupmaxSandbox({ platform: "windows" });
  console.log(JSON.stringify({ dir: s.dir, root: s.root, logs: s.logs, services: s.services, env: s.env }));
} else {
  const s = buildJobcenterSandbox();
  s.psSequence([psRunning(true), PS_STOPPED, psRunning(true)]);
  console.log(JSON.stringify({ dir: s.dir, root: s.root, media: s.media, logs: s.logs, env: s.env }));
}
