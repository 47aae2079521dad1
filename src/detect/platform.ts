// The operating system the wizard runs on: by name (linux, windows), or by family (unix, windows)
// for procedures that split only there.
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import type { DetectContext, Proposal } from './registry.js';

// The system's own name, as the operator knows it (Node.js says win32 and sunos).
const SYSTEM_NAMES: Partial<Record<NodeJS.Platform, string>> = { linux: 'Linux', win32: 'Windows', aix: 'AIX', sunos: 'Solaris', darwin: 'macOS', freebsd: 'FreeBSD', openbsd: 'OpenBSD' };

function evidence(): string {
  return t('detect.platform', { platform: SYSTEM_NAMES[process.platform] ?? process.platform });
}

export async function platformDetector(_ctx: DetectContext): Promise<Proposal | null> {
  const value = process.platform === 'win32' ? 'windows' : process.platform === 'linux' ? 'linux' : null;
  if (value === null) return null;
  return { value, evidence: evidence() };
}

export async function familyDetector(_ctx: DetectContext): Promise<Proposal | null> {
  return { value: process.platform === 'win32' ? 'windows' : 'unix', evidence: evidence() };
}

/** %SystemRoot% of the Windows machine the wizard runs on, from its environment. */
export async function systemRootDetector(ctx: DetectContext): Promise<Proposal | null> {
  // A sandbox is not this machine: its system folder is the operator's answer.
  if (ctx.root !== '') return null;
  // Windows reads the environment without regard to case; elsewhere the usual spelling is taken.
  const value = process.env.SystemRoot ?? process.env.SYSTEMROOT;
  return value ? { value, evidence: t('detect.systemRoot', { path: value }) } : null;
}
