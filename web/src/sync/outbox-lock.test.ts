// Two tabs are two engines on one database. The outbox lock (Web Locks in the browser, stubbed
// here; the IndexedDB lease where there are none) lets only one of them send.
import { beforeEach, describe, expect, it, vi, afterEach } from 'vitest';
import { listAttachments } from '../db/attachments.ts';
import { getDossier } from '../db/dossiers.ts';
import { tryLease } from '../db/leases.ts';
import { BASE, createFakeServer } from '../test-utils/fake-server.ts';
import { queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { createSyncEngine, IDLE_RECHECK_MS } from './engine.ts';
import { leaseLock, LEASE_TTL_MS, webLock, type OutboxLock } from './lock.ts';
import type { Uploader } from './uploader.ts';

let server: ReturnType<typeof createFakeServer>;
beforeEach(async () => {
  await resetDb();
  server = createFakeServer();
});
afterEach(() => vi.useRealTimers());

function deferred() {
  let open!: () => void;
  const promise = new Promise<void>((r) => (open = r));
  return { promise, open };
}

/** What navigator.locks does for one name with `ifAvailable`, shared by every "tab". */
function lockStub(): Pick<LockManager, 'request'> {
  let held = false;
  const request = async (_name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => {
    if (held) return callback(null);
    held = true;
    try {
      return await callback({ name: 'hsc-sync', mode: 'exclusive' } as Lock);
    } finally {
      held = false;
    }
  };
  return { request } as unknown as Pick<LockManager, 'request'>;
}

function tab(lock: OutboxLock, uploader: Uploader = server.uploader) {
  return createSyncEngine({ api: { fetch: server.fetch, base: BASE }, uploader, lock, random: () => 0.5 });
}

describe('two tabs', () => {
  it('never send at once: the second finds the outbox taken, touches nothing, and looks again later', async () => {
    const d = await queuedDossier();
    const gate = deferred();
    const started = deferred();
    // Tab A's first upload hangs (a slow 2G link) until the test lets it go.
    const slow: Uploader = {
      async upload(job) {
        started.open();
        await gate.promise;
        return server.uploader.upload(job);
      },
    };
    const locks = lockStub();
    const a = tab(webLock(locks), slow);
    const b = tab(webLock(locks));

    const passA = a.runOnce({ force: true });
    await started.promise;
    expect((await getDossier(d.id))?.state).toBe('sending');

    const before = Date.now();
    const reportB = await b.runOnce({ force: true });
    expect(reportB.busy).toBe(true);
    expect(reportB.sent).toEqual([]);
    expect(reportB.nextWakeAt).toBeGreaterThanOrEqual(before + IDLE_RECHECK_MS);
    // B did not take A's dossier back into the queue nor upload anything.
    expect((await getDossier(d.id))?.state).toBe('sending');
    expect(server.uploadCalls).toHaveLength(0);

    gate.open();
    expect((await passA).sent).toEqual([d.id]);
    expect(server.dossiers.size).toBe(1);
    expect(server.uploadCalls).toHaveLength(2);

    // Once A is done, B may send; there is nothing left to send twice.
    const again = await b.runOnce({ force: true });
    expect(again.busy).toBeUndefined();
    expect(again.sent).toEqual([]);
    expect(server.uploadCalls).toHaveLength(2);
  });

  it('without Web Locks share the outbox through a lease in IndexedDB', async () => {
    const d = await queuedDossier();
    const gate = deferred();
    const started = deferred();
    const slow: Uploader = {
      async upload(job) {
        started.open();
        await gate.promise;
        return server.uploader.upload(job);
      },
    };
    const a = tab(leaseLock({ owner: 'tab-a' }), slow);
    const b = tab(leaseLock({ owner: 'tab-b' }));

    const passA = a.runOnce({ force: true });
    await started.promise;
    expect((await b.runOnce({ force: true })).busy).toBe(true);
    gate.open();
    expect((await passA).sent).toEqual([d.id]);
    // Released at the end of A's pass: B gets the outbox at once.
    expect((await b.runOnce({ force: true })).busy).toBeUndefined();
    expect(server.dossiers.size).toBe(1);
    expect((await listAttachments(d.id)).every((p) => p.uploaded)).toBe(true);
  });

  it('take over the lease of a tab that was killed once it runs out', async () => {
    const t0 = 1_000_000;
    expect(await tryLease('hsc-sync', 'killed-tab', LEASE_TTL_MS, t0)).toBe(true);
    expect(await tryLease('hsc-sync', 'tab-b', LEASE_TTL_MS, t0 + LEASE_TTL_MS - 1)).toBe(false);
    expect(await tryLease('hsc-sync', 'tab-b', LEASE_TTL_MS, t0 + LEASE_TTL_MS + 1)).toBe(true);
    // The owner renewing its own lease is never refused.
    expect(await tryLease('hsc-sync', 'tab-b', LEASE_TTL_MS, t0 + LEASE_TTL_MS + 2)).toBe(true);
  });

  it('keep the lease fresh during a pass longer than the lease', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let clock = 0;
    const gate = deferred();
    const a = leaseLock({ owner: 'tab-a', now: () => clock });
    const b = leaseLock({ owner: 'tab-b', now: () => clock });
    const pass = a(() => gate.promise);
    await vi.waitFor(async () => expect(await b(async () => 'b')).toEqual({ held: false }));
    // Two and a half leases later A is still working (renewing every third of a lease).
    for (let i = 0; i < 7; i++) {
      clock += LEASE_TTL_MS / 3;
      vi.advanceTimersByTime(LEASE_TTL_MS / 3);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(await b(async () => 'b')).toEqual({ held: false });
    gate.open();
    expect(await pass).toEqual({ held: true, value: undefined });
    expect(await b(async () => 'b')).toEqual({ held: true, value: 'b' });
  });
});
