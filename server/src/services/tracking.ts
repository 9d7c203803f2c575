// Reading a dossier's state: by the sending device (its secret) or by anyone holding the code
// and the lookup code. Every failure looks the same from outside, and comparisons take the
// same time whether the code exists or not, so neither answers nor timing help a guesser.
import { DossierDecision, normalizeLookupCode, SupplementItem, type DossierStatusResponse, type PaymentInfo, type SignedDecision, type TrackResponse } from '@hsc/shared';
import { z } from 'zod';
import type { DossierRecord, Store } from '../store/store.ts';
import { constantTimeEqual, sha256Hex } from './canonical.ts';
import { paymentInfo } from './payees.ts';
import { readReceipt } from './submission.ts';

/** Compared against when the code is unknown, so that path costs the same as a wrong guess. */
const DECOY = 'decoy-lookup-code';

/** The officer's actions a person is told of as a decision, by audit action name. */
const DECISION_OF: Record<string, DossierDecision['kind']> = {
  accept: 'accepted',
  request_supplement: 'supplement',
  refuse: 'refused',
  reschedule: 'rescheduled',
  stop: 'stopped',
  request_payment: 'payment',
  finish: 'result',
};
/** The steps after which the last decision is no longer news: it was answered, paid or withdrawn. */
const ANSWERS = new Set(['supplement_submitted', 'payment_received', 'withdraw', 'start_processing']);

export class TrackingService {
  constructor(private readonly store: Store) {}

  /** The dossier, if `secret` is the one its device made. */
  async deviceDossier(id: string, secret: string | undefined): Promise<DossierRecord | undefined> {
    const dossier = await this.store.getDossier(id);
    const ok = constantTimeEqual(dossier?.secretHash ?? DECOY, sha256Hex(secret ?? ''));
    return dossier && ok && secret !== undefined ? dossier : undefined;
  }

  async forDevice(id: string, secret: string | undefined): Promise<DossierStatusResponse | undefined> {
    const dossier = await this.deviceDossier(id, secret);
    return dossier && this.deviceStatus(dossier);
  }

  /** What the sending device syncs: progress, the open supplement request, the result. */
  async deviceStatus(dossier: DossierRecord): Promise<DossierStatusResponse> {
    const out: DossierStatusResponse = { receipt: readReceipt(dossier), ...(await this.progress(dossier)) };
    if (dossier.status === 'supplement_requested') {
      const open = (await this.store.desk.supplements(dossier.id)).filter((s) => !s.answeredAt).at(-1);
      if (open) out.supplement = { id: open.id, requestedAt: open.requestedAt, items: z.array(SupplementItem).parse(JSON.parse(open.items)) };
    }
    if ((dossier.status === 'processed' || dossier.status === 'returned') && dossier.resultId) {
      const r = await this.store.desk.result(dossier.resultId);
      if (r) out.result = { fileName: r.fileName, mediaType: r.mediaType, size: r.size, sha256: r.sha256 };
    }
    const decisions = await this.decisions(dossier.id);
    if (decisions.length) out.decisions = decisions;
    const payment = paymentInfo(dossier.payment);
    if (payment) out.payment = payment;
    const decision = await this.decision(dossier);
    if (decision) out.decision = decision;
    return out;
  }

  /**
   * The latest decision on the dossier, from the audit log (which keeps each action's reasons,
   * items and dates as given); gone once the person answered it or withdrew.
   */
  async decision(d: DossierRecord): Promise<DossierDecision | undefined> {
    let latest: DossierDecision | undefined;
    for (const e of await this.store.audit.list({ dossierId: d.id, limit: 10_000 })) {
      if (ANSWERS.has(e.action)) latest = undefined;
      const kind = DECISION_OF[e.action];
      if (!kind) continue;
      const x = (e.details ?? {}) as { reasons?: unknown; items?: unknown; reason?: unknown; previousDueAt?: unknown; dueAt?: unknown };
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      latest = DossierDecision.parse({
        kind,
        at: e.at,
        ...(kind === 'refused' ? { reasons: x.reasons } : {}),
        ...(kind === 'supplement' ? { items: x.items } : {}),
        ...(kind === 'rescheduled' || kind === 'stopped' ? { reason: str(x.reason) } : {}),
        ...(kind === 'rescheduled' ? { previousDueAt: str(x.previousDueAt), newDueAt: str(x.dueAt) } : {}),
        ...(kind === 'accepted' ? { dueAt: str(x.dueAt) ?? d.dueAt } : {}),
      });
    }
    // A result stays news only while it waits to be collected.
    if (latest?.kind === 'result' && d.status !== 'processed') return undefined;
    return latest;
  }

  /** The dossier's signed forms, exactly as stored (never re-signed); unsigned ones are left out. */
  private async decisions(dossierId: string): Promise<SignedDecision[]> {
    const out: SignedDecision[] = [];
    for (const f of await this.store.desk.forms(dossierId)) {
      const body = JSON.parse(f.body) as { signed?: unknown; signature?: unknown; kid?: unknown };
      if (typeof body.signed !== 'string' || typeof body.signature !== 'string' || typeof body.kid !== 'string') continue;
      out.push({ formId: f.id, kind: f.kind, issuedAt: f.issuedAt, signed: body.signed, signature: body.signature, kid: body.kid });
    }
    return out;
  }

  async byCode(code: string, lookup: string): Promise<(TrackResponse & { decision?: DossierDecision; payment?: PaymentInfo }) | undefined> {
    const dossier = await this.store.getDossierByCode(code.trim());
    const ok = constantTimeEqual(dossier?.lookupCode ?? DECOY, normalizeLookupCode(lookup));
    if (!dossier || !ok) return undefined;
    const decision = await this.decision(dossier);
    const payment = paymentInfo(dossier.payment);
    return { code: dossier.code, ...(await this.progress(dossier)), ...(decision ? { decision } : {}), ...(payment ? { payment } : {}) };
  }

  private async progress(d: DossierRecord) {
    return { status: d.status, dueAt: d.dueAt, timeline: await this.store.timeline(d.id) };
  }
}
