// Wires the engine to the browser: runs it on app open, when the network comes back, when the
// page is shown again, and on the backoff timer. The engine holds the outbox lock (Web Locks, or
// a lease where there are none) for each pass, so two tabs never send at once.
import { registerRunner } from './client.ts';
import { createSyncEngine, IDLE_RECHECK_MS, type SyncEngine } from './engine.ts';
import { browserOutboxLock } from './lock.ts';
import { progressStore } from './progress.ts';
import { refreshReferenceData } from './reference.ts';
import { tusUploader } from './uploader.ts';

// An absolute base: tus-js-client resolves the server's Location header against the endpoint,
// which fails for a relative endpoint when the server answers with a relative Location.
const api = () => ({ fetch: (...args: Parameters<typeof fetch>) => fetch(...args), base: location.origin });

export function startSync(engine: SyncEngine = createSyncEngine({
  api: api(),
  uploader: tusUploader,
  progress: progressStore,
  isOnline: () => navigator.onLine !== false,
  lock: browserOutboxLock(),
})): () => void {
  let running = false;
  let again: boolean | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (at: number | undefined) => {
    clearTimeout(timer);
    if (at === undefined) return;
    timer = setTimeout(() => void run(false), Math.max(1_000, at - Date.now()));
  };

  async function run(force: boolean): Promise<void> {
    if (running) {
      again = (again ?? false) || force;
      return;
    }
    running = true;
    try {
      let next: boolean | null = force;
      while (next !== null) {
        again = null;
        // A busy report (another tab is sending) says when to look again, in case it closes.
        const report = await engine.runOnce({ force: next });
        schedule(report.nextWakeAt);
        next = again;
      }
    } catch (e) {
      console.error('sync pass failed', e);
      schedule(Date.now() + IDLE_RECHECK_MS);
    } finally {
      running = false;
    }
  }

  const refresh = () => {
    if (navigator.onLine !== false) void refreshReferenceData(api());
  };
  const onOnline = () => {
    refresh();
    void run(true);
  };
  const onVisible = () => {
    if (document.visibilityState !== 'visible') return;
    // A phone brought back after days asks what changed in the catalog too: a 304 or a small delta.
    refresh();
    void run(true);
  };
  window.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisible);
  registerRunner((force) => void run(force));
  refresh();
  void run(true);

  return () => {
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    clearTimeout(timer);
  };
}
