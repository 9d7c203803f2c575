// Jobs on PostgreSQL with pg-boss: every node sends and works, each job is taken by one node
// (`FOR UPDATE SKIP LOCKED`), and a job whose node died is failed by pg-boss's maintenance
// once its expiry has passed (any node runs it, one at a time) and retried with the queue's
// backoff. pg-boss keeps its tables in a schema of its own, named after the app's schema, so
// each deployment (and each test schema) has its own jobs. It runs its SQL through the app's
// Kysely pool: no second pool, and a job is sent inside the transaction of the change.
import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import { keyedId, retryDelay, RetryLater, type JobHandler, type Jobs, type JobsLog, type JobTx, type QueueOptions, type SendOptions } from './jobs.ts';

/** pg-boss's schema for an app in `appSchema`: `pgboss` beside `public`, else `<schema>_pgboss`. */
export function bossSchemaFor(appSchema: string): string {
  return appSchema === 'public' ? 'pgboss' : `${appSchema}_pgboss`;
}

/** Our data around the service's: `n` counts the tries before this job (see `RetryLater`). */
interface Envelope<T> {
  v: T;
  n: number;
}

/** pg-boss's SQL on the app's pool, one pooled connection per command. */
const executor = (db: Kysely<unknown>): PgBoss.Db => ({
  executeSql: (text, values) =>
    db.connection().execute(async (conn) => {
      try {
        return { rows: (await conn.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[] };
      } catch (e) {
        // pg-boss sends some commands as one string `BEGIN; …; COMMIT;`: one that fails inside
        // leaves its transaction open, and the connection would go back to the pool aborted.
        await conn.executeQuery(CompiledQuery.raw('ROLLBACK')).catch(() => undefined);
        throw e;
      }
    }),
});

/** pg-boss's SQL inside the caller's transaction (a failure rolls the whole of it back). */
const inTransaction = (tx: Kysely<unknown>): PgBoss.Db => ({
  executeSql: async (text, values) => ({ rows: (await tx.executeQuery(CompiledQuery.raw(text, values ?? []))).rows as unknown[] }),
});

export interface PgBossJobsOptions {
  /** How often an idle worker asks for a job, and how often maintenance (expiry) runs. Default 2 s and 30 s. */
  pollMs?: number;
  maintenanceMs?: number;
  /** Workers per queue on this node. Default 2. */
  concurrency?: number;
  /** false: send only, work nothing on this node. */
  work?: boolean;
  log?: JobsLog;
}

export class PgBossJobs implements Jobs {
  readonly kind = 'pg-boss' as const;
  private readonly queues = new Map<string, QueueOptions>();
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly db: Kysely<unknown>,
    private readonly boss: PgBoss,
    private readonly opts: PgBossJobsOptions,
  ) {}

  static async open(db: Kysely<unknown>, opts: PgBossJobsOptions = {}): Promise<PgBossJobs> {
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
    const schema = bossSchemaFor(rows[0]?.schema ?? 'public');
    // Nodes starting together on a new database each try to create pg-boss's schema; pg-boss
    // takes turns under its lock, and the one that comes second fails on what the first made.
    // A failed start leaves that instance unusable, so a new one tries again (and finds it made).
    for (let attempt = 1; ; attempt++) {
      const boss = new PgBoss({
        db: executor(db),
        schema,
        migrate: true,
        supervise: true,
        // Our `every` sends the periodic jobs; pg-boss's cron (minutes) is not needed.
        schedule: false,
        maintenanceIntervalSeconds: Math.max(1, Math.round((opts.maintenanceMs ?? 30_000) / 1000)),
        // The periodic jobs make many rows (a webhook round every 5 s): finished ones are archived
        // after an hour and deleted two days later (pg-boss: 12 h and 7 days).
        archiveCompletedAfterSeconds: 3600,
        deleteAfterDays: 2,
      });
      boss.on('error', (err: unknown) => opts.log?.error({ err }, 'pg-boss'));
      try {
        await boss.start();
        return new PgBossJobs(db, boss, opts);
      } catch (e) {
        if (attempt >= 3) throw e;
        await new Promise((r) => setTimeout(r, 100 * attempt));
      }
    }
  }

  async queue(name: string, q: QueueOptions): Promise<void> {
    this.queues.set(name, q);
    // pg-boss counts in whole seconds; its expiry and backoff serve retries after a node died.
    const options = { name, policy: 'standard' as const, retryLimit: q.retryLimit, retryDelay: Math.max(1, Math.ceil(q.retryDelayMs / 1000)), retryBackoff: q.backoff, expireInSeconds: Math.max(1, Math.ceil(q.expireMs / 1000)) };
    // Nodes starting together create the same queue at once: one wins, the others fail (a
    // duplicate, or a deadlock over its partition) and find it made at their next try.
    for (let attempt = 1; ; attempt++) {
      if (await this.boss.getQueue(name)) return this.boss.updateQueue(name, options);
      try {
        return await this.boss.createQueue(name, options);
      } catch (e) {
        if (attempt >= 10) throw e;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  }

  private options(name: string): QueueOptions {
    const q = this.queues.get(name);
    if (!q) throw new Error(`job queue ${name} was not declared`);
    return q;
  }

  async send<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<void> {
    this.options(name);
    await this.boss.send(name, { v: data, n: 0 } satisfies Envelope<T>, {
      ...(opts.tx ? { db: inTransaction(opts.tx as Kysely<unknown>) } : {}),
      ...(opts.startAfterMs ? { startAfter: `${opts.startAfterMs / 1000} seconds` } : {}),
      ...(opts.key ? { id: keyedId(opts.key) } : {}),
    });
  }

  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    const q = this.options(name);
    if (this.opts.work === false) return;
    const pollingIntervalSeconds = Math.max(0.5, (this.opts.pollMs ?? 2000) / 1000);
    for (let i = 0; i < (this.opts.concurrency ?? 2); i++) {
      await this.boss.work<Envelope<T>>(name, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds }, async ([job]) => {
        if (!job) return;
        const attempt = job.data.n + job.retryCount;
        try {
          await handler({ id: job.id, data: job.data.v, attempt });
        } catch (err) {
          if (attempt >= q.retryLimit) {
            this.opts.log?.error({ err, job: name, id: job.id, attempt }, 'job failed: no tries left');
            return { failed: err instanceof Error ? err.message : String(err) };
          }
          if (!(err instanceof RetryLater)) this.opts.log?.warn({ err, job: name, id: job.id, attempt }, 'job failed: will retry');
          // The next try is a new job sent with this one's completion, in one transaction: the
          // wait is ours (milliseconds, at least a Retry-After), which pg-boss's retry cannot take.
          const delay = retryDelay(q, attempt, err instanceof RetryLater ? err.afterMs : undefined);
          await this.db.transaction().execute(async (tx) => {
            await this.boss.send(name, { v: job.data.v, n: attempt + 1 } satisfies Envelope<T>, { db: inTransaction(tx), startAfter: `${delay / 1000} seconds` });
            await this.boss.complete(name, job.id, { retried: attempt + 1 }, { db: inTransaction(tx) });
          });
        }
        return undefined;
      });
    }
  }

  async every(name: string, everyMs: number): Promise<void> {
    this.options(name);
    // One job per period across the nodes: pg-boss's singleton slot (the database's clock) is unique.
    const singletonSeconds = Math.max(1, Math.round(everyMs / 1000));
    const tick = () => void this.boss.send(name, { v: {}, n: 0 }, { singletonKey: name, singletonSeconds }).catch((err: unknown) => this.opts.log?.error({ err, job: name }, 'could not schedule job'));
    tick();
    // Twice a period, so that no period is skipped when a timer fires late.
    const timer = setInterval(tick, Math.max(500, Math.floor(everyMs / 2)));
    timer.unref();
    this.timers.add(timer);
  }

  async pending(names: readonly string[]): Promise<number> {
    let n = 0;
    for (const name of names) n += await this.boss.getQueueSize(name, { before: 'completed' });
    return n;
  }

  async stop(graceMs = 10_000): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    // After the grace pg-boss fails what is still running, so another node retries it at once
    // (a node that dies without this is covered by the expiry). The pool is the store's: kept.
    await this.boss.stop({ graceful: true, wait: true, close: false, timeout: Math.max(1000, graceMs) });
  }
}

export type { JobTx };
