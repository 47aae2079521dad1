// Whether a program is on PATH (for tests that need an optional tool and say so when it is absent).
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findOnPathSync(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}
