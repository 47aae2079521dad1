// JobCenter detector: the kind of cluster, where the machine says it. On a UNIX node the
// procedure's own /usr/lib/nqs/nqsstop is there; the Windows kinds (MSCS or another cluster) and
// the node's role are the operator's answers: nothing on disk tells them apart safely.
import { t } from '../i18n/index.js';
import '../i18n/messages/detect.js';
import type { DetectContext, Detector, Proposal } from './registry.js';
import { exists, underRoot } from './system.js';

const NQSSTOP = '/usr/lib/nqs/nqsstop';

async function cluster(ctx: DetectContext): Promise<Proposal | null> {
  if (process.platform === 'win32') return null;
  const path = underRoot(ctx.root, NQSSTOP);
  return (await exists(path)) ? { value: 'unix', evidence: t('detect.jc.unix', { path }) } : null;
}

export const jobcenterDetectors: Record<string, Detector> = {
  'jobcenter.cluster': cluster,
};
