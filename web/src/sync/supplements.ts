// Sending answers to supplement requests: the same path as a first submission. Pages go first
// through tus (resume, stall watchdog), then `PUT /api/dossiers/:id/supplements/:requestId`,
// idempotent by the request's id: a lost answer sent again gets the same receipt. 422 uploads
// the named pages again; 409/400 set the answer aside with the reason in plain words.
import { listSupplementPages, markNotUploaded } from '../db/attachments.ts';
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
import { backoffDelay } from './backoff.ts';
import { Permanent, Transient } from './errors.ts';
import type { ProgressStore } from './progress.ts';

const MISSING_ROUNDS = 3;

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
    try {
      for (let round = 0; round < MISSING_ROUNDS; round++) {
        const pages = await listSupplementPages(queued.id);
        await deps.uploadPages({ id: dossier.id, attempts: queued.attempts }, pages);
        const totalBytes = pages.reduce((n, p) => n + p.size, 0);
        progress.set(dossier.id, { phase: 'submitting', file: pages.length, files: pages.length, filePercent: 100, sentBytes: totalBytes, totalBytes });
        const attachments = pages.map((a) => ({ id: a.id, slot: a.slot, fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256 }));
        const outcome = await putSupplement(api, dossier.id, queued.requestId, dossier.deviceSecret, { attachments });
        switch (outcome.kind) {
          case 'received':
            await markSupplementReceived(queued.id, outcome.receipt, now());
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
        await markSupplementAttention(queued.id, e.error, now());
        return 'attention';
      }
      const error = e instanceof Transient ? e.error : { code: 'network' as const, message: e instanceof Error ? e.message : String(e) };
      const attempts = queued.attempts + 1;
      await markSupplementRetry(queued.id, error, attempts, now() + backoffDelay(attempts, random), now());
      return 'retrying';
    } finally {
      progress.set(dossier.id, undefined);
    }
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
