// The citizen's side of the desk's lifecycle, authorised by the device secret: answering a
// supplement request (with the same guarantees as the first submission: idempotent by the
// request's id, refused while any page is not stored intact, every earlier page kept), the
// withdrawal, and the download of the result.
import {
  Receipt,
  SupplementItem,
  transition,
  validateDossier,
  vnLocal,
  type AttachmentRef,
  type DossierStatusResponse,
  type DossierSubmission,
  type LifecycleError,
  type PaymentProofSubmission,
  type Problem,
  type SupplementSubmission,
} from '@hsc/shared';
import { z } from 'zod';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { DossierRecord, Store, SupplementRecord } from '../store/store.ts';
import { stateOf } from './access.ts';
import type { AttachmentService } from './attachments.ts';
import type { CalendarService } from './calendar.ts';
import { sha256Hex } from './canonical.ts';
import { canonicalize } from '@hsc/shared/canonical';
import type { FileOut } from './desk.ts';
import { bodyOf } from './desk.ts';
import { currentDocuments } from './forms.ts';
import { withSignature, type ReceiptSigner } from './signing.ts';
import type { RequestMeta } from './staff.ts';
import type { TrackingService } from './tracking.ts';

export type ResubmitOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'repeated'; receipt: Receipt }
  | { kind: 'not_found' }
  | { kind: 'conflict'; differences: string[] }
  | { kind: 'invalid'; problems: Problem[] }
  | { kind: 'attachments_missing'; missing: string[]; corrupt: string[] }
  | { kind: 'refused'; error: LifecycleError };

export type PaymentProofOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'repeated'; receipt: Receipt }
  | { kind: 'not_found' }
  | { kind: 'conflict'; differences: string[] }
  | { kind: 'attachments_missing'; missing: string[]; corrupt: string[] }
  | { kind: 'refused'; error: LifecycleError };

export type WithdrawOutcome = { kind: 'ok'; status: DossierStatusResponse } | { kind: 'not_found' } | { kind: 'refused'; error: LifecycleError };

function supplementDifferences(before: SupplementSubmission, after: SupplementSubmission): string[] {
  const out: string[] = [];
  const a = before.fields ?? {};
  const b = after.fields ?? {};
  for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) if (a[k] !== b[k]) out.push(`fields.${k}`);
  if (canonicalize(before.attachments) !== canonicalize(after.attachments)) out.push('attachments');
  return out.length > 0 ? out : ['body'];
}

/**
 * What the request asked for must come back: a page for every slot it names, and something
 * (a page or a corrected field) in any case.
 */
function asked(s: SupplementRecord, body: SupplementSubmission): Problem[] {
  const items = z.array(SupplementItem).parse(JSON.parse(s.items));
  const sent = new Set(body.attachments.map((a) => a.slot));
  const problems: Problem[] = [...new Set(items.flatMap((i) => (i.slot && !sent.has(i.slot) ? [i.slot] : [])))].map((slot) => ({
    path: `documents.${slot}`,
    code: 'missingDocument',
  }));
  if (problems.length === 0 && body.attachments.length === 0 && Object.keys(body.fields ?? {}).length === 0) problems.push({ path: 'attachments', code: 'required' });
  return problems;
}

/**
 * The signed receipt of pages received after the first submission (a supplement's, a transfer
 * photo's). Parsing fixes the key order, so the stored text is what every later read serves.
 */
function laterReceipt(
  d: DossierRecord,
  r: Pick<Receipt, 'status' | 'receivedAt' | 'dueAt' | 'supplementId' | 'paymentProofId'>,
  pages: readonly AttachmentRef[],
  signer: ReceiptSigner | undefined,
): Receipt {
  const unsigned = Receipt.parse({
    dossierId: d.id,
    code: d.code,
    lookupCode: d.lookupCode,
    unitCode: d.unitCode,
    procedureCode: d.procedureCode,
    ...r,
    documents: pages.map((a) => ({ attachmentId: a.id, slot: a.slot, sha256: a.sha256, size: a.size })),
  });
  return Receipt.parse(withSignature(unsigned, signer));
}

