// What the screens call: "send what you can now". The engine itself (with zod and, later, tus)
// is loaded after the first screen is drawn and registers itself here; until then requests
// are remembered, not lost.
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
