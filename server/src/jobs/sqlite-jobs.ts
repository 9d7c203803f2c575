// Our job runner on SQLite (one server process, by design of the SQLite default): the `jobs`
// table (migration 0014_jobs) in the same database file as the dossiers, so a job sent with a
// change commits with it, and what was queued or running when the process stopped is there at
// the next start. Same semantics as pg-boss where the app relies on them: a job is taken by one
// worker at a time, retried with backoff after an error, given again to a worker when it ran
// longer than its expiry, and `every` sends one job per period (a unique key per period, so a
// restart within the period does not run it twice).
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { JobsTable } from '../store/kysely-jobs.ts';
import { keyedId, retryDelay, RetryLater, type Job, type JobHandler, type Jobs, type JobsLog, type QueueOptions, type SendOptions } from './jobs.ts';

interface JobsDb {
  jobs: JobsTable;
}

export interface SqliteJobsOptions {
  /** How often idle workers look for due jobs. Default 500 ms. */
  pollMs?: number;
  /** Jobs run at once in this process. Default 4. */
  concurrency?: number;
  /** false: send only, work nothing (tests of what is queued). */
  work?: boolean;
  /** Done jobs are deleted after this long (failed ones after 7 days). Default 1 day: the periodic jobs make many. */
  keepMs?: number;
  log?: JobsLog;
  /** The runner's clock (wall time, not the app's business clock). */
  clock?: () => number;
}

const DAY = 86_400_000;

export class SqliteJobs implements Jobs {
  readonly kind = 'sqlite' as const;
  private readonly db: Kysely<JobsDb>;
  private readonly queues = new Map<string, QueueOptions>();
  private readonly handlers = new Map<string, JobHandler<object>>();
  private readonly running = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;
  private recovered = false;
  private lastSweep = 0;
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly keepMs: number;
  private readonly clock: () => number;

  constructor(
    db: Kysely<unknown>,
    private readonly opts: SqliteJobsOptions = {},
  ) {
    this.db = db as Kysely<JobsDb>;
    this.pollMs = opts.pollMs ?? 500;
    this.concurrency = opts.concurrency ?? 4;
    this.keepMs = opts.keepMs ?? DAY;
    this.clock = opts.clock ?? Date.now;
  }

  async queue(name: string, opts: QueueOptions): Promise<void> {
    this.queues.set(name, opts);
  }

  private options(name: string): QueueOptions {
    const q = this.queues.get(name);
    if (!q) throw new Error(`job queue ${name} was not declared`);
    return q;
  }

  async send<T extends object>(name: string, data: T, opts: SendOptions = {}): Promise<void> {
    this.options(name);
    const db = (opts.tx as Kysely<JobsDb> | undefined) ?? this.db;
    const now = this.clock();
    await db
      .insertInto('jobs')
      .values({ id: opts.key ? keyedId(opts.key) : randomUUID(), name, data: JSON.stringify(data), state: 'queued', tries: 0, run_at: now + (opts.startAfterMs ?? 0), started_at: null, finished_at: null, singleton_key: null, last_error: null, created_at: now })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    if (!opts.tx) this.wake();
  }

  async work<T extends object>(name: string, handler: JobHandler<T>): Promise<void> {
    this.options(name);
    if (this.opts.work === false) return;
    this.handlers.set(name, handler as JobHandler<object>);
    this.wake();
  }