export class CitizenService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly attachments: AttachmentService,
    private readonly calendar: CalendarService,
    private readonly tracking: TrackingService,
    private readonly now: () => Date,
    private readonly signer?: ReceiptSigner,
  ) {}

  async resubmit(id: string, supplementId: string, body: SupplementSubmission, secret: string | undefined, meta: RequestMeta): Promise<ResubmitOutcome> {
    const d = await this.tracking.deviceDossier(id, secret);
    const s = d && (await this.store.desk.supplement(supplementId));
    if (!d || !s || s.dossierId !== d.id) return { kind: 'not_found' };
    const bodyJson = canonicalize(body);
    const bodyHash = sha256Hex(bodyJson);
    if (s.answeredAt) return this.compare(s, body, bodyHash);
    if (d.status !== 'supplement_requested') return { kind: 'refused', error: 'invalid_transition' };

    const at = this.now();
    const procedure = await this.store.catalog.getVersion(d.procedureCode, d.procedureVersion);
    if (!procedure) throw new Error(`dossier ${d.id} refers to a missing procedure`);
    const problems = [...asked(s, body), ...(await this.check(d, body, procedure, vnLocal(at).date))];
    if (problems.length > 0) return { kind: 'invalid', problems };
    const audit = await this.attachments.audit(id, body.attachments);
    if (audit.missing.length > 0 || audit.corrupt.length > 0) return { kind: 'attachments_missing', ...audit };

    const cal = await this.calendar.current();
    const result = transition(stateOf(d, s.seq), { action: 'supplement_submitted' }, { actor: 'citizen', now: at, calendar: cal, processingDays: procedure.processingDays });
    if (!result.ok) return { kind: 'refused', error: result.error };
    const next = result.state;
    const receipt = laterReceipt(d, { status: next.status, receivedAt: at.toISOString(), dueAt: next.dueAt, supplementId: s.id }, body.attachments, this.signer);
    const receiptText = JSON.stringify(receipt);
    const applied = await this.store.desk.apply({
      dossierId: d.id,
      expected: { status: d.status, dueAt: d.dueAt, rescheduled: d.rescheduled },
      set: { status: next.status, dueAt: next.dueAt, clockFrom: next.clockFrom, rescheduled: next.rescheduled, resultId: next.resultId, finishedAt: d.finishedAt, payment: d.payment },
      timeline: { at: at.toISOString() },
      audit: {
        at: at.toISOString(),
        actorKind: 'citizen',
        dossierId: d.id,
        action: 'supplement_submitted',
        fromStatus: d.status,
        toStatus: next.status,
        ip: meta.ip,
        userAgent: meta.userAgent,
        details: { supplementId: s.id, attachments: body.attachments.map((a) => a.id), fields: Object.keys(body.fields ?? {}), previousDueAt: d.dueAt, dueAt: next.dueAt },
      },
      answerSupplement: { id: s.id, answeredAt: at.toISOString(), fields: body.fields ? JSON.stringify(body.fields) : null, bodyHash, body: bodyJson, receipt: receiptText },
      newDocuments: body.attachments.map((a, position) => ({ attachmentId: a.id, slot: a.slot, version: s.seq + 1, supplementId: s.id, position })),
    });
    if (applied.ok) return { kind: 'created', receipt };
    // Another request answered it first: answer as for a resend.
    const now = await this.store.desk.supplement(s.id);
    return now?.answeredAt ? this.compare(now, body, bodyHash) : { kind: 'refused', error: 'invalid_transition' };
  }

  private compare(s: SupplementRecord, body: SupplementSubmission, bodyHash: string): ResubmitOutcome {
    if (s.bodyHash === bodyHash && s.receipt) return { kind: 'repeated', receipt: Receipt.parse(JSON.parse(s.receipt)) };
    return { kind: 'conflict', differences: supplementDifferences(JSON.parse(s.body ?? '{"attachments":[]}') as SupplementSubmission, body) };
  }

  /** The dossier as it would stand with the supplement, validated like a first submission. */
  private async check(d: DossierRecord, body: SupplementSubmission, procedure: Parameters<typeof validateDossier>[0], today: string): Promise<Problem[]> {
    const original = bodyOf(d);
    const docs = await this.store.desk.documents(d.id);
    const problems: Problem[] = [];
    const held = new Set(docs.map((x) => x.attachment.id));
    for (const a of body.attachments) if (held.has(a.id)) problems.push({ path: `documents.${a.slot}`, code: 'duplicateAttachment' });
    const fields = { ...original.fields };
    for (const prior of await this.store.desk.supplements(d.id)) if (prior.fields) Object.assign(fields, JSON.parse(prior.fields) as Record<string, string>);
    Object.assign(fields, body.fields ?? {});
    const replaced = new Set(body.attachments.map((a) => a.slot));
    const kept: AttachmentRef[] = currentDocuments(docs)
      .filter((x) => !replaced.has(x.slot))
      .map((x) => ({ id: x.attachment.id, slot: x.slot, fileName: x.attachment.fileName, mediaType: x.attachment.mediaType, size: x.attachment.size, sha256: x.attachment.sha256 }));
    const merged: DossierSubmission = { ...original, fields, attachments: [...kept, ...body.attachments] };
    return [...problems, ...validateDossier(procedure, merged, today, { channel: d.channel })];
  }

  /**
   * A photo of the bank transfer for the requested fee. It changes no status (the officer marks
   * the fee paid after checking the account); it gets a signed receipt like any page sent, and
   * is idempotent by the proof's id. Accepted while a fee exists, paid or not: a phone offline
   * for days may send it after the officer already saw the money arrive.
   */
  async sendPaymentProof(id: string, proofId: string, body: PaymentProofSubmission, secret: string | undefined, meta: RequestMeta): Promise<PaymentProofOutcome> {
    const d = await this.tracking.deviceDossier(id, secret);
    if (!d) return { kind: 'not_found' };
    const bodyHash = sha256Hex(canonicalize(body));
    const prior = await this.store.paymentProofs.get(proofId);
    if (prior) return this.compareProof(prior, d.id, bodyHash);
    if (!d.payment) return { kind: 'refused', error: 'invalid_transition' };
    const audit = await this.attachments.audit(id, [body.attachment]);
    if (audit.missing.length > 0 || audit.corrupt.length > 0) return { kind: 'attachments_missing', ...audit };

    const at = this.now().toISOString();
    const a = body.attachment;
    const receipt = laterReceipt(d, { status: d.status, receivedAt: at, dueAt: d.dueAt, paymentProofId: proofId }, [a], this.signer);
    const stored = await this.store.paymentProofs.add({ id: proofId, dossierId: d.id, attachmentId: a.id, bodyHash, receipt: JSON.stringify(receipt), receivedAt: at });
    if (stored.receipt !== JSON.stringify(receipt)) return this.compareProof(stored, d.id, bodyHash); // another request stored it first
    await this.store.audit.append({ at, actorKind: 'citizen', dossierId: d.id, action: 'payment_proof_sent', ip: meta.ip, userAgent: meta.userAgent, details: { proofId, attachmentId: a.id } });
    return { kind: 'created', receipt };
  }

  private compareProof(p: { dossierId: string; bodyHash: string; receipt: string }, dossierId: string, bodyHash: string): PaymentProofOutcome {
    if (p.dossierId !== dossierId) return { kind: 'not_found' };
    if (p.bodyHash === bodyHash) return { kind: 'repeated', receipt: Receipt.parse(JSON.parse(p.receipt)) };
    return { kind: 'conflict', differences: ['attachment'] };
  }

  async withdraw(id: string, secret: string | undefined, meta: RequestMeta): Promise<WithdrawOutcome> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const d = await this.tracking.deviceDossier(id, secret);
      if (!d) return { kind: 'not_found' };
      if (d.status === 'withdrawn') return { kind: 'ok', status: await this.tracking.deviceStatus(d) };
      const at = this.now();
      const procedure = await this.store.catalog.getVersion(d.procedureCode, d.procedureVersion);
      const supplements = (await this.store.desk.supplements(d.id)).length;
      const result = transition(stateOf(d, supplements), { action: 'withdraw' }, { actor: 'citizen', now: at, calendar: await this.calendar.current(), processingDays: procedure?.processingDays ?? 0 });
      if (!result.ok) return { kind: 'refused', error: result.error };
      const applied = await this.store.desk.apply({
        dossierId: d.id,
        expected: { status: d.status, dueAt: d.dueAt, rescheduled: d.rescheduled },
        set: { status: 'withdrawn', dueAt: d.dueAt, clockFrom: d.clockFrom, rescheduled: d.rescheduled, resultId: d.resultId, finishedAt: d.finishedAt, payment: d.payment },
        timeline: { at: at.toISOString() },
        audit: { at: at.toISOString(), actorKind: 'citizen', dossierId: d.id, action: 'withdraw', fromStatus: d.status, toStatus: 'withdrawn', ip: meta.ip, userAgent: meta.userAgent },
      });
      if (applied.ok) return { kind: 'ok', status: await this.tracking.deviceStatus(applied.dossier) };
    }
    return { kind: 'refused', error: 'invalid_transition' };
  }

  async result(id: string, secret: string | undefined, meta: RequestMeta): Promise<FileOut | undefined> {
    const d = await this.tracking.deviceDossier(id, secret);
    if (!d || !d.resultId || (d.status !== 'processed' && d.status !== 'returned')) return undefined;
    const r = await this.store.desk.result(d.resultId);
    if (!r) return undefined;
    await this.store.audit.append({ at: this.now().toISOString(), actorKind: 'citizen', dossierId: d.id, action: 'read_result', ip: meta.ip, userAgent: meta.userAgent, details: { resultId: r.id } });
    return { fileName: r.fileName, mediaType: r.mediaType, size: r.size, stream: this.blobs.read(r.path) };
  }
}
