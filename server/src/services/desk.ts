// What the desk reads: the queue (search, badges), a dossier with its documents re-verified
// byte for byte, its files, forms and result. Every read of personal data is written to the
// audit log (who accessed what, Decree 13/2023).
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  availableActions,
  supplementDeadline,
  supplementRestriction,
  badgeFor,
  DossierStatus,
  Receipt,
  SupplementItem,
  type DeskDossier,
  type DossierListItem,
  type DossierListQuery,
  type DossierListResponse,
  type QueueSummary,
  type QueueSummaryQuery,
  type FieldValues,
  type DossierSubmission,
  type WorkCalendar,
} from '@hsc/shared';
import { deskQuery } from '@hsc/shared/desk-search';
import type { DailySummary, DailyView } from '@hsc/shared/staff-admin';
import { z } from 'zod';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { AttachmentRecord, DossierRecord, ListedDossier, ResultRecord, Store } from '../store/store.ts';
import { staffAudit, stateOf, unitScope, visibleDossier, type Viewer } from './access.ts';
import { sha256Of } from './attachments.ts';
import type { CalendarService } from './calendar.ts';
import { dailyDates, viewFilter } from './daily.ts';
import { currentDocuments, currentFields } from './forms.ts';
import { handoverView } from './handover.ts';

export interface FileOut {
  fileName: string;
  mediaType: string;
  size: number;
  stream: Readable;
}

const Cursor = z.tuple([z.string(), z.string(), z.number().int()]);
const encodeCursor = (d: ListedDossier) => Buffer.from(JSON.stringify([d.dueAt, d.id, d.rank])).toString('base64url');
function decodeCursor(cursor: string | undefined): { rank: number; dueAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [dueAt, id, rank] = Cursor.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { rank, dueAt, id };
  } catch {
    return undefined; // a damaged cursor starts from the top rather than failing
  }
}

export const bodyOf = (d: DossierRecord) => JSON.parse(d.body) as DossierSubmission;

export class DeskService {
  constructor(
    private readonly store: Store,
    private readonly blobs: BlobStore,
    private readonly calendar: CalendarService,
    private readonly now: () => Date,
  ) {}

  async list(v: Viewer, q: DossierListQuery): Promise<DossierListResponse | 'forbidden'> {
    const units = unitScope(v, q.unit);
    if (units === 'forbidden') return 'forbidden';
    const statuses = q.status?.split(',') as DossierStatus[] | undefined;
    const cal = await this.calendar.current();
    const now = this.now();
    // A daily view brings its own statuses; a status asked for as well narrows them.
    const view = q.view ? viewFilter(q.view, now, cal) : {};
    const narrowed = view.statuses && statuses ? view.statuses.filter((s) => statuses.includes(s)) : (statuses ?? view.statuses);
    const rows = await this.store.desk.list({
      units,
      ...view,
      statuses: narrowed,
      ...deskQuery(q.q),
      limit: q.limit + 1,
      after: decodeCursor(q.cursor),
      ...(q.holder === 'me' ? { holder: v.id } : {}),
    });
    const page = rows.slice(0, q.limit);
    // Who holds each (null: the receiving desk), so the queue can say it.
    const holders = await this.store.handovers.holders(page.map((d) => d.id));
    const holderNames = new Map<string, string>();
    for (const staffId of new Set(holders.values())) holderNames.set(staffId, (await this.store.staff.byId(staffId))?.displayName ?? staffId);
    const items = page.map((d): DossierListItem => {
      const body = bodyOf(d);
      return {
        id: d.id,
        code: d.code,
        status: d.status,
        channel: d.channel,
        procedureCode: d.procedureCode,
        unitCode: d.unitCode,
        applicantName: body.applicant.fullName,
        phone: body.applicant.phone,
        ...(body.applicant.noPhone ? { noPhone: true as const } : {}),
        receivedAt: d.receivedAt,
        dueAt: d.dueAt,
        badge: badgeFor(d.status, d.dueAt, now, cal),
        holder: holders.has(d.id) ? { id: holders.get(d.id)!, name: holderNames.get(holders.get(d.id)!)! } : null,
      };
    });
    await this.store.audit.append(
      staffAudit(v, now, { action: 'list_dossiers', details: { status: q.status ?? null, q: q.q ?? null, unit: q.unit ?? null, ...(q.view ? { view: q.view } : {}), ids: items.map((i) => i.id) } }),
    );
    const last = page.at(-1);
    return { items, ...(rows.length > q.limit && last ? { nextCursor: encodeCursor(last) } : {}) };
  }

