// The outbox's own service worker: sends what waits with every window of the app closed.
// Background Sync (Chrome, Edge, Samsung Internet on Android) fires `sync` here when the phone
// sees a working network again, even with every window of the app closed; this worker then runs
// one pass of the same engine as the app's windows (the same Dexie database, the same tus client
// over `fetch`, the same outbox lock, so a window and this worker never send at once). It is a
// module worker built from the app's own chunks, so it adds no code a phone does not already
// hold; it controls no page (its scope, /sync-worker/, has none) and caches nothing: the app's
// Workbox worker keeps doing that. Registered by background.ts; its rules in web/README.md.
import { createSyncEngine } from './engine.ts';
import { OUTBOX_SYNC_TAG } from './background.ts';
import { browserOutboxLock } from './lock.ts';
import * as tus from './tus.ts';
import { createTusUploader } from './uploader.ts';

interface SyncEvent extends Event {
  readonly tag: string;
  waitUntil(work: Promise<unknown>): void;
}
interface WorkerScope {
  location: Location;
  clients: { matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly { url: string; visibilityState: DocumentVisibilityState }[]> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'sync', listener: (event: SyncEvent) => void): void;
  addEventListener(type: 'install', listener: () => void): void;
}
const scope = self as unknown as WorkerScope;

/**
 * Per-chunk progress only (no XHR here): 64 KB leaves a 2G uplink (50 kbit/s) in about 10 s,
 * well inside the 20 s stall watchdog, where the window's 256 KB would take 42 s and trip it.
 */
const WORKER_CHUNK_SIZE = 64 * 1024;

const engine = createSyncEngine({
  api: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args), base: scope.location.origin },
  uploader: createTusUploader({ chunkSize: WORKER_CHUNK_SIZE, tus }),
  isOnline: () => navigator.onLine !== false,
  lock: browserOutboxLock(),
});

// Nothing to hand over: a new version of this worker takes over at once.
scope.addEventListener('install', () => void scope.skipWaiting());

scope.addEventListener('sync', (event) => {
  if (event.tag === OUTBOX_SYNC_TAG) event.waitUntil(sendOutbox());
});

/** The app's own pages; /tra-cuu and the API's pages are the server's and send nothing. */
const isAppPage = (url: string) => !/^\/(tra-cuu|api)(\/|$)/.test(new URL(url).pathname);

/**
 * The event succeeds only after a pass of this worker's own left the outbox empty: a failed
 * event keeps the tag, and the browser fires it again later (see web/README.md for Chrome's
 * limits).
 */
async function sendOutbox(): Promise<void> {
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  // A window on screen has its own runner (with the progress a person watches): it sends. If the
  // person closes it before it is done, even mid-upload, the retry finds no window and sends here.
  if (windows.some((w) => w.visibilityState === 'visible' && isAppPage(w.url))) throw new Error('the app on screen is sending');
  const report = await engine.runOnce({ force: true });
  // Busy: a hidden tab holds the outbox, and Android may freeze it mid-send.
  if (report.busy || (await engine.waiting())) throw new Error('the outbox still holds dossiers');
}
