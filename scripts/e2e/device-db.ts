// Reading the app's IndexedDB from inside the page, to check what the device really keeps
// (wiped walk-ins, downloaded results) rather than what a screen shows.
import type { Page } from 'playwright-core';

/** Every record of one object store of the app's database, Blobs as byte arrays. */
export function readStore(page: Page, store: string): Promise<Record<string, unknown>[]> {
  return page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('ho-so-cong');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const rows = await new Promise<Record<string, unknown>[]>((resolve, reject) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
      r.onerror = () => reject(r.error);
    });
    db.close();
    for (const row of rows) {
      for (const [k, v] of Object.entries(row)) if (v instanceof Blob) row[k] = Array.from(new Uint8Array(await v.arrayBuffer()));
    }
    return rows;
  }, store);
}

/**
 * The engine asks a dossier's status at most every 30 s; a test that does not want to wait
 * makes the last check look old, as if that time had passed, then the app's next pass asks.
 */
export function ageStatusCheck(page: Page, dossierId: string): Promise<void> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('ho-so-cong');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('dossiers', 'readwrite');
      const store = tx.objectStore('dossiers');
      const get = store.get(id);
      get.onsuccess = () => {
        const d = get.result as { statusCheckedAt?: number } | undefined;
        if (d) store.put({ ...d, statusCheckedAt: 1 });
      };
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, dossierId);
}
