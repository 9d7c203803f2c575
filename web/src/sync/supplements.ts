// Sending answers to supplement requests: the same path as a first submission. Pages go first
// through tus (resume, stall watchdog), then `PUT /api/dossiers/:id/supplements/:requestId`,
// idempotent by the request's id: a lost answer sent again gets the same receipt. 422 uploads
// the named pages again; 409/400 set the answer aside with the reason in plain words.
import { listSupplementPages } from '../db/attachments.ts';
import { getDossier } from '../db/dossiers.ts';
import {
  listSupplementsByState,
  markSupplementAttention,
  markSupplementReceived,
  markSupplementRetry,
  markSupplementSending,
  requeueInterruptedSupplements,
} from '../db/supplements.ts';
import type { AttachmentRecord, DossierRecord, SupplementRecord } from '../db/types.ts';
import { putSupplement, type ApiClient } from './api.ts';
import { deliver } from './deliver.ts';
import type { ProgressStore } from './progress.ts';

export interface SupplementSenderDeps {
  api: ApiClient;
  now: () => number;
  random: () => number;
  progress: ProgressStore;
  uploadPages: (d: Pick<DossierRecord, 'id' | 'attempts'>, pages: AttachmentRecord[]) => Promise<void>;
}

export function createSupplementSender(deps: SupplementSenderDeps) {
  const { api, now, random, progress } = deps;

  async function sendOne(queued: SupplementRecord): Promise<'sent' | 'retrying' | 'attention' | 'gone'> {
    const dossier = await getDossier(queued.dossierId);
    if (!dossier || !(await markSupplementSending(queued.id, now()))) return 'gone';
    return deliver(
      {
        progressId: dossier.id,
        attempts: queued.attempts,
        pages: () => listSupplementPages(queued.id),
        upload: (pages) => deps.uploadPages({ id: dossier.id, attempts: queued.attempts }, pages),
        put: (pages) => {
          const attachments = pages.map((a) => ({ id: a.id, slot: a.slot, fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256 }));
          return putSupplement(api, dossier.id, queued.requestId, dossier.deviceSecret, { attachments });
        },
        received: (receipt) => markSupplementReceived(queued.id, receipt, now()),
        attention: (error) => markSupplementAttention(queued.id, error, now()),
        retry: (error, attempts, at) => markSupplementRetry(queued.id, error, attempts, at, now()),
      },
      { now, random, progress },
    );
  }

  return {
    queued: () => listSupplementsByState('queued'),
    requeueInterrupted: () => requeueInterruptedSupplements(now()),
    async sendDue(force: boolean, report: { sent: string[]; retrying: string[]; attention: string[] }): Promise<void> {
      const queued = (await listSupplementsByState('queued')).sort((a, b) => a.attempts - b.attempts);
      for (const s of queued) {
        if (!force && s.nextAttemptAt && s.nextAttemptAt > now()) continue;
        const result = await sendOne(s);
        if (result === 'sent') report.sent.push(s.id);
        else if (result === 'retrying') report.retrying.push(s.id);
        else if (result === 'attention') report.attention.push(s.id);
      }
    },
  };
}
