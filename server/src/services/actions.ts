// What the desk does: lifecycle actions (through the shared state machine, applied in one
// transaction with the timeline, the audit entry and the Mẫu form) and the result upload.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  decisionNote,
  FORM_OF_ACTION,
  FormDocument,
  RESULT_MEDIA_TYPES,
  supplementRestriction,
  transition,
  vnLocal,
  type DeskDossier,
  type DossierSubmission,
  type LifecycleAction,
  type LifecycleError,
  type StaffActionName,
  type StaffActionRequest,
} from '@hsc/shared';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { DossierChange, DossierRecord, Store } from '../store/store.ts';
import { staffAudit, stateOf, visibleDossier, type Viewer } from './access.ts';
import type { CalendarService } from './calendar.ts';
import type { DeskService } from './desk.ts';
import { buildForm, currentFields, formCounter, type FormPayload } from './forms.ts';
import { holderRefusal } from './handover.ts';
import type { ReceiptSigner } from './signing.ts';
import { nextPayment, paidNote } from './payees.ts';
import { storeUploadedFile } from './stored-file.ts';

export type ActOutcome =
  | { kind: 'ok'; dossier: DeskDossier; form?: FormDocument }
  | { kind: 'not_found' }
  | { kind: 'refused'; error: LifecycleError }
  | { kind: 'action_id_conflict' };

export type UploadOutcome =
  | { kind: 'ok'; resultId: string; sha256: string; size: number }
  | { kind: 'not_found' }
  | { kind: 'refused'; error: LifecycleError }
  | { kind: 'too_large' }
  | { kind: 'unsupported_media_type' };

/** A decision's timeline entry carries its reasons, items or reason, so every reader of the timeline sees why. */
function noteOf(action: Parameters<typeof decisionNote>[0]): { note?: string } {
  const note = decisionNote(action);
  return note ? { note } : {};
}

/** The first bytes of each accepted result type: the declared type must match the file. */
/** A lost race (another officer acted first) is computed again from the new state, a few times. */
const ATTEMPTS = 3;

