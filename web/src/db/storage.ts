// The browser's storage for this app: asking that it is not evicted, how full it is, and
// recognising "the disk is full" however it reaches us (IndexedDB directly, or wrapped by Dexie).

export interface StorageInfo {
  usage: number;
  quota: number;
  /** Bytes still free for the app (the quota is the browser's ceiling, not the disk). */
  free: number;
  /** null: this browser cannot say. */
  persisted: boolean | null;
  low: boolean;
}

/** "Running out" before it happens: under 50 MB (a dozen originals) or a tenth of the quota. */
export const LOW_FREE_BYTES = 50 * 1024 * 1024;
export const LOW_FREE_SHARE = 0.1;

export function isLow(usage: number, quota: number): boolean {
  const free = Math.max(0, quota - usage);
  return free < LOW_FREE_BYTES || free < quota * LOW_FREE_SHARE;
}

type StorageLike = Pick<StorageManager, 'estimate'> & Partial<Pick<StorageManager, 'persist' | 'persisted'>>;

function storageManager(): StorageLike | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator.storage as StorageLike | undefined);
}

export async function readStorage(storage = storageManager()): Promise<StorageInfo | null> {
  if (!storage?.estimate) return null;
  try {
    const { usage = 0, quota = 0 } = await storage.estimate();
    if (!quota) return null;
    const persisted = storage.persisted ? await storage.persisted().catch(() => null) : null;
    return { usage, quota, free: Math.max(0, quota - usage), persisted, low: isLow(usage, quota) };
  } catch {
    return null;
  }
}

/**
 * Asks the browser not to evict the app's data under storage pressure. Chrome decides by itself
 * (installed, bookmarked or often used) without a prompt; Firefox may ask the person once.
 */
export async function askPersistence(storage = storageManager()): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

/**
 * Quota errors arrive as a DOMException named QuotaExceededError, or wrapped by Dexie (an
 * AbortError whose `inner` is the real cause), or as Firefox's legacy code 22 / 1014.
 */
export function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const err = cur as { name?: string; code?: number; inner?: unknown; failures?: unknown[] };
    if (err.name === 'QuotaExceededError' || err.name === 'NS_ERROR_DOM_QUOTA_REACHED' || err.code === 22 || err.code === 1014) return true;
    if (Array.isArray(err.failures) && err.failures.some(isQuotaError)) return true;
    cur = err.inner;
  }
  return false;
}
