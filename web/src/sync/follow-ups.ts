// What a phone sends about a dossier the commune already holds: answers to supplement requests
// and photos of a fee's bank transfer. Each goes the way of a first submission: pages first
// through tus (resume, stall watchdog), then a PUT named by an id made on the device, so a lost
// answer sent again gets the same receipt. 422 uploads the named pages again; 409/400 set the
// item aside with the reason in plain words.
import { PAYMENT_PROOF_SLOT, type Receipt } from '@hsc/shared/schemas';
import { listSupplementPages } from '../db/attachments.ts';
import { getDossier } from '../db/dossiers.ts';
import {
  listPaymentProofsByState,
  markPaymentProofAttention,
  markPaymentProofReceived,
  markPaymentProofRetry,
  markPaymentProofSending,
  proofPage,
  requeueInterruptedPaymentProofs,
} from '../db/payment-proofs.ts';
import {
  listSupplementsByState,
  markSupplementAttention,
  markSupplementReceived,
  markSupplementRetry,
  markSupplementSending,
  requeueInterruptedSupplements,
} from '../db/supplements.ts';
import type { AttachmentRecord, DossierError, DossierRecord, PaymentProofRecord, SupplementRecord } from '../db/types.ts';
import { putPaymentProof, putSupplement, type ApiClient, type PutOutcome } from './api.ts';
import { deliver } from './deliver.ts';
import type { LinkStore, ProgressStore } from './progress.ts';

interface FollowUp {
  id: string;
  dossierId: string;
  attempts: number;
  nextAttemptAt?: number;
}

/** Where one kind of follow-up is kept, and how it is PUT. */
export interface FollowUpQueue<T extends FollowUp> {
  queued(): Promise<T[]>;
  requeueInterrupted(now: number): Promise<void>;
  markSending(id: string, now: number): Promise<boolean>;
  pages(item: T): Promise<AttachmentRecord[]>;
  put(api: ApiClient, dossier: DossierRecord, item: T, pages: AttachmentRecord[]): Promise<PutOutcome>;
  received(id: string, receipt: Receipt, now: number): Promise<unknown>;
  attention(id: string, error: DossierError, now: number): Promise<unknown>;
  retry(id: string, error: DossierError, attempts: number, at: number, now: number): Promise<unknown>;
}

const ref = (a: AttachmentRecord) => ({ id: a.id, slot: a.slot, fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256 });

export const supplementQueue: FollowUpQueue<SupplementRecord> = {
  queued: () => listSupplementsByState('queued'),
  requeueInterrupted: requeueInterruptedSupplements,
  markSending: markSupplementSending,
  pages: (s) => listSupplementPages(s.id),
  put: (api, d, s, pages) => putSupplement(api, d.id, s.requestId, d.deviceSecret, { attachments: pages.map(ref) }),
  received: markSupplementReceived,
  attention: markSupplementAttention,
  retry: markSupplementRetry,
};

export const paymentProofQueue: FollowUpQueue<PaymentProofRecord> = {
  queued: () => listPaymentProofsByState('queued'),
  requeueInterrupted: requeueInterruptedPaymentProofs,
  markSending: markPaymentProofSending,
  pages: proofPage,
  put: (api, d, p, [page]) => putPaymentProof(api, d.id, p.id, d.deviceSecret, { attachment: { ...ref(page!), slot: PAYMENT_PROOF_SLOT } }),
  received: markPaymentProofReceived,
  attention: markPaymentProofAttention,
  retry: markPaymentProofRetry,
};

export interface FollowUpSenderDeps {
  api: ApiClient;
  now: () => number;
  random: () => number;
  progress: ProgressStore;
  isOnline?: () => boolean;
  link?: LinkStore;
  uploadPages: (d: Pick<DossierRecord, 'id' | 'attempts'>, pages: AttachmentRecord[]) => Promise<void>;
}

export function createFollowUpSender<T extends FollowUp>(queue: FollowUpQueue<T>, deps: FollowUpSenderDeps) {
  const { api, now, random, progress, isOnline, link } = deps;

  async function sendOne(item: T): Promise<'sent' | 'retrying' | 'attention' | 'gone'> {
    const dossier = await getDossier(item.dossierId);
    if (!dossier || !(await queue.markSending(item.id, now()))) return 'gone';
    return deliver(
      {
        progressId: dossier.id,
        attempts: item.attempts,
        pages: () => queue.pages(item),
        upload: (pages) => deps.uploadPages({ id: dossier.id, attempts: item.attempts }, pages),
        put: (pages) => queue.put(api, dossier, item, pages),
        received: (receipt) => queue.received(item.id, receipt, now()),
        attention: (error) => queue.attention(item.id, error, now()),
        retry: (error, attempts, at) => queue.retry(item.id, error, attempts, at, now()),
      },
      { now, random, progress, isOnline, link },
    );
  }

  return {
    queued: () => queue.queued(),
    requeueInterrupted: () => queue.requeueInterrupted(now()),
    async sendDue(force: boolean, report: { sent: string[]; retrying: string[]; attention: string[] }): Promise<void> {
      const queued = (await queue.queued()).sort((a, b) => a.attempts - b.attempts);
      for (const item of queued) {
        if (!force && item.nextAttemptAt && item.nextAttemptAt > now()) continue;
        const result = await sendOne(item);
        if (result === 'sent') report.sent.push(item.id);
        else if (result === 'retrying') report.retrying.push(item.id);
        else if (result === 'attention') report.attention.push(item.id);
      }
    },
  };
}
