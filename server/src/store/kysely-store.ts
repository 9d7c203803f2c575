// The Store on Kysely. The SQL is the common subset of SQLite (≥ 3.35) and PostgreSQL:
// INSERT … ON CONFLICT … RETURNING, text and integer columns. Adapters only make the dialect.
import { DossierStatus, type TimelineEntry, type Unit } from '@hsc/shared';
import type { Kysely, Transaction } from 'kysely';
import { KyselyAuditStore } from './kysely-audit.ts';
import { KyselyCatalogStore } from './kysely-catalog.ts';
import { KyselyDeskStore } from './kysely-desk.ts';
import { KyselyHandoverStore } from './kysely-handover.ts';
import { KyselyHolidayStore } from './kysely-holidays.ts';
import { KyselyIntegrationStore, recordEvent } from './kysely-integration.ts';
import { KyselyKeyStore } from './kysely-keys.ts';
import { KyselyPayeeStore } from './kysely-payees.ts';
import { KyselyPaymentProofStore } from './kysely-payment-proofs.ts';
import { KyselyPurgeStore } from './kysely-purge.ts';
import { KyselyCounterStore } from './kysely-rate-limits.ts';
import { KyselyPushStore } from './kysely-push.ts';
import { KyselySmsStore } from './kysely-sms.ts';
import { KyselyStaffStore } from './kysely-staff.ts';
import { migrateToLatest } from './migrations.ts';
import { insertAudit, toAttachment, toDossier, toUnit } from './rows.ts';
import type { Database, DossiersTable } from './schema.ts';
import type { AttachmentRecord, CreateResult, DossierRecord, NewDossier, Store, StoreKind, UnitRecord } from './store.ts';

/** Thrown inside a transaction to roll it back when the dossier id is already taken. */
class DossierExists extends Error {}

export class KyselyStore implements Store {
  readonly staff: KyselyStaffStore;
  readonly audit: KyselyAuditStore;
  readonly holidays: KyselyHolidayStore;
  readonly desk: KyselyDeskStore;
  readonly push: KyselyPushStore;
  /** SMS opt-ins (on the Kysely store only: the jobs that send them need it too). */
  readonly sms: KyselySmsStore;
  readonly catalog: KyselyCatalogStore;
  readonly purge: KyselyPurgeStore;
  readonly payees: KyselyPayeeStore;
  readonly paymentProofs: KyselyPaymentProofStore;
  readonly keys: KyselyKeyStore;
  readonly counters: KyselyCounterStore;
  readonly integration: KyselyIntegrationStore;
  readonly handovers: KyselyHandoverStore;

  constructor(
    readonly kind: StoreKind,
    /** Public for tests that must reach under the store (migrations, the audit triggers). */
    readonly db: Kysely<Database>,
  ) {
    this.staff = new KyselyStaffStore(db);
    this.audit = new KyselyAuditStore(db);
    this.holidays = new KyselyHolidayStore(db);
    this.desk = new KyselyDeskStore(db);
    this.push = new KyselyPushStore(db as unknown as Kysely<never>);
    this.sms = new KyselySmsStore(db as unknown as Kysely<never>);
    this.catalog = new KyselyCatalogStore(db);
    this.purge = new KyselyPurgeStore(db);
    this.payees = new KyselyPayeeStore(db);
    this.paymentProofs = new KyselyPaymentProofStore(db as unknown as Kysely<never>);
    this.keys = new KyselyKeyStore(db as unknown as Kysely<never>);
    this.counters = new KyselyCounterStore(db as unknown as Kysely<never>);
    this.integration = new KyselyIntegrationStore(db as unknown as Kysely<never>, kind);
    this.handovers = new KyselyHandoverStore(db as unknown as Kysely<unknown>);
  }

