import { groupmaxSandbox } from './groupmax-sandbox.js';
import { buildJobcenterSandbox, psRunning, PS_STOPPED } from './jobcenter-sandbox.js';
const kind = process.argv[2];
if (kind === 'gu') { const s = groupmaxSandbox(); console.log(JSON.stringify({dir:s.dir,root:s.root,logs:s.logs,services:s.services,env:s.env})); }
else if (kind === 'gw') { const s = groupmaxSandbox({platform:'windows'}); console.log(JSON.stringify({dir:s.dir,root:s.root,logs:s.logs,services:s.services,env:s.env})); }
else { const s = buildJobcenterSandbox(); s.psSequence([psRunning(true), PS_STOPPED, psRunning(true)]); console.log(JSON.stringify({dir:s.dir,root:s.root,media:s.media,logs:s.logs,env:s.env})); }
