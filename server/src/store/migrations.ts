// Migrations live in code (no files to find at run time) and are written once for both
// databases: only types common to SQLite and PostgreSQL. Never edit a shipped migration; add
// the next one (and a test that opens a database written by the previous version).
import type { DossierSubmission } from '@hsc/shared';
import { Migrator, sql, SqliteAdapter, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { m0013PgBlobs } from './kysely-blobs.ts';
import { m0004Catalog } from './kysely-catalog.ts';
import { m0014Jobs } from './kysely-jobs.ts';
import { m0015Integration } from './kysely-integration.ts';
import { m0016Handover } from './kysely-handover.ts';
import { m0017Admin } from './kysely-staff.ts';
import { m0011KeySet } from './kysely-keys.ts';
import { m0006Payees } from './kysely-payees.ts';
import { m0010PaymentProofs } from './kysely-payment-proofs.ts';
import { m0003Push } from './kysely-push.ts';
import { m0018Sms } from './kysely-sms.ts';
import { m0012RateLimits } from './kysely-rate-limits.ts';
import { searchText } from './search.ts';

const m0001: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('units')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('procedures')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('seed'))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('dossiers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('lookup_code', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.notNull().references('units.code'))
      .addColumn('procedure_code', 'text', (c) => c.notNull().references('procedures.code'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('secret_hash', 'text', (c) => c.notNull())
      .addColumn('receipt', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull().defaultTo('online'))
      .execute();
    // Attachments arrive before their dossier exists, so `dossier_id` is not a foreign key.
    await db.schema
      .createTable('attachments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('attachments_dossier_id').on('attachments').column('dossier_id').execute();
    await db.schema
      .createTable('code_sequences')
      .addColumn('agency_id', 'text', (c) => c.notNull())
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('last', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('code_sequences_pk', ['agency_id', 'day'])
      .execute();
    await db.schema
      .createTable('timeline')
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('timeline_pk', ['dossier_id', 'seq'])
      .execute();
  },
};

const isSqlite = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof SqliteAdapter;

/** The Desk issue: staff, sessions, holidays as data, the audit log, supplements, forms, results. */
const m0002: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = isSqlite(db);
    // New dossier columns; the backfill below fills them for dossiers received before.
    await db.schema.alterTable('dossiers').addColumn('clock_from', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.alterTable('dossiers').addColumn('rescheduled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('dossiers').addColumn('result_id', 'text').execute();
    await db.schema.alterTable('dossiers').addColumn('finished_at', 'text').execute();
    await db.schema.alterTable('dossiers').addColumn('payment', 'text').execute();
    await db.schema.alterTable('dossiers').addColumn('search', 'text', (c) => c.notNull().defaultTo('')).execute();
    await db.schema.createIndex('dossiers_unit_due').on('dossiers').columns(['unit_code', 'due_at', 'id']).execute();
    await db.schema.createIndex('dossiers_received').on('dossiers').column('received_at').execute();

    await db.schema
      .createTable('dossier_documents')
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('attachment_id', 'text', (c) => c.notNull().unique())
      .addColumn('slot', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('supplement_id', 'text')
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('dossier_documents_pk', ['dossier_id', 'attachment_id'])
      .execute();

    // Backfill: what 0001 kept only inside the submitted body.
    const typed = db as Kysely<{ dossiers: { id: string; code: string; body: string; received_at: string; clock_from: string; search: string } }>;
    const docs = db as Kysely<{ dossier_documents: { dossier_id: string; attachment_id: string; slot: string; version: number; supplement_id: string | null; position: number } }>;
    for (const row of await typed.selectFrom('dossiers').select(['id', 'code', 'body', 'received_at']).execute()) {
      const body = JSON.parse(row.body) as DossierSubmission;
      await typed.updateTable('dossiers').set({ clock_from: row.received_at, search: searchText(row.code, body) }).where('id', '=', row.id).execute();
      for (const [position, a] of body.attachments.entries()) {
        await docs
          .insertInto('dossier_documents')
          .values({ dossier_id: row.id, attachment_id: a.id, slot: a.slot, version: 1, supplement_id: null, position })
          .execute();
      }
    }

    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('unit_code', 'text', (c) => c.references('units.code'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createTable('staff_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('staff_id', 'text', (c) => c.notNull().references('staff.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('user_agent', 'text')
      .addColumn('ip', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('staff_sessions_expires').on('staff_sessions').column('expires_at').execute();
    await db.schema
      .createTable('login_failures')
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('login_failures_key_at').on('login_failures').columns(['key', 'at']).execute();

    await db.schema
      .createTable('holidays')
      .addColumn('date', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', sqlite ? 'integer' : 'bigserial', (c) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey()))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text')
      .addColumn('dossier_id', 'text')
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text')
      .addColumn('to_status', 'text')
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('details', 'text')
      .addColumn('action_id', 'text', (c) => c.unique())
      .execute();
    await db.schema.createIndex('audit_log_dossier').on('audit_log').columns(['dossier_id', 'id']).execute();
    // Append-only, whatever client writes to the database (not only this app's routes).
    if (sqlite) {
      await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
      await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    } else {
      await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`.execute(db);
      await sql`create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function audit_log_append_only()`.execute(db);
      await sql`create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only()`.execute(db);
    }

    await db.schema
      .createTable('supplements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('items', 'text', (c) => c.notNull())
      .addColumn('form_id', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text')
      .addColumn('fields', 'text')
      .addColumn('body_hash', 'text')
      .addColumn('body', 'text')
      .addColumn('receipt', 'text')
      .addUniqueConstraint('supplements_dossier_seq', ['dossier_id', 'seq'])
      .execute();
    await db.schema
      .createTable('forms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('forms_dossier').on('forms').column('dossier_id').execute();
    await db.schema
      .createTable('results')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text', (c) => c.notNull())
      .execute();
  },
};

/** A leader's written reason for a supplement request outside the once-within-3-days rule. */
const m0007SupplementOverride: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('supplements').addColumn('override_reason', 'text').execute();
  },
};

/** Make-up working days ("ngày làm bù") live beside the days off: `kind` 'off' or 'workday'. */
const m0008Workdays: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('holidays').addColumn('kind', 'text', (c) => c.notNull().defaultTo('off')).execute();
  },
};

/** A staff member's desk phone, printed on Mẫu 02 for the citizen to call. */
const m0009StaffPhone: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('staff').addColumn('phone', 'text').execute();
  },
};

export const MIGRATIONS: Record<string, Migration> = { '0001_initial': m0001, '0002_desk': m0002, '0003_push': m0003Push, '0004_catalog': m0004Catalog, '0006_payees': m0006Payees, '0007_supplement_override': m0007SupplementOverride, '0008_workdays': m0008Workdays, '0009_staff_phone': m0009StaffPhone, '0010_payment_proofs': m0010PaymentProofs, '0011_key_set': m0011KeySet, '0012_rate_limits': m0012RateLimits, '0013_pg_blobs': m0013PgBlobs, '0014_jobs': m0014Jobs, '0015_integration': m0015Integration, '0016_handover': m0016Handover, '0017_admin': m0017Admin, '0018_sms': m0018Sms };

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/**
 * On PostgreSQL the migration tables live in the current schema, named explicitly: Kysely
 * otherwise takes a `kysely_migration` table in any other schema of the database for its own.
 */
async function migrator(db: Kysely<unknown>): Promise<Migrator> {
  if (isSqlite(db)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]!.schema });
}

/** Migrates up to and including `name` (tests write a database as an older version did). */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<void> {
  const { error } = await (await migrator(db)).migrateTo(name);
  if (error) throw new Error(`database migration to ${name} failed`, { cause: error });
}

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await (await migrator(db)).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
