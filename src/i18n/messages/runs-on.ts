// Where a step runs (a step's runsOn), as the plan review and the runbooks say it. The values are
// RUNS_ON of src/model/definition.ts; each has its words here.
import { register, type Messages } from '../index.js';

export const runsOnMessages: Messages = {
  en: {
    'runsOn.all': 'every server',
    'runsOn.one': 'one server only, once for the cluster',
    'runsOn.cluster': 'the cluster as a whole',
    'runsOn.standby': 'the standby node',
    'runsOn.active': 'the active node',
    'runsOn.server1': 'server 1',
    'runsOn.server2': 'server 2',
  },
  ja: {
    'runsOn.all': 'すべてのサーバ',
    'runsOn.one': 'いずれか1台のサーバ (クラスタで1回だけ)',
    'runsOn.cluster': 'クラスタ全体',
    'runsOn.standby': '待機系',
    'runsOn.active': '運用系',
    'runsOn.server1': 'サーバ1',
    'runsOn.server2': 'サーバ2',
  },
};

register(runsOnMessages);
