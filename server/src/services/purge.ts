// Removing what the privacy notice promises to remove, in one function run as a job: the
// `purge` queue gets one job per period across every node (`Jobs.every`). Three things go:
// - upload parts never finished, 24 h after the upload began (tus expiration: the server also
//   announces `Upload-Expires` and refuses to continue an expired upload);
// - pages stored 24 h ago or more for a dossier id no dossier has. The phone keeps its copy until
//   it holds a receipt, so a dossier sent later still arrives: its PUT answers 422 "missing"
//   for the removed pages and the phone uploads them again (the usual path after a lost upload);
// - dossiers withdrawn before the commune accepted them, `withdrawnDays` after the withdrawal.
// A dossier the commune accepted is a legal record: it is kept (see `recordYears`), never purged.
import type { BlobStore } from '../blobs/blob-store.ts';
import { DEFAULT_RETENTION, type RetentionConfig } from '../config.ts';
import type { Jobs, QueueOptions } from '../jobs/index.ts';
import type { PurgeStore } from '../store/kysely-purge.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export { DEFAULT_RETENTION, type RetentionConfig };

declare module 'fastify' {
  interface FastifyInstance {
    /** The purge (tests run it with the clock moved forward). */
    purge: PurgeService;
  }
}

export interface PurgeReport {
  uploadParts: number;
  attachments: number;
  dossiers: number;
}

export class PurgeService {
  constructor(
    private readonly store: PurgeStore,
    private readonly blobs: BlobStore,
    /** The tus upload area (files or PostgreSQL): deletes parts begun before the cutoff. */
    private readonly uploads: { expireBefore(cutoff: Date): Promise<number> },
    private readonly now: () => Date,
    private readonly retention: RetentionConfig = DEFAULT_RETENTION,
  ) {}

  async run(): Promise<PurgeReport> {
    const now = this.now().getTime();
    const uploadCutoff = new Date(now - this.retention.uploadHours * HOUR);
    const uploadParts = await this.uploads.expireBefore(uploadCutoff);
    const orphanKeys = await this.store.deleteOrphanAttachments(uploadCutoff.toISOString());
    const withdrawn = await this.store.deleteWithdrawnUnaccepted(new Date(now - this.retention.withdrawnDays * DAY).toISOString());
    // Rows first, bytes after: a file without a row is harmless, a row without its file is not.
    for (const key of [...orphanKeys, ...withdrawn.keys]) await this.blobs.remove(key);
    return { uploadParts, attachments: orphanKeys.length, dossiers: withdrawn.dossiers };
  }
}

export const PURGE_JOB = 'purge';
/** A purge that failed is tried again within the period; one taken by a node that died, after 15 min. */
const PURGE_QUEUE: QueueOptions = { retryLimit: 3, retryDelayMs: 60_000, backoff: true, expireMs: 15 * 60_000 };

/** The purge (with the tus parts' expiry) as a job, once every `everyMs` across every node. */
export async function schedulePurge(jobs: Jobs, purge: PurgeService, everyMs: number, log: { info(o: object, m: string): void }): Promise<void> {
  await jobs.queue(PURGE_JOB, PURGE_QUEUE);
  await jobs.work(PURGE_JOB, async () => {
    log.info({ purge: await purge.run() }, 'purge done');
  });
  await jobs.every(PURGE_JOB, everyMs);
}
