// Background Sync in the service worker (imported by the generated sw.js through Workbox's
// importScripts, like push-sw.js). The app registers the tag 'hsc-outbox' while its outbox holds
// something; the browser fires `sync` when it sees a working network. The outbox code (Dexie,
// zod, tus over XHR) is the app's and runs in a window: the worker tells every window of the app,
// visible or in the background, to run a pass now. It keeps the event open for a while so the
// browser does not put the worker (and a backgrounded tab's network) to sleep at once.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'hsc-outbox') return;
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const ours = windows.filter((w) => new URL(w.url).origin === self.location.origin);
      for (const w of ours) w.postMessage({ type: 'hsc-sync' });
      if (!ours.length) return undefined;
      return new Promise((resolve) => setTimeout(resolve, 20000));
    }),
  );
});
