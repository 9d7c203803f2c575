// One sender at a time for the outbox, across tabs: Web Locks where the browser has them, a
// renewed lease in IndexedDB where it does not. A tab that finds the outbox taken does not wait
// in line behind it: it looks again later, in case the other tab has closed.
import { newId } from '../db/ids.ts';
import { releaseLease, tryLease } from '../db/leases.ts';

export type LockResult<T> = { held: true; value: T } | { held: false };
export type OutboxLock = <T>(fn: () => Promise<T>) => Promise<LockResult<T>>;

export const OUTBOX_LOCK = 'hsc-sync';

export function webLock(locks: Pick<LockManager, 'request'>, name = OUTBOX_LOCK): OutboxLock {
  // ifAvailable: a tab that finds the lock taken gets `null` at once instead of waiting.
  return async <T>(fn: () => Promise<T>) =>
    await locks.request(name, { ifAvailable: true }, async (lock): Promise<LockResult<T>> => (lock ? { held: true, value: await fn() } : { held: false }));
}

/** A killed tab stops renewing; another takes over after at most `ttlMs`. */
export const LEASE_TTL_MS = 30_000;

export function leaseLock({ name = OUTBOX_LOCK, owner = newId(), ttlMs = LEASE_TTL_MS, now = Date.now } = {}): OutboxLock {
  return async (fn) => {
    if (!(await tryLease(name, owner, ttlMs, now()))) return { held: false };
    // Long uploads on 2G outlast a lease: keep it fresh while the pass runs.
    const renew = setInterval(() => void tryLease(name, owner, ttlMs, now()).catch(() => undefined), ttlMs / 3);
    try {
      return { held: true, value: await fn() };
    } finally {
      clearInterval(renew);
      await releaseLease(name, owner).catch(() => undefined);
    }
  };
}

export function browserOutboxLock(): OutboxLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks?.request ? webLock(locks) : leaseLock();
}
