// Migrations live in code (no files to find at run time) and are written once for both
// databases: only types common to SQLite and PostgreSQL. Never edit a shipped migration; add
// the next one (and a test that opens a database written by the previous version).
import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';

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

export const MIGRATIONS: Record<string, Migration> = { '0001_initial': m0001 };

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed`, { cause: error });
  }
}
