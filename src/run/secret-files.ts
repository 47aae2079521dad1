// Secret answers handed to a command: an argv item "{secret-file:ID}" becomes the path of a
// file, mode 0600 in a 0700 directory of its own, holding the secret and removed as soon as the
// command ends. The secret itself is never in an argv (visible to ps), a log or the journal:
// those keep the placeholder. Secrets come from ExecuteOptions.secrets, else from the
// environment variable UPGRADE_WIZARD_SECRET_<ID> (how a resumed run gets one again).
import { mkdtemp, rm, writeFile } from '../io/fs-async.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Answers, Definition } from '../model/definition.js';
import { SECRET_FILES } from '../plan/template.js';
import { t } from '../i18n/index.js';
import '../i18n/messages/kinds.js';
import { StepFailure, type StepContext } from './context.js';

export function secretEnvName(id: string): string {
  return `UPGRADE_WIZARD_SECRET_${id.toUpperCase().replace(/-/g, '_')}`;
}

/** Secret answers given in the environment, for the questions marked secret. */
export function secretsFromEnv(def: Definition, env: NodeJS.ProcessEnv = process.env): Answers {
  const out: Answers = {};
  for (const q of def.questions) {
    const v = q.secret === true ? env[secretEnvName(q.id)] : undefined;
    if (v !== undefined && v !== '') out[q.id] = v;
  }
  return out;
}

export interface Materialized {
  argv: string[];
  cleanup(): Promise<void>;
}

/** The argv with its secret placeholders replaced by files; `cleanup` removes them. */
export async function materializeSecrets(ctx: Pick<StepContext, 'secrets' | 'redact'>, argv: readonly string[]): Promise<Materialized> {
  if (!argv.some((a) => a.includes('{secret-file:'))) return { argv: [...argv], cleanup: async () => undefined };
  const dir = await mkdtemp(join(tmpdir(), 'upgrade-wizard-secret-'));
  const cleanup = (): Promise<void> => rm(dir, { recursive: true, force: true });
  try {
    const made = new Map<string, string>();
    const out: string[] = [];
    for (const arg of argv) {
      let replaced = arg;
      for (const m of arg.matchAll(SECRET_FILES)) {
        const id = m[1] as string;
        let file = made.get(id);
        if (file === undefined) {
          const value = ctx.secrets?.[id] ?? process.env[secretEnvName(id)];
          if (value === undefined || value === '') throw new StepFailure(t('kinds.secret.missing', { id, env: secretEnvName(id) }));
          ctx.redact.addSecret(value);
          file = join(dir, id);
          // No trailing newline: tools reading a password file take the whole content.
          await writeFile(file, value, { mode: 0o600, flag: 'wx' });
          made.set(id, file);
        }
        replaced = replaced.split(m[0]).join(file);
      }
      out.push(replaced);
    }
    return { argv: out, cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
