// Wires the engine to the browser: runs it on app open, when the network comes back, when the
// page is shown again, and on the backoff timer. The engine holds the outbox lock (Web Locks, or
// a lease where there are none) for each pass, so two tabs never send at once.
import { registerRunner } from './client.ts';
import { createSyncEngine, IDLE_RECHECK_MS, watchFetch, type SyncEngine } from './engine.ts';
import { browserOutboxLock } from './lock.ts';
import { linkStore, progressStore } from './progress.ts';
import { installOutboxWorker, registerBackgroundSync } from './background.ts';
import { refreshReferenceData } from './reference.ts';
import { tusUploader } from './uploader.ts';

// An absolute base: the tus client resolves the server's Location header against the endpoint
// (`new URL(location, endpoint)`), which needs an absolute endpoint when the Location is relative.
const api = () => ({ fetch: (...args: Parameters<typeof fetch>) => fetch(...args), base: location.origin });

export function startSync(engine: SyncEngine = createSyncEngine({
  api: api(),
  uploader: tusUploader,
  progress: progressStore,
  isOnline: () => navigator.onLine !== false,
  lock: browserOutboxLock(),
  link: linkStore,
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
        // Something still waits: where the browser has Background Sync, the outbox worker
        // sends it when the network returns, even after the tab is gone.
        if (report.nextWakeAt !== undefined) registerBackgroundSync();
        next = again;
      }
    } catch (e) {
      console.error('sync pass failed', e);
      schedule(Date.now() + IDLE_RECHECK_MS);
    } finally {
      running = false;
    }
  }

  // The catalog's and units' requests tell the link too: a catalog delta that arrives after a
  // silence wakes the outbox like any other answer.
  const refresh = () => {
    if (navigator.onLine !== false) {
      const base = api();
      void refreshReferenceData({ ...base, fetch: watchFetch(base.fetch, engine.link, () => navigator.onLine !== false) });
    }
  };
  // The first answer after a silence (a status read, a catalog delta, an upload chunk): the
  // network passes data again, so the backoff timer is cancelled and a pass runs now.
  const offLink = engine.link.subscribe((alive) => {
    if (!alive) return;
    clearTimeout(timer);
    void run(true);
  });
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
  // The outbox worker must be installed before the network goes, which is when it is needed: so
  // while the app is open and most likely online, but after the app's own worker has cached the
  // app, so a cheap phone's first visit does not spend its CPU on both at once.
  void navigator.serviceWorker?.ready.then(() => (window.requestIdleCallback ?? setTimeout)(() => void installOutboxWorker()));

  return () => {
    window.removeEventListener('online', onOnline);
    document.removeEventListener('visibilitychange', onVisible);
    offLink();
    clearTimeout(timer);
  };
}
