// PostgreSQL for more than one machine: many stateless API processes share it. The daily
// code sequence relies on its row locks (see KyselyStore.createDossier).
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { KyselyStore } from './kysely-store.ts';
import type { Database } from './schema.ts';

export interface PostgresOptions {
  connectionString: string;
  /** Confines the store to one schema (tests give each run its own). */
  searchPath?: string;
  maxConnections?: number;
}

export function openPostgresStore(opts: PostgresOptions): KyselyStore {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.maxConnections ?? 10,
    ...(opts.searchPath ? { options: `-c search_path=${opts.searchPath}` } : {}),
  });
  return new KyselyStore('postgres', new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }));
}
