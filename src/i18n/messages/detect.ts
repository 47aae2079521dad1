// Evidence of the iPlanet and JobCenter detectors (src/detect/iplanet.ts, jobcenter.ts), shown
// beside a proposed answer.
import { register, type Messages } from '../index.js';

export const detectMessages: Messages = {
  en: {
    'detect.ims.root': '{inf} exists beside the Messaging Server instance {instance}',
    'detect.ims.instance': '{dir} holds one Messaging Server instance: {name}',
    'detect.ims.slapd': 'Directory Server instances in {dir}: {names}',
    'detect.ims.noSlapd': '{dir} holds the Messaging Server instance {instance} and no Directory Server instance (slapd-*)',
    'detect.ims.web': 'Web Server instances in {dir}: {names}',
    'detect.ims.mounted': '{path} is a mount point (a file system of its own)',
    'detect.ims.notMounted': '{path} is on the same file system as {parent}',
    'detect.jc.unix': '{path} exists (JobCenter for UNIX)',
  },
  ja: {
    'detect.ims.root': '{inf} と Messaging Server のインスタンス {instance} があります',
    'detect.ims.instance': '{dir} の Messaging Server のインスタンスは {name} の一つです',
    'detect.ims.slapd': '{dir} の Directory Server のインスタンス: {names}',
    'detect.ims.noSlapd': '{dir} には Messaging Server のインスタンス {instance} があり、Directory Server のインスタンス (slapd-*) はありません',
    'detect.ims.web': '{dir} の Web Server のインスタンス: {names}',
    'detect.ims.mounted': '{path} はマウントポイントです (独立したファイルシステム)',
    'detect.ims.notMounted': '{path} は {parent} と同じファイルシステムにあります',
    'detect.jc.unix': '{path} があります (UNIX 版 JobCenter)',
  },
};

register(detectMessages);
