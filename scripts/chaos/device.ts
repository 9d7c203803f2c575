// A phone without a screen: the app's own Dexie rooms, outbox engine and tus uploader, run in
// Node. Dossiers are made the way the form makes them (draft, field by field, pages with their
// SHA-256 at capture, Send), and the engine is run pass after pass as the runner would run it,
// except that the clock jumps to each backoff wake-up instead of waiting for it.
import './device-env.ts';
import { sha256Hex } from '../../web/src/capture/hash.ts';
import { addAttachment, listAttachments } from '../../web/src/db/attachments.ts';
import { db } from '../../web/src/db/db.ts';
import { createDraft, patchDraft, queueDossier, type DraftPath } from '../../web/src/db/dossiers.ts';
import type { DossierRecord } from '../../web/src/db/types.ts';
import { createSyncEngine, type SyncEngine } from '../../web/src/sync/engine.ts';
import { createTusUploader, RETRY_DELAYS } from '../../web/src/sync/uploader.ts';
import { makeDossier, type Random } from './content.ts';
import { DeviceNet } from './net.ts';

export interface Made {
  dossiers: number;
  attachments: number;
  bytes: number;
}

export interface RunStats {
  /** Every dossier holds a receipt or was set aside: nothing is waiting any more. */
  settled: boolean;
  passes: number;
  /** Tries of one dossier that failed and were scheduled again (engine backoff). */
  retries: number;
  attention: string[];
}

export interface DevicePage {
  id: string;
  slot: string;
  size: number;
  /** Recomputed from the stored Blob now, not the value kept at capture. */
  sha256: string;
}

export interface DeviceDossier {
  id: string;
  state: DossierRecord['state'];
  receipt?: DossierRecord['receipt'];
  lastError?: DossierRecord['lastError'];
  pages: DevicePage[];
}

/** The app's database is a singleton: one headless device per process, emptied between runs. */
export async function wipeDevice(): Promise<void> {
  await Promise.all(db.tables.map((t) => t.clear()));
}

export class HeadlessDevice {
  readonly net = new DeviceNet();
  readonly engine: SyncEngine;
  /** How far the compressed clock is ahead of the real one. */
  private skew = 0;
  readonly now = () => Date.now() + this.skew;

  /**
   * `timeScale` shortens the tus uploader's in-upload retry delays (real waits of 1 s and 3 s) the
   * way the compressed clock shortens the engine's backoff: 1 keeps the app's own pacing.
   */
  constructor(base: string, random: Random, timeScale = 1) {
    this.engine = createSyncEngine({
      api: { fetch: this.net.fetch, base },
      uploader: createTusUploader({
        send: this.net.send,
        retryDelays: RETRY_DELAYS.map((ms) => Math.round(ms * timeScale)),
      }),
      now: this.now,
      random,
    });
  }

  /** N dossiers, each written as the form writes it and then sent (queued). */
  async createDossiers(n: number, rand: Random): Promise<Made> {
    const made: Made = { dossiers: 0, attachments: 0, bytes: 0 };
    for (let i = 0; i < n; i++) {
      const spec = makeDossier(rand);
      const d = await createDraft(spec.procedureCode, this.now());
      await patchDraft(d.id, spec.patch as Partial<Record<DraftPath, string>>, this.now());
      for (const p of spec.pages) {
        const blob = new Blob([p.bytes], { type: p.mediaType });
        const sha256 = await sha256Hex(blob);
        await addAttachment({ dossierId: d.id, slot: p.slot, fileName: p.fileName, mediaType: p.mediaType, size: blob.size, sha256, blob }, this.now());
        made.attachments++;
        made.bytes += blob.size;
      }
      await queueDossier(d.id, this.now());
      made.dossiers++;
    }
    return made;
  }

  /**
   * Passes until nothing waits (every dossier received or set aside) or `deadline` (a
   * Date.now() value) passes. The first pass is the app opening (`force`); the others are the
   * backoff timer's, which sends only what is due.
   */
  async run(deadline: number): Promise<RunStats> {
    const stats: RunStats = { settled: false, passes: 0, retries: 0, attention: [] };
    let force = true;
    while (Date.now() < deadline) {
      const report = await this.engine.runOnce({ force });
      force = false;
      stats.passes++;
      stats.retries += report.retrying.length;
      stats.attention.push(...report.attention);
      if (report.nextWakeAt === undefined) {
        stats.settled = true;
        break;
      }
      // The compressed clock: the timer would fire at nextWakeAt, so it is nextWakeAt now.
      this.skew += Math.max(0, report.nextWakeAt - this.now());
      await new Promise((r) => setImmediate(r));
    }
    return stats;
  }

  /** Everything the phone holds, with each page's SHA-256 taken from its Blob afresh. */
  async snapshot(): Promise<DeviceDossier[]> {
    const out: DeviceDossier[] = [];
    for (const d of await db.dossiers.toArray()) {
      const pages: DevicePage[] = [];
      for (const a of await listAttachments(d.id)) pages.push({ id: a.id, slot: a.slot, size: a.blob.size, sha256: await sha256Hex(a.blob) });
      out.push({ id: d.id, state: d.state, receipt: d.receipt, lastError: d.lastError, pages });
    }
    return out;
  }
}
