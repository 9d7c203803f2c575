// A queue nothing can jam: one dossier that keeps failing neither goes first nor hangs the rest.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDossier } from '../db/dossiers.ts';
import { db } from '../db/db.ts';
import { BASE, createFakeServer } from '../test-utils/fake-server.ts';
import { queuedDossier, resetDb } from '../test-utils/fixtures.ts';
import { createSyncEngine } from './engine.ts';
import { STALL_MS, stallWatch } from './stall.ts';

let server: ReturnType<typeof createFakeServer>;
beforeEach(async () => {
  await resetDb();
  server = createFakeServer();
});
afterEach(() => vi.useRealTimers());

const engine = (clock = () => Date.UTC(2026, 10, 26, 2)) =>
  createSyncEngine({ api: { fetch: server.fetch, base: BASE }, uploader: server.uploader, now: clock, random: () => 0.5 });

describe('the outbox', () => {
  it('sends dossiers that have not failed before one that keeps failing', async () => {
    const failing = await queuedDossier('Người A');
    const fresh = await queuedDossier('Người B');
    await db.dossiers.update(failing.id, { attempts: 4, lastError: { code: 'network', message: 'down' } });

    await engine().runOnce({ force: true });

    expect(server.uploadCalls[0]?.metadata.dossierId).toBe(fresh.id);
    expect((await getDossier(fresh.id))?.state).toBe('received');
    expect((await getDossier(failing.id))?.state).toBe('received');
  });

  it('sets aside a dossier whose pages the server refuses again and again, with the reason, and sends the next', async () => {
    const refused = await queuedDossier('Người A');
    const fine = await queuedDossier('Người B');
    let clock = Date.UTC(2026, 10, 26, 2);
    const refusing = {
      async upload(job: Parameters<typeof server.uploader.upload>[0]) {
        if (job.metadata.dossierId === refused.id) {
          const { UploadFailure } = await import('./uploader.ts');
          throw new UploadFailure('checksum mismatch', 460);
        }
        return server.uploader.upload(job);
      },
    };
    const e = createSyncEngine({ api: { fetch: server.fetch, base: BASE }, uploader: refusing, now: () => clock, random: () => 0.5 });
    for (let i = 0; i < 5; i++) {
      await e.runOnce({ force: true });
      clock += 10 * 60_000;
    }
    const aside = await getDossier(refused.id);
    expect(aside?.state).toBe('attention');
    expect(aside?.lastError?.code).toBe('uploadRejected');
    expect((await getDossier(fine.id))?.state).toBe('received');
  });
});

describe('an upload that stops moving', () => {
  it('is given up after the stall time unless progress keeps arriving', () => {
    vi.useFakeTimers();
    const onStall = vi.fn();
    const watch = stallWatch(onStall);
    vi.advanceTimersByTime(STALL_MS - 1);
    watch.poke(); // a chunk went through
    vi.advanceTimersByTime(STALL_MS - 1);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);

    const quiet = vi.fn();
    const done = stallWatch(quiet);
    done.stop();
    vi.advanceTimersByTime(STALL_MS * 2);
    expect(quiet).not.toHaveBeenCalled();
  });
});
