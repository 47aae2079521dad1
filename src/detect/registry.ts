// The detectors a definition's question may name with `detect:`. Each proposes an answer with
// evidence; it reads files under the root only, and never changes anything.
import type { Answers } from '../model/definition.js';
import type { MediaFile } from '../model/facts.js';
import { familyDetector, platformDetector, systemRootDetector } from './platform.js';
import { sharetaskDetectors } from './sharetask.js';
import { clusterproDetectors } from './clusterpro.js';
import { iplanetDetectors } from './iplanet.js';
import { jobcenterDetectors } from './jobcenter.js';

export interface DetectContext {
  /** Sandbox prefix, "" for the real machine. */
  root: string;
  media?: string;
  mediaFiles: Record<string, MediaFile>;
  /** Answers given or detected so far (earlier questions), e.g. the component. */
  answers: Answers;
}

export interface Proposal {
  value: string | string[];
  evidence: string;
}

export type Detector = (ctx: DetectContext) => Promise<Proposal | null>;

export const DETECTORS: Record<string, Detector> = {
  'os.platform': platformDetector,
  'os.family': familyDetector,
  'os.systemroot': systemRootDetector,
  ...sharetaskDetectors,
  ...clusterproDetectors,
  ...iplanetDetectors,
  ...jobcenterDetectors,
};

export function detectorIds(): string[] {
  return Object.keys(DETECTORS);
}