  /**
   * The leader's day for their unit: each figure counts what the queue's `view` of the same name
   * lists. Not audited: counts, no personal data.
   */
  async daily(v: Viewer): Promise<DailySummary | 'forbidden'> {
    const units = unitScope(v, undefined);
    if (units === 'forbidden' || !v.unitCode) return 'forbidden';
    const cal = await this.calendar.current();
    const now = this.now();
    // A commune's open dossiers are hundreds at most; the cap only keeps a runaway bounded.
    const count = async (view: DailyView) => (await this.store.desk.list({ units, ...viewFilter(view, now, cal), words: [], limit: 10_000 })).length;
    return {
      unitCode: v.unitCode,
      ...dailyDates(now, cal),
      receivedToday: await count('received_today'),
      dueTomorrow: await count('due_next'),
      overdue: await count('overdue'),
      waitingCitizen: await count('waiting'),
    };
  }

  /** What a console polls; not audited (no personal data: counts per status). */
  async summary(v: Viewer, q: QueueSummaryQuery): Promise<QueueSummary | 'forbidden'> {
    const units = unitScope(v, q.unit);
    if (units === 'forbidden') return 'forbidden';
    const [s, handed] = await Promise.all([this.store.desk.queueSummary(units), this.store.handovers.mark(units)]);
    // A handover moves no status and adds no timeline step, but changes who holds what ("Của tôi").
    const version = createHash('sha256').update(JSON.stringify([s.steps, s.lastStepAt, Object.entries(s.counts).sort(), handed.count, handed.last])).digest('base64url').slice(0, 16);
    return { version, counts: Object.fromEntries(DossierStatus.options.map((x) => [x, s.counts[x] ?? 0])) as QueueSummary['counts'] };
  }

  async detail(v: Viewer, id: string): Promise<DeskDossier | undefined> {
    const d = await visibleDossier(this.store, v, id);
    if (!d) return undefined;
    await this.store.audit.append(staffAudit(v, this.now(), { action: 'read_dossier', dossierId: d.id }));
    return this.view(d, v, await this.calendar.current());
  }

  /** The dossier as the desk sees it, for this viewer. */
  async view(d: DossierRecord, v: Viewer, cal: WorkCalendar): Promise<DeskDossier> {
    const body = bodyOf(d);
    const [procedure, unit, docs, supplements, forms, timeline] = await Promise.all([
      this.store.catalog.getVersion(d.procedureCode, d.procedureVersion),
      this.store.getUnit(d.unitCode),
      this.store.desk.documents(d.id),
      this.store.desk.supplements(d.id),
      this.store.desk.forms(d.id),
      this.store.timeline(d.id),
    ]);
    const current = new Set(currentDocuments(docs).map((x) => x.attachment.id));
    const attachments = [];
    for (const doc of docs) {
      const a = doc.attachment;
      attachments.push({
        id: a.id,
        slot: doc.slot,
        fileName: a.fileName,
        mediaType: a.mediaType,
        size: a.size,
        sha256: a.sha256,
        version: doc.version,
        supplementId: doc.supplementId,
        current: current.has(a.id),
        verified: await this.intact(a),
      });
    }
    const fields = currentFields(body, supplements);
    const staffNames = new Map<string, string>();
    const nameOf = async (staffId: string) => {
      if (!staffNames.has(staffId)) staffNames.set(staffId, (await this.store.staff.byId(staffId))?.displayName ?? staffId);
      return staffNames.get(staffId)!;
    };
    const result = d.resultId ? await this.store.desk.result(d.resultId) : undefined;
    const { mayAct, ...handover } = await handoverView(this.store, d, v, cal);
    const paymentProofs = [];
    for (const p of await this.store.paymentProofs.list(d.id)) {
      const a = await this.store.getAttachment(p.attachmentId);
      if (a) paymentProofs.push({ id: p.id, receivedAt: p.receivedAt, attachment: { id: a.id, fileName: a.fileName, mediaType: a.mediaType, size: a.size, sha256: a.sha256, verified: await this.intact(a) } });
    }
    return {
      id: d.id,
      code: d.code,
      lookupCode: d.lookupCode,
      status: d.status,
      channel: d.channel,
      procedureCode: d.procedureCode,
      procedureVersion: d.procedureVersion,
      procedureName: procedure?.name.vi ?? d.procedureCode,
      unitCode: d.unitCode,
      unitName: unit?.name ?? d.unitCode,
      receivedAt: d.receivedAt,
      clockFrom: d.clockFrom,
      dueAt: d.dueAt,
      badge: badgeFor(d.status, d.dueAt, this.now(), cal),
      rescheduled: d.rescheduled,
      payment: d.payment ? (JSON.parse(d.payment) as { amount: number; note?: string }) : null,
      paymentProofs,
      applicant: body.applicant,
      fields,
      attachments,
      supplements: await Promise.all(
        supplements.map(async (s) => ({
          id: s.id,
          requestedAt: s.requestedAt,
          requestedBy: await nameOf(s.requestedBy),
          items: z.array(SupplementItem).parse(JSON.parse(s.items)),
          formId: s.formId,
          answeredAt: s.answeredAt,
          ...(s.fields ? { fields: JSON.parse(s.fields) as FieldValues } : {}),
          ...(s.receipt ? { receipt: Receipt.parse(JSON.parse(s.receipt)) } : {}),
          ...(s.overrideReason ? { overrideReason: s.overrideReason } : {}),
        })),
      ),
      forms: forms.map((f) => ({ id: f.id, kind: f.kind, number: f.number, issuedAt: f.issuedAt })),
      timeline,
      result: result
        ? { id: result.id, fileName: result.fileName, mediaType: result.mediaType, size: result.size, sha256: result.sha256, uploadedAt: result.uploadedAt, verified: await this.intact(result) }
        : null,
      // Only the holder acts on a handed-over dossier; the others read it.
      actions: mayAct ? availableActions(stateOf(d, supplements.length), v.role) : [],
      supplementRule: {
        until: supplementDeadline(d.clockFrom, cal),
        restriction: supplementRestriction(stateOf(d, supplements.length), this.now(), cal),
      },
      handover,
    };
  }

