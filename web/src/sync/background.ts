// Background Sync (Chrome, Edge, Samsung Internet on Android; not Firefox or Safari): a tag
// registered while something waits in the outbox makes the browser fire `sync` in the service
// worker as soon as it sees a working network, even with the app's tab closed. The worker
// (public/sync-sw.js) then tells an open window to run a pass, or opens none and asks the
// browser to fire again later (see web/README.md, Outbox rules). Where `SyncManager` is missing,
// this does nothing: the runner's own wake-ups are unchanged.
export const OUTBOX_SYNC_TAG = 'hsc-outbox';

interface SyncRegistration extends ServiceWorkerRegistration {
  sync?: { register(tag: string): Promise<void> };
}

let pending: Promise<void> | null = null;

export function registerBackgroundSync(): void {
  if (pending || typeof navigator === 'undefined' || !('serviceWorker' in navigator) || !('SyncManager' in globalThis)) return;
  // Registering a tag that is already registered is a no-op for the browser; one at a time here.
  pending = navigator.serviceWorker.ready
    .then((reg: SyncRegistration) => reg.sync?.register(OUTBOX_SYNC_TAG))
    .catch(() => undefined)
    .finally(() => {
      pending = null;
    });
}
