// What the screens call: "send what you can now". The engine itself (with zod and, later, tus)
// is loaded after the first screen is drawn and registers itself here; until then requests
// are remembered, not lost.
import type { DossierRecord } from '../db/types.ts';
import type { ResultDownload } from './result.ts';

type Runner = (force: boolean) => void;

let runner: Runner | null = null;
let pending: boolean | null = null;

export function requestSync(force = true): void {
  if (runner) runner(force);
  else pending = (pending ?? false) || force;
}

export function registerRunner(r: Runner): void {
  runner = r;
  if (pending !== null) {
    const force = pending;
    pending = null;
    r(force);
  }
}

export { isSilent, linkStore, progressStore, SILENT_MS } from './progress.ts';
export type { SendProgress } from './progress.ts';

/**
 * Downloads a finished dossier's result into the phone. `result.ts` (with the API client) is
 * loaded on demand: the dossier screen does not carry it.
 */
export async function downloadResult(dossier: DossierRecord): Promise<ResultDownload> {
  const result = await import('./result.ts');
  return result.downloadResult(dossier);
}
