// The operating system family the wizard runs on.
import { t } from '../i18n/index.js';
import '../i18n/messages/plan.js';
import type { DetectContext, Proposal } from './registry.js';

export async function platformDetector(_ctx: DetectContext): Promise<Proposal | null> {
  const value = process.platform === 'win32' ? 'windows' : process.platform === 'linux' ? 'linux' : null;
  if (value === null) return null;
  return { value, evidence: t('detect.platform', { platform: process.platform }) };
}
