// What a browser gives the app and Node does not: IndexedDB (fake-indexeddb, kept in memory).
// Imported before anything from web/ because Dexie looks for `indexedDB` when it loads. Node 20's
// own Blob, File and Web Crypto are already global and are what fake-indexeddb can clone.
import 'fake-indexeddb/auto';

if (typeof Blob === 'undefined' || typeof crypto?.subtle?.digest !== 'function') {
  throw new Error('the headless device needs Node 20 or later (global Blob and crypto.subtle)');
}
