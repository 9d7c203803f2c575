// The databases the contract suite runs on. Each harness is one database for one test file;
// `open()` gives another Store on it (as another server process would have).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Kysely } from 'kysely';
import pg from 'pg';
import { bossSchemaFor } from '../../src/jobs/pg-boss-jobs.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import { openPostgresStore } from '../../src/store/postgres.ts';
import type { Database } from '../../src/store/schema.ts';
import { openSqliteStore } from '../../src/store/sqlite.ts';
import type { Store } from '../../src/store/store.ts';
import { PgliteDialect } from './pglite-dialect.ts';

export interface StoreHarness {
  name: string;
  open(): Store;
  /** Whether two stores on this database may write at the same moment (separate processes). */
  concurrentWriters: boolean;
  /** A store on a new, empty database of the same kind (migration tests); closed by the caller. */
  fresh(): Promise<{ store: KyselyStore; dispose(): Promise<void> }>;
  close(): Promise<void>;
}

export const tempDir = (prefix = 'hsc-test-') => mkdtempSync(join(tmpdir(), prefix));

export function sqliteHarness(): StoreHarness {
  const dir = tempDir();
  return {
    name: 'SQLite',
    // better-sqlite3 blocks the thread while it waits for a lock, so two writers belong in two
    // processes; one process has one store.
    concurrentWriters: false,
    open: () => openSqliteStore(dir),
    fresh: async () => {
      const other = tempDir();
      const store = openSqliteStore(other);
      return { store, dispose: async () => (await store.close(), rmSync(other, { recursive: true, force: true })) };
    },
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** CI's and this machine's server: user postgres, trust auth, database `test`. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Real PostgreSQL in a schema of its own (dropped afterwards), or PGlite when there is none. */
export async function postgresHarness(): Promise<StoreHarness> {
  if (!(await postgresReachable())) {
    console.info(`No PostgreSQL at ${POSTGRES_URL}: running the PostgreSQL contract on embedded PGlite.`);
    return pgliteHarness();
  }
  const schema = `hsc_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  return {
    name: 'PostgreSQL',
    concurrentWriters: true,
    // Small pools: a test run opens many app instances, and the machine's server is shared.
    open: () => openPostgresStore({ connectionString: POSTGRES_URL, searchPath: schema, maxConnections: 4 }),
    fresh: async () => {
      const other = `hsc_${randomBytes(6).toString('hex')}`;
      await admin.query(`create schema ${other}`);
      const store = openPostgresStore({ connectionString: POSTGRES_URL, searchPath: other, maxConnections: 2 });
      return {
        store,
        dispose: async () => {
          await store.close();
          await admin.query(`drop schema ${other} cascade`);
          await admin.query(`drop schema if exists ${bossSchemaFor(other)} cascade`);
        },
      };
    },
    close: async () => {
      await admin.query(`drop schema ${schema} cascade`);
      // The jobs of the apps that ran on it (pg-boss keeps them in a schema named after it).
      await admin.query(`drop schema if exists ${bossSchemaFor(schema)} cascade`);
      await admin.end();
    },
  };
}

export async function pgliteHarness(): Promise<StoreHarness> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  await db.waitReady;
  return {
    name: 'PostgreSQL (PGlite, embedded)',
    concurrentWriters: true,
    open: () => new KyselyStore('postgres', new Kysely<Database>({ dialect: new PgliteDialect(db) })),
    fresh: async () => {
      const other = new PGlite();
      await other.waitReady;
      const store = new KyselyStore('postgres', new Kysely<Database>({ dialect: new PgliteDialect(other) }));
      return { store, dispose: async () => (await store.close(), await other.close()) };
    },
    close: () => db.close(),
  };
}
