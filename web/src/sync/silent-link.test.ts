// "Connected but passes no data": how long the outbox waits, what wakes it, and when the screens
// call a send silent. The figures the dead-link e2e test relies on are asserted here one by one.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier } from '../db/dossiers.ts';
import { BASE, createFakeServer } from '../test-utils/fake-server.ts';
import { queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { backoffDelay, SILENT_MAX_DELAY_MS } from './backoff.ts';
import { createSyncEngine, watchFetch, type PassReport, type SyncEngine } from './engine.ts';
import { isSilent, LinkStore, ProgressStore, SILENT_MS } from './progress.ts';
import { startSync } from './runner.ts';
import { STALL_MS } from './stall.ts';
import { UploadFailure } from './uploader.ts';

describe('the stall timing', () => {
  it('calls a send silent after 15 s without a byte moving, and gives an upload up after 20 s', () => {
    expect(SILENT_MS).toBe(15_000);
    expect(STALL_MS).toBe(20_000);
    let clock = 1_000_000;
    const store = new ProgressStore(() => clock);
    const at = (sentBytes: number) => ({ phase: 'uploading' as const, file: 1, files: 1, filePercent: 0, sentBytes, totalBytes: 100 });
    store.set('d', at(0));
    clock += 10_000;
    // The same bytes reported again are not movement.
    store.set('d', at(0));
    clock += SILENT_MS - 10_000 - 1;
    expect(isSilent(store.get('d')!, clock)).toBe(false);
    clock += 1;
    expect(isSilent(store.get('d')!, clock)).toBe(true);
    store.set('d', at(10));
    expect(isSilent(store.get('d')!, clock)).toBe(false);
  });

  it('caps the backoff at 5 s after a try with no answer while online, and only then', async () => {
    await resetDb();
    let clock = Date.UTC(2026, 10, 30, 2, 0);
    const server = createFakeServer();
    const link = new LinkStore();
    const engine = createSyncEngine({ api: { fetch: server.fetch, base: BASE }, uploader: server.uploader, now: () => clock, random: () => 0.5, isOnline: () => true, link });
    const d = await queuedDossier();
    server.behaviour.networkDown = 1_000;
    for (let i = 0; i < 10; i++) {
      await engine.runOnce({ force: true });
      const stored = await getDossier(d.id);
      expect(stored!.nextAttemptAt! - clock).toBeLessThanOrEqual(SILENT_MAX_DELAY_MS);
      clock += 60_000;
    }
    expect((await getDossier(d.id))?.attempts).toBe(10);
    expect(link.silent).toBe(true);
    // Without the cap the tenth try would have waited the full 5 minutes.
    expect(backoffDelay(10, () => 0.5)).toBe(5 * 60_000);
  });

  it('keeps the long backoff when the commune answered (busy: 503), the link is not silent', async () => {
    await resetDb();
    let clock = Date.UTC(2026, 10, 30, 2, 0);
    const link = new LinkStore();
    const engine = createSyncEngine({
      api: { fetch: createFakeServer().fetch, base: BASE },
      uploader: { upload: async () => Promise.reject(new UploadFailure('busy', 503)) },
      now: () => clock,
      random: () => 0.5,
      isOnline: () => true,
      link,
    });
    const d = await queuedDossier();
    for (let i = 0; i < 4; i++) {
      await engine.runOnce({ force: true });
      clock += 60_000;
    }
    const stored = await getDossier(d.id);
    expect(stored?.lastError?.code).toBe('server');
    expect(stored!.nextAttemptAt! - (clock - 60_000)).toBe(16_000);
    expect(link.silent).toBe(false);
  });
});

describe('waking on success', () => {
  it('an answer of any status after a silence marks the link alive; a failure while online, silent', async () => {
    const link = new LinkStore();
    const events: boolean[] = [];
    link.subscribe((alive) => events.push(alive));
    let fail = true;
    const f = watchFetch(async () => {
      if (fail) throw new TypeError('Failed to fetch');
      return new Response('', { status: 503 });
    }, link);
    await expect(f('http://x/')).rejects.toThrow();
    await expect(f('http://x/')).rejects.toThrow();
    fail = false;
    await f('http://x/');
    await f('http://x/');
    // One event per change, not per request.
    expect(events).toEqual([false, true]);
  });

  describe('the runner', () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    it('cancels the backoff timer and runs a pass at once when a request succeeds after a silence', async () => {
      const link = new LinkStore();
      const calls: { force: boolean; at: number }[] = [];
      const engine = {
        link,
        progress: new ProgressStore(),
        async runOnce({ force = false } = {}): Promise<PassReport> {
          calls.push({ force, at: Date.now() });
          // Something waits, due in 5 minutes (a long backoff from before the silence).
          return { sent: [], retrying: [], attention: [], offline: false, nextWakeAt: Date.now() + 5 * 60_000 };
        },
      } as unknown as SyncEngine;
      const stop = startSync(engine);
      await vi.advanceTimersByTimeAsync(0);
      expect(calls).toHaveLength(1);

      link.markSilent();
      await vi.advanceTimersByTimeAsync(10_000);
      expect(calls).toHaveLength(1);
      const t = Date.now();
      // A status read, a catalog delta or an upload chunk got through.
      link.markAlive();
      await vi.advanceTimersByTimeAsync(0);
      expect(calls).toHaveLength(2);
      expect(calls[1]).toEqual({ force: true, at: t });
      // The old 5-minute timer is gone: the next pass is the new one's, 5 minutes from the wake.
      await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
      expect(calls).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(1);
      expect(calls).toHaveLength(3);
      stop();
    });
  });
});