  async migrate(): Promise<void> {
    // The migrator works on any schema; the typed handle is for queries only.
    await migrateToLatest(this.db as unknown as Kysely<unknown>);
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async upsertUnits(units: readonly Unit[], defaultAgencyId: (code: string) => string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      for (const u of units) {
        await tx
          .insertInto('units')
          .values({ code: u.code, name: u.name, type: u.type, agency_id: defaultAgencyId(u.code) })
          .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), type: eb.ref('excluded.type') })))
          .execute();
      }
    });
  }

  async listUnits(): Promise<UnitRecord[]> {
    return (await this.db.selectFrom('units').selectAll().orderBy('code').execute()).map(toUnit);
  }

  async getUnit(code: string): Promise<UnitRecord | undefined> {
    const row = await this.db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toUnit(row);
  }

  async setAgencyId(unitCode: string, agencyId: string): Promise<void> {
    await this.db.updateTable('units').set({ agency_id: agencyId }).where('code', '=', unitCode).execute();
  }

  async getAttachment(id: string): Promise<AttachmentRecord | undefined> {
    const row = await this.db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toAttachment(row);
  }

  async getAttachments(ids: readonly string[]): Promise<AttachmentRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('attachments').selectAll().where('id', 'in', [...ids]).execute();
    return rows.map(toAttachment);
  }

  async putAttachment(a: AttachmentRecord): Promise<AttachmentRecord> {
    await this.db
      .insertInto('attachments')
      .values({
        id: a.id,
        dossier_id: a.dossierId,
        sha256: a.sha256,
        size: a.size,
        media_type: a.mediaType,
        file_name: a.fileName,
        path: a.path,
        stored_at: a.storedAt,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const stored = await this.getAttachment(a.id);
    if (!stored) throw new Error(`attachment ${a.id} vanished after insert`);
    return stored;
  }

  async replaceAttachment(a: AttachmentRecord): Promise<AttachmentRecord> {
    await this.db
      .updateTable('attachments')
      .set({ dossier_id: a.dossierId, sha256: a.sha256, size: a.size, media_type: a.mediaType, file_name: a.fileName, path: a.path, stored_at: a.storedAt })
      .where('id', '=', a.id)
      .execute();
    return this.putAttachment(a);
  }

  async getDossier(id: string): Promise<DossierRecord | undefined> {
    const row = await this.db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toDossier(row);
  }

  async getDossierByCode(code: string): Promise<DossierRecord | undefined> {
    const row = await this.db.selectFrom('dossiers').selectAll().where('code', '=', code).executeTakeFirst();
    return row && toDossier(row);
  }

  async createDossier(d: NewDossier): Promise<CreateResult> {
    try {
      const dossier = await this.db.transaction().execute(async (tx) => {
        // The first statement writes, so SQLite takes its write lock at once (no upgrade
        // deadlock between processes) and PostgreSQL locks the counter row until commit:
        // concurrent writers queue here and each one gets the next number.
        const { last } = await tx
          .insertInto('code_sequences')
          .values({ agency_id: d.agencyId, day: d.day, last: 1 })
          .onConflict((oc) => oc.columns(['agency_id', 'day']).doUpdateSet((eb) => ({ last: eb('code_sequences.last', '+', 1) })))
          .returning('last')
          .executeTakeFirstOrThrow();
        const { code, receipt } = d.issue(Number(last));
        const row: DossiersTable = {
          id: d.id,
          code,
          lookup_code: d.lookupCode,
          unit_code: d.unitCode,
          procedure_code: d.procedureCode,
          procedure_version: d.procedureVersion,
          status: d.status,
          body: d.body,
          body_hash: d.bodyHash,
          secret_hash: d.secretHash,
          receipt,
          received_at: d.receivedAt,
          due_at: d.dueAt,
          channel: d.channel,
          clock_from: d.receivedAt,
          rescheduled: 0,
          result_id: null,
          finished_at: null,
          payment: null,
          search: d.search(code),
        };
        // A concurrent insert of the same id makes PostgreSQL wait for the other transaction,
        // then do nothing; rolling back returns the sequence number too.
        const inserted = await tx.insertInto('dossiers').values(row).onConflict((oc) => oc.column('id').doNothing()).returning('id').executeTakeFirst();
        if (!inserted) throw new DossierExists();
        await tx.insertInto('timeline').values({ dossier_id: d.id, seq: 1, status: d.status, at: d.receivedAt, note: null }).execute();
        if (d.audit) await insertAudit(tx, { ...d.audit, dossierId: d.id });
        for (const [position, doc] of d.documents.entries()) {
          await tx
            .insertInto('dossier_documents')
            .values({ dossier_id: d.id, attachment_id: doc.attachmentId, slot: doc.slot, version: 1, supplement_id: null, position })
            .execute();
        }
        // Last: the event counter is held from here to the commit (see recordEvent).
        await recordEvent(tx as unknown as Transaction<unknown>, row, d.audit?.action ?? 'submit', d.receivedAt);
        return toDossier(row);
      });
      return { created: true, dossier };
    } catch (e) {
      if (e instanceof DossierExists) return { created: false };
      throw e;
    }
  }

  async timeline(dossierId: string): Promise<TimelineEntry[]> {
    const rows = await this.db.selectFrom('timeline').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute();
    return rows.map((r) => ({ status: DossierStatus.parse(r.status), at: r.at, ...(r.note ? { note: r.note } : {}) }));
  }
}
