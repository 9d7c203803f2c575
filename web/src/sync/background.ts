// Registers the outbox worker (outbox-worker.ts) and, while something waits in the outbox, the
// Background Sync tag that wakes it. It is a module service worker (Chrome 91+): where the browser
// cannot run one, or has no `SyncManager`, the runner's own wake-ups send the outbox while the app
// is open.
export const OUTBOX_SYNC_TAG = 'hsc-outbox';
declare const __OUTBOX_WORKER_VERSION__: string;
// The worker's address names the build of the window that installs it (vite.config.ts): a window
// of a new build replaces the worker, so the worker sends with the code of an app the person has
// opened, and never updates behind the back of an open window still on the older build.
const workerUrl = () => `/sync-worker.js?v=${__OUTBOX_WORKER_VERSION__}`;
// A scope no page lives under (see outbox-worker.ts).
const WORKER_SCOPE = '/sync-worker/';

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

let worker: Promise<SyncRegistration | undefined> | undefined;

// Only a build has the worker's file.
const hasBackgroundSync = () => import.meta.env.PROD && typeof navigator !== 'undefined' && 'serviceWorker' in navigator && 'SyncManager' in globalThis;

/** Installs the outbox worker (the runner asks once the app is cached, and at every registration). */
export function installOutboxWorker(): Promise<SyncRegistration | undefined> {
  if (!hasBackgroundSync()) return Promise.resolve(undefined);
  worker ??= navigator.serviceWorker
    .register(workerUrl(), { type: 'module', scope: WORKER_SCOPE })
    .then(activated)
    .catch(async () => {
      // Offline, or a browser without module service workers: asked again at the next
      // registration. Meanwhile a worker of an earlier build, if one is installed, still sends.
      worker = undefined;
      const earlier: SyncRegistration | undefined = await navigator.serviceWorker.getRegistration(WORKER_SCOPE);
      return earlier?.active ? earlier : undefined;
    });
  return worker;
}

/** A sync tag can only be registered once the registration has an active worker. */
function activated(reg: SyncRegistration): Promise<SyncRegistration> {
  if (reg.active) return Promise.resolve(reg);
  const next = reg.installing ?? reg.waiting;
  return new Promise((resolve, reject) => {
    next?.addEventListener('statechange', () => {
      if (next.state === 'activated') resolve(reg);
      else if (next.state === 'redundant') reject(new Error('outbox worker failed to install'));
    });
    if (!next) reject(new Error('outbox worker missing'));
  });
}

let pending: Promise<void> | null = null;

export function registerBackgroundSync(): void {
  if (pending || !hasBackgroundSync()) return;
  // Registering a tag that is already registered is a no-op for the browser; one at a time here.
  pending = installOutboxWorker()
    .then((reg) => reg?.sync?.register(OUTBOX_SYNC_TAG))
    .catch(() => undefined)
    .finally(() => {
      pending = null;
    });
}