  /** The stored bytes hashed again now: the "bytes verified" mark. */
  private async intact(a: Pick<AttachmentRecord, 'path' | 'size' | 'sha256'>): Promise<boolean> {
    if ((await this.blobs.size(a.path)) !== a.size) return false;
    try {
      return (await sha256Of(this.blobs.read(a.path))) === a.sha256;
    } catch {
      return false;
    }
  }

  async file(v: Viewer, id: string, attachmentId: string): Promise<FileOut | undefined> {
    const d = await visibleDossier(this.store, v, id);
    if (!d) return undefined;
    // A page of the dossier, or a transfer photo sent for its fee.
    const a =
      (await this.store.desk.documents(d.id)).find((x) => x.attachment.id === attachmentId)?.attachment ??
      ((await this.store.paymentProofs.list(d.id)).some((p) => p.attachmentId === attachmentId) ? await this.store.getAttachment(attachmentId) : undefined);
    if (!a || (await this.blobs.size(a.path)) === undefined) return undefined;
    await this.store.audit.append(staffAudit(v, this.now(), { action: 'read_file', dossierId: d.id, details: { attachmentId } }));
    return { fileName: a.fileName, mediaType: a.mediaType, size: a.size, stream: this.blobs.read(a.path) };
  }

  async resultFile(v: Viewer, id: string, resultId: string): Promise<FileOut | undefined> {
    const d = await visibleDossier(this.store, v, id);
    const r = d && (await this.store.desk.result(resultId));
    if (!d || !r || r.dossierId !== d.id) return undefined;
    await this.store.audit.append(staffAudit(v, this.now(), { action: 'read_result', dossierId: d.id, details: { resultId } }));
    return this.resultOut(r);
  }

  resultOut(r: ResultRecord): FileOut {
    return { fileName: r.fileName, mediaType: r.mediaType, size: r.size, stream: this.blobs.read(r.path) };
  }

  /** The stored form text, exactly as issued. */
  async form(v: Viewer, formId: string): Promise<string | undefined> {
    const f = await this.store.desk.form(formId);
    const d = f && (await visibleDossier(this.store, v, f.dossierId));
    if (!f || !d) return undefined;
    await this.store.audit.append(staffAudit(v, this.now(), { action: 'read_form', dossierId: d.id, details: { formId } }));
    return f.body;
  }
}
