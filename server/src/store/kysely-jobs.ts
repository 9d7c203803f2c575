// The `jobs` table of our job runner on SQLite (src/jobs/sqlite-jobs.ts). On PostgreSQL jobs
// live in pg-boss's own schema, which pg-boss creates and migrates itself: nothing here.
import { SqliteAdapter, type Kysely, type Migration } from 'kysely';

export interface JobsTable {
  id: string;
  name: string;
  /** JSON. */
  data: string;
  /** queued | active | done | failed */
  state: string;
  /** Tries begun so far. */
  tries: number;
  /** Epoch milliseconds, as are the other instants of this table (the runner's, not the domain's). */
  run_at: number;
  started_at: number | null;
  finished_at: number | null;
  /** `every`'s queue and period: unique, so one job per period. */
  singleton_key: string | null;
  last_error: string | null;
  created_at: number;
}

export const m0014Jobs: Migration = {
  async up(db: Kysely<unknown>) {
    if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return;
    await db.schema
      .createTable('jobs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('tries', 'integer', (c) => c.notNull())
      .addColumn('run_at', 'integer', (c) => c.notNull())
      .addColumn('started_at', 'integer')
      .addColumn('finished_at', 'integer')
      .addColumn('singleton_key', 'text', (c) => c.unique())
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
  },
};