export class ActionService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly calendar: CalendarService,
    private readonly desk: DeskService,
    private readonly tmpDir: string,
    private readonly now: () => Date,
    private readonly signer?: ReceiptSigner,
    /** What an action also writes in its transaction (the Web Push job), if anything. */
    private readonly inTransaction?: (action: StaffActionName, dossierId: string) => ((tx: unknown) => Promise<void>) | undefined,
  ) {}

  async act(v: Viewer, id: string, req: StaffActionRequest): Promise<ActOutcome> {
    const { actionId, ...action } = req;
    if (!(await visibleDossier(this.store, v, id))) return { kind: 'not_found' };
    // A repeated action id is answered as before whoever holds the dossier now.
    const prior = actionId ? await this.repeat(v, id, actionId, action.action) : undefined;
    if (prior) return prior;
    const notHolder = await holderRefusal(this.store, v, id);
    if (notHolder) return { kind: 'refused', error: notHolder };
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (actionId) {
        const prior = await this.repeat(v, id, actionId, action.action);
        if (prior) return prior;
      }
      const d = await this.store.getDossier(id);
      if (!d) return { kind: 'not_found' };
      const step = await this.step(v, d, action, actionId);
      if (step.kind !== 'change') return step;
      const also = this.inTransaction?.(action.action, id);
      const applied = await this.store.desk.apply(also ? { ...step.change, alsoInTransaction: also } : step.change);
      if (applied.ok) {
        const view = await this.desk.view(applied.dossier, v, await this.calendar.current());
        return { kind: 'ok', dossier: view, ...(applied.form ? { form: FormDocument.parse(JSON.parse(applied.form.body)) } : {}) };
      }
      // 'stale' or 'duplicate_action': read again; a duplicate is answered by repeat() above.
    }
    return { kind: 'refused', error: 'invalid_transition' };
  }

  /** The answer to an action id already used: the same action again, or a conflict. */
  private async repeat(v: Viewer, id: string, actionId: string, action: string): Promise<ActOutcome | undefined> {
    const prior = await this.store.audit.byActionId(actionId);
    if (!prior) return undefined;
    if (prior.dossierId !== id || prior.action !== action || prior.staffId !== v.id) return { kind: 'action_id_conflict' };
    const d = await this.store.getDossier(id);
    if (!d) return { kind: 'not_found' };
    const formId = (prior.details as { formId?: string } | null)?.formId;
    const form = formId ? await this.store.desk.form(formId) : undefined;
    const view = await this.desk.view(d, v, await this.calendar.current());
    return { kind: 'ok', dossier: view, ...(form ? { form: FormDocument.parse(JSON.parse(form.body)) } : {}) };
  }

  private async step(
    v: Viewer,
    d: DossierRecord,
    action: Exclude<LifecycleAction, { action: 'withdraw' | 'supplement_submitted' }>,
    actionId: string | undefined,
  ): Promise<{ kind: 'change'; change: DossierChange } | { kind: 'refused'; error: LifecycleError } | { kind: 'not_found' }> {
    const now = this.now();
    const cal = await this.calendar.current();
    const [procedure, unit] = await Promise.all([this.store.catalog.getVersion(d.procedureCode, d.procedureVersion), this.store.getUnit(d.unitCode)]);
    if (!procedure || !unit) throw new Error(`dossier ${d.id} refers to a missing procedure or unit`);
    const supplements = await this.store.desk.supplements(d.id);
    const state = stateOf(d, supplements.length);
    const result = transition(state, action, { actor: v.role, now, calendar: cal, processingDays: procedure.processingDays });
    if (!result.ok) return { kind: 'refused', error: result.error };
    const next = result.state;
    // A leader's reason counts (and is kept) only when the request breaks the rule it overrides.
    const overridden = action.action === 'request_supplement' && action.overrideReason ? supplementRestriction(state, now, cal) : null;
    const { overrideReason, ...logged } = action as typeof action & { overrideReason?: string };
    const override = overridden && overrideReason ? { overrideReason, overrides: overridden } : {};

    if (action.action === 'finish') {
      const r = await this.store.desk.result(action.resultId);
      if (!r || r.dossierId !== d.id) return { kind: 'refused', error: 'result_required' };
    }

    const at = now.toISOString();
    const formKind = FORM_OF_ACTION[action.action];
    const formId = formKind ? randomUUID() : undefined;
    const supplementId = action.action === 'request_supplement' ? randomUUID() : undefined;
    let payload: FormPayload | undefined;
    switch (action.action) {
      case 'accept':
        payload = {
          kind: '01',
          documents: await this.store.desk.documents(d.id),
          fields: currentFields(JSON.parse(d.body) as DossierSubmission, supplements),
          dueAt: next.dueAt,
        };
        break;
      case 'request_supplement':
        payload = { kind: '02', supplementId: supplementId!, items: action.items };
        break;
      case 'refuse':
        payload = { kind: '03', reasons: action.reasons };
        break;
      case 'reschedule':
        payload = { kind: '04', previousDueAt: d.dueAt, newDueAt: next.dueAt, reason: action.reason };
        break;
    }
    // The officer's desk phone goes on the form, so the citizen knows whom to call about it.
    const phone = formKind ? (await this.store.staff.byId(v.id))?.phone : null;
    const officer = { id: v.id, name: v.displayName, ...(phone ? { phone } : {}) };
    const change: DossierChange = {
      dossierId: d.id,
      expected: { status: d.status, dueAt: d.dueAt, rescheduled: d.rescheduled },
      set: {
        status: next.status,
        dueAt: next.dueAt,
        clockFrom: next.clockFrom,
        rescheduled: next.rescheduled,
        resultId: next.resultId,
        finishedAt: action.action === 'finish' ? at : d.finishedAt,
        payment: nextPayment(action, d, action.action === 'request_payment' ? await this.store.payees.get(d.unitCode) : undefined, v.id, at),
      },
      timeline: { at, ...noteOf(action) },
      audit: {
        ...staffAudit(v, now, {
          action: action.action,
          dossierId: d.id,
          fromStatus: d.status,
          toStatus: next.status,
          details: { ...logged, ...override, ...(formId ? { formId } : {}), ...(next.dueAt !== d.dueAt ? { previousDueAt: d.dueAt, dueAt: next.dueAt } : {}) },
        }),
        actionId: actionId ?? null,
      },
    };
    if (action.action === 'payment_received' && change.set.payment) change.timeline.note = paidNote(change.set.payment);
    if (payload && formId) {
      const p = payload;
      const unitNames = p.kind === '01' ? new Map((await this.store.listUnits()).map((u) => [u.code, u.name])) : undefined;
      change.form = {
        id: formId,
        kind: p.kind,
        counter: formCounter(p.kind, unit.code),
        year: vnLocal(now).date.slice(0, 4),
        issuedAt: at,
        staffId: v.id,
        build: (number) => buildForm({ id: formId, issuedAt: at, dossier: { ...d, dueAt: next.dueAt }, unit, procedure, officer, signer: this.signer, unitName: (c) => unitNames?.get(c) }, number, p),
      };
    }
    if (action.action === 'request_supplement' && supplementId && formId) {
      const seq = supplements.length + 1;
      change.newSupplement = {
        id: supplementId,
        dossierId: d.id,
        seq,
        requestedAt: at,
        requestedBy: v.id,
        items: JSON.stringify(action.items),
        formId,
        answeredAt: null,
        fields: null,
        bodyHash: null,
        body: null,
        receipt: null,
        overrideReason: overridden && overrideReason ? overrideReason : null,
      };
    }
    return { kind: 'change', change };
  }

  /** Stores a result document, only while the dossier is being processed. */
  async uploadResult(v: Viewer, id: string, body: Readable, mediaType: string, fileName: string, maxBytes: number): Promise<UploadOutcome> {
    const d = await visibleDossier(this.store, v, id);
    if (!d) return { kind: 'not_found' };
    if (d.status !== 'processing') return { kind: 'refused', error: 'invalid_transition' };
    const notHolder = await holderRefusal(this.store, v, id);
    if (notHolder) return { kind: 'refused', error: notHolder };
    const stored = await storeUploadedFile(this.blobs, this.tmpDir, body, mediaType, { maxBytes, accepted: RESULT_MEDIA_TYPES });
    if (stored.kind !== 'ok') return stored;
    const { id: resultId, sha256, size, path } = stored;
    const at = this.now();
    await this.store.desk.putResult({ id: resultId, dossierId: d.id, fileName, mediaType, size, sha256, path, uploadedAt: at.toISOString(), staffId: v.id });
    await this.store.audit.append(staffAudit(v, at, { action: 'result_uploaded', dossierId: d.id, details: { resultId, sha256, size, fileName } }));
    return { kind: 'ok', resultId, sha256, size };
  }
}
