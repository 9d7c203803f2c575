// Picks the job runner by the store: pg-boss on PostgreSQL (several nodes), our runner over the
// `jobs` table on SQLite (one process).
import type { Kysely } from 'kysely';
import { KyselyStore } from '../store/kysely-store.ts';
import type { Store } from '../store/store.ts';
import type { JobsConfig } from '../config.ts';
import type { Jobs, JobsLog } from './jobs.ts';
import { PgBossJobs } from './pg-boss-jobs.ts';
import { SqliteJobs } from './sqlite-jobs.ts';

export type { Job, JobHandler, Jobs, JobTx, QueueOptions, SendOptions } from './jobs.ts';
export { RetryLater } from './jobs.ts';
export type { JobsConfig } from '../config.ts';


export async function openJobs(store: Store, config: JobsConfig, log: JobsLog): Promise<Jobs> {
  if (!(store instanceof KyselyStore)) throw new Error('jobs need the Kysely store');
  const db = store.db as unknown as Kysely<unknown>;
  if (store.kind === 'postgres') return PgBossJobs.open(db, { ...config, log });
  return new SqliteJobs(db, { ...(config.pollMs ? { pollMs: config.pollMs } : {}), ...(config.work === false ? { work: false } : {}), log });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's job runner: queues declared here are worked on every node. */
    jobs: Jobs;
  }
}
