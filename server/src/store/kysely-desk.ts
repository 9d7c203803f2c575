// The desk's reads and the one write of a lifecycle step. A step is one transaction: the
// dossier row (only if it is still in the state the step was computed from), the timeline
// entry, the audit entry, and whatever the step brings (a numbered form, a supplement request
// or its answer, new document versions). Either all of it is committed or none.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { heldBy } from './kysely-handover.ts';
import { recordEvent } from './kysely-integration.ts';
import { insertAudit, toAttachment, toDossier } from './rows.ts';
import type { Database, FormsTable, ResultsTable, SupplementsTable } from './schema.ts';
import type {
  ChangeResult,
  DeskStore,
  DocumentRecord,
  DossierChange,
  FormRecord,
  ListDossiersFilter,
  QueueState,
  ListedDossier,
  ReportSourceRow,
  ResultRecord,
  SupplementRecord,
} from './store.ts';

/** Thrown inside a transaction to roll it back when the dossier moved on meanwhile. */
class Stale extends Error {}

const toSupplement = (r: Selectable<SupplementsTable>): SupplementRecord => ({
  id: r.id,
  dossierId: r.dossier_id,
  seq: Number(r.seq),
  requestedAt: r.requested_at,
  requestedBy: r.requested_by,
  items: r.items,
  formId: r.form_id,
  answeredAt: r.answered_at,
  fields: r.fields,
  bodyHash: r.body_hash,
  body: r.body,
  receipt: r.receipt,
  overrideReason: r.override_reason,
});

const toForm = (r: Selectable<FormsTable>): FormRecord => ({
  id: r.id,
  dossierId: r.dossier_id,
  kind: r.kind as FormRecord['kind'],
  number: r.number,
  issuedAt: r.issued_at,
  staffId: r.staff_id,
  body: r.body,
});

const toResult = (r: Selectable<ResultsTable>): ResultRecord => ({
  id: r.id,
  dossierId: r.dossier_id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: Number(r.size),
  sha256: r.sha256,
  path: r.path,
  uploadedAt: r.uploaded_at,
  staffId: r.staff_id,
});

