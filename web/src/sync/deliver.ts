// One delivery, the same for a first submission and for an answer to a supplement request:
// pages first, then the PUT. 422 names pages the server lacks: they are uploaded again (a few
// rounds); 409, 400 and other refusals set the item aside with the reason for the person;
// anything else (network, 5xx, 429) keeps it queued with a backoff. The caller says where the
// pages come from, how to PUT, and how to record each ending.
import { markNotUploaded } from '../db/attachments.ts';
import type { AttachmentRecord, DossierError } from '../db/types.ts';
import type { PutOutcome } from './api.ts';
import { backoffDelay, silentBackoffDelay } from './backoff.ts';
import { Permanent, Transient } from './errors.ts';
import type { LinkStore, ProgressStore } from './progress.ts';

/** Rounds of "the server lacks a page, upload it again" within one try. */
const MISSING_ROUNDS = 3;

type Receipt = Extract<PutOutcome, { kind: 'received' }>['receipt'];

export interface Delivery {
  /** Whose progress the screens show: the dossier's id. */
  progressId: string;
  attempts: number;
  pages(): Promise<AttachmentRecord[]>;
  upload(pages: AttachmentRecord[]): Promise<void>;
  put(pages: AttachmentRecord[]): Promise<PutOutcome>;
  received(receipt: Receipt): Promise<unknown>;
  attention(error: DossierError): Promise<unknown>;
  retry(error: DossierError, attempts: number, nextAttemptAt: number): Promise<unknown>;
}

export interface DeliveryEnv {
  now: () => number;
  random: () => number;
  progress: ProgressStore;
  /** `navigator.onLine`; with `link`, a try that got no answer while "online" marks the link silent. */
  isOnline?: () => boolean;
  link?: LinkStore;
}

export async function deliver(job: Delivery, { now, random, progress, isOnline, link }: DeliveryEnv): Promise<'sent' | 'retrying' | 'attention'> {
  try {
    for (let round = 0; round < MISSING_ROUNDS; round++) {
      const pages = await job.pages();
      await job.upload(pages);
      const totalBytes = pages.reduce((n, p) => n + p.size, 0);
      progress.set(job.progressId, { phase: 'submitting', file: pages.length, files: pages.length, filePercent: 100, sentBytes: totalBytes, totalBytes });
      const outcome = await job.put(pages);
      switch (outcome.kind) {
        case 'received':
          await job.received(outcome.receipt);
          return 'sent';
        case 'missing':
          await markNotUploaded(outcome.ids);
          continue;
        case 'conflict':
          throw new Permanent({ code: 'conflict', message: outcome.message, differences: outcome.differences });
        case 'invalid':
          throw new Permanent({ code: 'invalid', message: outcome.message, fields: outcome.fields });
        case 'rejected':
        case 'login':
          throw new Permanent({ code: 'rejected', message: outcome.message });
        case 'retry':
          throw new Transient({ code: outcome.reason, message: outcome.message });
      }
    }
    throw new Transient({ code: 'server', message: 'pages still missing on the server after re-upload' });
  } catch (e) {
    if (e instanceof Permanent) {
      await job.attention(e.error);
      return 'attention';
    }
    const error = e instanceof Transient ? e.error : { code: 'network' as const, message: e instanceof Error ? e.message : String(e) };
    const attempts = job.attempts + 1;
    // Connected but silent: look again within seconds, not minutes (the runner also wakes the
    // outbox at the first answer of any request).
    const silent = error.code === 'network' && (isOnline?.() ?? true);
    if (silent) link?.markSilent();
    await job.retry(error, attempts, now() + (silent ? silentBackoffDelay(attempts, random) : backoffDelay(attempts, random)));
    return 'retrying';
  } finally {
    progress.set(job.progressId, undefined);
  }
}
