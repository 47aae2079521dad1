// The generic blocker for a backup whose archive would be written inside the tree it archives:
// found from the plan, before any step runs, for any definition (the backup step itself only
// refuses when its turn comes, after the stops before it).
import { describe, expect, it } from 'vitest';
import { DefinitionSchema, type Answers } from '../../src/model/definition.js';
import { buildPlan } from '../../src/plan/build.js';
import { facts } from './fixtures.js';

const def = DefinitionSchema.parse({
  id: 'demo',
  title: { ja: 'デモ', en: 'Demo' },
  source: 'none.txt',
  questions: [
    { id: 'app_dir', type: 'path', text: { ja: 'アプリ', en: 'The application directory' } },
    { id: 'keep', type: 'path', text: { ja: '保存先', en: 'Where the archive goes' } },
  ],
  steps: [
    { id: 'stop', kind: 'command', title: { ja: '停止', en: 'Stop' }, commands: [['stop-app']] },
    { id: 'save', kind: 'backup', title: { ja: '保存', en: 'Save' }, source: '{root}{app_dir}', archive: '{root}{keep}/app.tar.gz' },
  ],
});

const blockers = (answers: Answers, lang: 'ja' | 'en' = 'en') => buildPlan(def, answers, facts({ root: '/sbx' }), lang).blockers;

describe('backup archive inside its source', () => {
  it('is a blocker on the backup step, naming both paths and the answer to change', () => {
    const [b, ...rest] = blockers({ app_dir: '/opt/app', keep: '/opt/app/backups' });
    expect(rest).toEqual([]);
    expect(b).toEqual({
      id: 'backup-inside-source:save',
      step: 'save',
      message: 'step save ("Save") would write its archive /sbx/opt/app/backups/app.tar.gz inside /sbx/opt/app, the tree it archives: the step would refuse it only after the steps before it (stops and the like) had run',
      fix: 'answer "Where the archive goes" (keep, now /opt/app/backups) with a directory outside /sbx/opt/app',
    });
    expect(blockers({ app_dir: '/opt/app', keep: '/opt/app/backups' }, 'ja')[0]?.fix).toBe('「保存先」(keep、現在 /opt/app/backups) には /sbx/opt/app の外のディレクトリを答えてください');
  });

  it('the archive right in the source too; when two answers are the same path, the fix names none', () => {
    expect(blockers({ app_dir: '/opt/app', keep: '/opt/app' })[0]?.fix).toBe('put the archive of step save outside /sbx/opt/app');
  });

  it('not for a directory beside it, above it, or one whose name only begins the same', () => {
    for (const keep of ['/opt/app-backups', '/opt', '/var/backups']) expect(blockers({ app_dir: '/opt/app', keep })).toEqual([]);
  });
});