  async every(name: string, everyMs: number): Promise<void> {
    this.options(name);
    const tick = async () => {
      const now = this.clock();
      const period = Math.floor(now / everyMs);
      const r = await this.db
        .insertInto('jobs')
        .values({ id: randomUUID(), name, data: '{}', state: 'queued', tries: 0, run_at: now, started_at: null, finished_at: null, singleton_key: `${name}@${everyMs}:${period}`, last_error: null, created_at: now })
        .onConflict((oc) => oc.column('singleton_key').doNothing())
        .executeTakeFirst();
      if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) this.wake();
    };
    const safeTick = () => void tick().catch((err: unknown) => this.opts.log?.error({ err, job: name }, 'could not schedule job'));
    safeTick();
    // Twice a period, so that no period is skipped when a timer fires late.
    const timer = setInterval(safeTick, Math.max(1, Math.floor(everyMs / 2)));
    timer.unref();
    this.timers.add(timer);
  }

  /** Looks for work now (after a send outside a transaction, a new worker, a finished job). */
  private wake(): void {
    if (this.stopped) return;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), 0);
    this.pollTimer.unref();
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = setTimeout(() => void this.poll(), this.pollMs);
    this.pollTimer.unref();
  }

  private async poll(): Promise<void> {
    if (this.stopped || this.polling) return;
    this.polling = true;
    try {
      await this.recover();
      while (!this.stopped && this.running.size < this.concurrency) {
        const job = await this.claim();
        if (!job) break;
        const p = this.run(job).finally(() => {
          this.running.delete(p);
          this.wake();
        });
        this.running.add(p);
      }
    } catch (err) {
      this.opts.log?.error({ err }, 'job runner poll failed');
    } finally {
      this.polling = false;
      this.schedule();
    }
  }

  /**
   * Jobs this runner will not finish: on the first poll every `active` row (the process that
   * took it is gone: one process per SQLite file), later those past their queue's expiry.
   * Each goes back to the queue, or fails when its tries are spent. Old finished rows go.
   */
  private async recover(): Promise<void> {
    const now = this.clock();
    const active = await this.db.selectFrom('jobs').select(['id', 'name', 'tries', 'started_at']).where('state', '=', 'active').execute();
    for (const j of active) {
      const q = this.queues.get(j.name);
      const expired = !this.recovered || (q !== undefined && (j.started_at ?? 0) + q.expireMs < now);
      if (!expired) continue;
      const retry = q === undefined || j.tries <= q.retryLimit;
      await this.db
        .updateTable('jobs')
        .set(retry ? { state: 'queued', run_at: now + (q ? retryDelay(q, j.tries - 1) : 0), last_error: 'expired while active' } : { state: 'failed', finished_at: now, last_error: 'expired while active' })
        .where('id', '=', j.id)
        .where('state', '=', 'active')
        .where('started_at', '=', j.started_at)
        .execute();
      this.opts.log?.warn({ job: j.name, id: j.id, tries: j.tries }, retry ? 'job expired: queued again' : 'job expired: no tries left');
    }
    this.recovered = true;
    if (now - this.lastSweep > 3_600_000) {
      this.lastSweep = now;
      await this.db.deleteFrom('jobs').where('state', '=', 'done').where('finished_at', '<', now - this.keepMs).execute();
      await this.db.deleteFrom('jobs').where('state', '=', 'failed').where('finished_at', '<', now - 7 * DAY).execute();
    }
  }

  private async claim(): Promise<(Job<object> & { name: string; startedAt: number; tries: number }) | undefined> {
    const names = [...this.handlers.keys()];
    if (names.length === 0) return undefined;
    const now = this.clock();
    const row = await this.db
      .updateTable('jobs')
      .set({ state: 'active', started_at: now, tries: sql<number>`tries + 1` })
      .where('id', '=', (eb) => eb.selectFrom('jobs').select('id').where('state', '=', 'queued').where('run_at', '<=', now).where('name', 'in', names).orderBy('run_at').orderBy('created_at').limit(1))
      .where('state', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, name: row.name, data: JSON.parse(row.data) as object, attempt: row.tries - 1, startedAt: now, tries: row.tries };
  }

  private async run(job: Job<object> & { name: string; startedAt: number; tries: number }): Promise<void> {
    const handler = this.handlers.get(job.name)!;
    const q = this.options(job.name);
    try {
      await this.settle(job, handler, q);
    } catch (err) {
      // The database went away (closing): the row stays `active` and is queued again at the next start.
      this.opts.log?.error({ err, job: job.name, id: job.id }, 'could not record the end of a job');
    }
  }

  private async settle(job: Job<object> & { name: string; startedAt: number }, handler: JobHandler<object>, q: QueueOptions): Promise<void> {
    // Only while the job is still this run's (an expiry may have given it to another run).
    const mine = (set: Partial<JobsTable>) => this.db.updateTable('jobs').set(set).where('id', '=', job.id).where('state', '=', 'active').where('started_at', '=', job.startedAt).execute();
    try {
      await handler({ id: job.id, data: job.data, attempt: job.attempt });
      await mine({ state: 'done', finished_at: this.clock(), last_error: null });
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const now = this.clock();
      if (job.attempt < q.retryLimit) {
        const delay = retryDelay(q, job.attempt, err instanceof RetryLater ? err.afterMs : undefined);
        await mine({ state: 'queued', run_at: now + delay, last_error: message });
        if (!(err instanceof RetryLater)) this.opts.log?.warn({ err, job: job.name, id: job.id, attempt: job.attempt }, 'job failed: will retry');
      } else {
        await mine({ state: 'failed', finished_at: now, last_error: message });
        this.opts.log?.error({ err, job: job.name, id: job.id, attempt: job.attempt }, 'job failed: no tries left');
      }
    }
  }

  async pending(names: readonly string[]): Promise<number> {
    if (names.length === 0) return 0;
    const row = await this.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('name', 'in', [...names]).where('state', 'in', ['queued', 'active']).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async stop(graceMs = 10_000): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    if (this.pollTimer) clearTimeout(this.pollTimer);
    // Whatever is still running after the grace stays `active` and is queued again at the next start.
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([Promise.allSettled([...this.running]), new Promise<void>((r) => (timeout = setTimeout(r, graceMs)))]);
    clearTimeout(timeout);
  }
}
