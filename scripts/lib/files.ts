import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below `dir`: where a test looks for what the server stored. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
