// The outbox's own service worker: sends what waits with every window of the app closed.
// Background Sync (Chrome, Edge, Samsung Internet on Android) fires `sync` here when the phone
// sees a working network again; this worker runs one pass of the same engine as the app's windows
// (the same Dexie database, the same tus client over `fetch`, the same outbox lock, so a window
// and this worker never send at once). It is a module worker built from the app's own chunks,
// so it adds no code a phone does not already hold; it controls no page (its scope, /sync-worker/,
// has none) and caches nothing: the app's Workbox worker keeps doing that.
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
 * well inside the 20 s stall watchdog, where the window's 256 KB would take 42 s.
 */
const WORKER_CHUNK_SIZE = 64 * 1024;

const engine = createSyncEngine({
  api: { fetch: (...args: Parameters<typeof fetch>) => fetch(...args), base: scope.location.origin },
  uploader: createTusUploader({ send: tus.fetchSend, chunkSize: WORKER_CHUNK_SIZE, tus }),
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
 * The event succeeds only once the outbox is empty, whoever sent it: a failed event keeps the
 * tag, and the browser fires it again later (Chrome: after 5 and 15 minutes, three tries in
 * all, each cut off after 3 minutes; the next pass of an open app registers it anew).
 */
async function sendOutbox(): Promise<void> {
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  // A window on screen has its own runner (with the progress a person watches): it sends, and
  // if the person closes it first, the retry finds no window and sends from here.
  const onScreen = windows.some((w) => w.visibilityState === 'visible' && isAppPage(w.url));
  // A hidden tab that holds the outbox makes this pass busy; the outbox still waits, so the
  // event fails and comes back, in case Android froze that tab mid-send.
  if (!onScreen) await engine.runOnce({ force: true });
  if (await engine.waiting()) throw new Error('the outbox still holds dossiers');
}