/** The next number of a counter (per year) from `code_sequences`, inside the transaction. */
async function nextNumber(tx: Transaction<Database>, counter: string, year: string): Promise<number> {
  const { last } = await tx
    .insertInto('code_sequences')
    .values({ agency_id: counter, day: year, last: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'day']).doUpdateSet((eb) => ({ last: eb('code_sequences.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  return Number(last);
}

export class KyselyDeskStore implements DeskStore {
  constructor(private readonly db: Kysely<Database>) {}

  async list(f: ListDossiersFilter): Promise<ListedDossier[]> {
    if (f.units && f.units.length === 0) return [];
    // A code tail holds only upper-case letters, digits, `.` and `-`: no LIKE wildcard.
    const tail = f.codeTail;
    const rank = tail ? sql<number>`case when code = ${tail} or code like ${`%-${tail}`} or code like ${`%.${tail}`} then 0 else 1 end` : sql<number>`1`;
    let q = this.db.selectFrom('dossiers').selectAll();
    if (f.units) q = q.where('unit_code', 'in', [...f.units]);
    if (f.statuses && f.statuses.length > 0) q = q.where('status', 'in', [...f.statuses]);
    if (f.holder) q = q.where(heldBy(f.holder));
    if (f.dueFrom !== undefined) q = q.where('due_at', '>=', f.dueFrom);
    if (f.dueBefore !== undefined) q = q.where('due_at', '<', f.dueBefore);
    if (f.receivedFrom !== undefined) q = q.where('received_at', '>=', f.receivedFrom);
    if (f.receivedBefore !== undefined) q = q.where('received_at', '<', f.receivedBefore);
    // Words are folded to letters and digits (no % or _), each must start a word.
    const words = f.words;
    if (words.length > 0) {
      q = q.where((eb) => {
        const all = eb.and(words.map((w) => eb('search', 'like', `% ${w}%`)));
        return tail ? eb.or([eb(rank, '=', 0), all]) : all;
      });
    }
    const after = f.after;
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb(rank, '>', after.rank),
          eb.and([eb(rank, '=', after.rank), eb.or([eb('due_at', '>', after.dueAt), eb.and([eb('due_at', '=', after.dueAt), eb('id', '>', after.id)])])]),
        ]),
      );
    }
    // Without a tail every rank is 1; `ORDER BY 1` would mean "by the first column".
    if (tail) q = q.orderBy(rank);
    const rows = await q.select(rank.as('rank')).orderBy('due_at').orderBy('id').limit(f.limit).execute();
    return rows.map((r) => ({ ...toDossier(r), rank: Number(r.rank) }));
  }

  async queueSummary(units: readonly string[] | null): Promise<QueueState> {
    if (units?.length === 0) return { counts: {}, steps: 0, lastStepAt: null };
    let byStatus = this.db.selectFrom('dossiers').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]).groupBy('status');
    let steps = this.db
      .selectFrom('timeline')
      .innerJoin('dossiers', 'dossiers.id', 'timeline.dossier_id')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('timeline.at').as('last')]);
    if (units) {
      byStatus = byStatus.where('unit_code', 'in', [...units]);
      steps = steps.where('dossiers.unit_code', 'in', [...units]);
    }
    const [rows, step] = await Promise.all([byStatus.execute(), steps.executeTakeFirstOrThrow()]);
    return { counts: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])), steps: Number(step.n), lastStepAt: step.last ?? null };
  }

  async apply(c: DossierChange): Promise<ChangeResult> {
    try {
      return await this.db.transaction().execute(async (tx) => {
        const updated = await tx
          .updateTable('dossiers')
          .set({
            status: c.set.status,
            due_at: c.set.dueAt,
            clock_from: c.set.clockFrom,
            rescheduled: c.set.rescheduled ? 1 : 0,
            result_id: c.set.resultId,
            finished_at: c.set.finishedAt,
            payment: c.set.payment,
          })
          .where('id', '=', c.dossierId)
          .where('status', '=', c.expected.status)
          .where('due_at', '=', c.expected.dueAt)
          .where('rescheduled', '=', c.expected.rescheduled ? 1 : 0)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw new Stale();

        const { max } = await tx
          .selectFrom('timeline')
          .select((eb) => eb.fn.max('seq').as('max'))
          .where('dossier_id', '=', c.dossierId)
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('timeline')
          .values({ dossier_id: c.dossierId, seq: Number(max ?? 0) + 1, status: c.set.status, at: c.timeline.at, note: c.timeline.note ?? null })
          .execute();

        let form: FormRecord | undefined;
        if (c.form) {
          const n = await nextNumber(tx, c.form.counter, c.form.year);
          const number = `${n}/${c.form.year}`;
          form = { id: c.form.id, dossierId: c.dossierId, kind: c.form.kind, number, issuedAt: c.form.issuedAt, staffId: c.form.staffId, body: c.form.build(number) };
          await tx
            .insertInto('forms')
            .values({ id: form.id, dossier_id: form.dossierId, kind: form.kind, number, issued_at: form.issuedAt, staff_id: form.staffId, body: form.body })
            .execute();
        }
        if (c.newSupplement) {
          const s = c.newSupplement;
          await tx
            .insertInto('supplements')
            .values({
              id: s.id,
              dossier_id: s.dossierId,
              seq: s.seq,
              requested_at: s.requestedAt,
              requested_by: s.requestedBy,
              items: s.items,
              form_id: s.formId,
              answered_at: null,
              fields: null,
              body_hash: null,
              body: null,
              receipt: null,
              override_reason: s.overrideReason,
            })
            .execute();
        }
        if (c.answerSupplement) {
          const a = c.answerSupplement;
          const r = await tx
            .updateTable('supplements')
            .set({ answered_at: a.answeredAt, fields: a.fields, body_hash: a.bodyHash, body: a.body, receipt: a.receipt })
            .where('id', '=', a.id)
            .where('answered_at', 'is', null)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) throw new Stale();
        }
        for (const d of c.newDocuments ?? []) {
          await tx
            .insertInto('dossier_documents')
            .values({ dossier_id: c.dossierId, attachment_id: d.attachmentId, slot: d.slot, version: d.version, supplement_id: d.supplementId, position: d.position })
            .execute();
        }
        await insertAudit(tx, c.audit);
        if (c.alsoInTransaction) await c.alsoInTransaction(tx);
        // Last: the event counter is held from here to the commit (see recordEvent).
        await recordEvent(tx as unknown as Transaction<unknown>, updated, c.audit.action, c.timeline.at);
        return { ok: true as const, dossier: toDossier(updated), ...(form ? { form } : {}) };
      });
    } catch (e) {
      if (e instanceof Stale) return { ok: false, reason: 'stale' };
      // A unique action id already used: the same action was applied by a concurrent request.
      if (c.audit.actionId && (await this.db.selectFrom('audit_log').select('id').where('action_id', '=', c.audit.actionId).executeTakeFirst())) {
        return { ok: false, reason: 'duplicate_action' };
      }
      throw e;
    }
  }

  async documents(dossierId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('dossier_documents as d')
      .innerJoin('attachments as a', 'a.id', 'd.attachment_id')
      .selectAll('a')
      .select(['d.slot', 'd.version', 'd.supplement_id', 'd.position'])
      .where('d.dossier_id', '=', dossierId)
      .orderBy('d.version')
      .orderBy('d.position')
      .execute();
    return rows.map((r) => ({ attachment: toAttachment(r), slot: r.slot, version: Number(r.version), supplementId: r.supplement_id, position: Number(r.position) }));
  }

  async isHeld(attachmentId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('dossier_documents').select('dossier_id').where('attachment_id', '=', attachmentId).executeTakeFirst());
  }

  async supplements(dossierId: string): Promise<SupplementRecord[]> {
    return (await this.db.selectFrom('supplements').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute()).map(toSupplement);
  }

  async supplement(id: string): Promise<SupplementRecord | undefined> {
    const row = await this.db.selectFrom('supplements').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSupplement(row);
  }

  async forms(dossierId: string): Promise<FormRecord[]> {
    return (await this.db.selectFrom('forms').selectAll().where('dossier_id', '=', dossierId).orderBy('issued_at').orderBy('number').execute()).map(toForm);
  }

  async form(id: string): Promise<FormRecord | undefined> {
    const row = await this.db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toForm(row);
  }

  async putResult(r: ResultRecord): Promise<void> {
    await this.db
      .insertInto('results')
      .values({
        id: r.id,
        dossier_id: r.dossierId,
        file_name: r.fileName,
        media_type: r.mediaType,
        size: r.size,
        sha256: r.sha256,
        path: r.path,
        uploaded_at: r.uploadedAt,
        staff_id: r.staffId,
      })
      .execute();
  }

  async result(id: string): Promise<ResultRecord | undefined> {
    const row = await this.db.selectFrom('results').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toResult(row);
  }

  async reportRows(units: readonly string[] | null, from: string, to: string): Promise<ReportSourceRow[]> {
    if (units && units.length === 0) return [];
    let q = this.db
      .selectFrom('dossiers')
      .select(['unit_code', 'procedure_code', 'channel', 'received_at', 'due_at', 'finished_at'])
      .where('received_at', '>=', from)
      .where('received_at', '<', to);
    if (units) q = q.where('unit_code', 'in', [...units]);
    const rows = await q.execute();
    return rows.map((r) => ({
      unitCode: r.unit_code,
      procedureCode: r.procedure_code,
      channel: r.channel === 'desk' ? 'desk' : 'online',
      receivedAt: r.received_at,
      dueAt: r.due_at,
      finishedAt: r.finished_at,
    }));
  }
}
