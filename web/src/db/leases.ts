// A lease in IndexedDB: "this tab holds the outbox until `expiresAt`". Only for browsers without
// Web Locks (Safari before 15.4); the holder renews it while it works, and a tab that was killed
// simply lets it run out, so the next tab takes over within one lease.
import { db } from './db.ts';

export async function tryLease(name: string, owner: string, ttlMs: number, now = Date.now()): Promise<boolean> {
  return db.transaction('rw', db.leases, async () => {
    const current = await db.leases.get(name);
    if (current && current.owner !== owner && current.expiresAt > now) return false;
    await db.leases.put({ name, owner, expiresAt: now + ttlMs });
    return true;
  });
}

export async function releaseLease(name: string, owner: string): Promise<void> {
  await db.transaction('rw', db.leases, async () => {
    const current = await db.leases.get(name);
    if (current?.owner === owner) await db.leases.delete(name);
  });
}
