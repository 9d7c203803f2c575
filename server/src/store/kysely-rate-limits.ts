// Request counters on Kysely (SQLite and PostgreSQL), so a limit counts what every API node
// saw, not one process's share: one row per key with its window and count, moved by a single
// INSERT … ON CONFLICT DO UPDATE (atomic on both databases, so concurrent requests on several
// nodes each get their own number). Ended windows are deleted by `prune`.
import { sql, type Kysely, type Migration } from 'kysely';

export interface CounterHit {
  /** The count in the window, this hit included. */
  count: number;
  /** When the window ends (ms since the epoch). */
  resetAt: number;
}

export interface CounterStore {
  /**
   * Adds `by` to the key's count and returns it. A window starts at the first hit and lasts
   * `windowMs`; a hit after it ended starts the next one at `nowMs`.
   */
  hit(key: string, windowMs: number, nowMs: number, by?: number): Promise<CounterHit>;
  /** The key's count in its current window (0 when it has none or it ended). */
  peek(key: string, nowMs: number): Promise<CounterHit>;
  /** Takes one back (a success that should not count), never below zero. */
  release(key: string, nowMs: number): Promise<void>;
  reset(key: string): Promise<void>;
  /** The keys starting with `prefix` whose window is running at `nowMs` with at least `min` hits. */
  active(prefix: string, min: number, nowMs: number): Promise<(CounterHit & { key: string })[]>;
  /** Deletes the windows that ended at or before `nowMs`; returns how many. */
  prune(nowMs: number): Promise<number>;
}

interface RateLimitsTable {
  key: string;
  window_end: number | string;
  count: number;
}
type LimitsDb = Kysely<{ rate_limits: RateLimitsTable }>;

/**
 * Migration 0012: the counters (the window's end indexed for the prune). The login throttle
 * counts here now, so `login_failures` (one row per failure) goes.
 */
export const m0012RateLimits: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.dropTable('login_failures').ifExists().execute();
    await db.schema
      .createTable('rate_limits')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_end', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('rate_limits_window_end').on('rate_limits').column('window_end').execute();
  },
};

export class KyselyCounterStore implements CounterStore {
  private readonly db: LimitsDb;
  constructor(db: Kysely<never>) {
    this.db = db as unknown as LimitsDb;
  }

  async hit(key: string, windowMs: number, nowMs: number, by = 1): Promise<CounterHit> {
    const now = Math.floor(nowMs);
    const end = now + Math.max(1, Math.floor(windowMs));
    // Every SET expression reads the row as it was before this statement, on both databases.
    // The casts give PostgreSQL the parameters' types inside CASE.
    const ended = sql<boolean>`rate_limits.window_end <= cast(${now} as bigint)`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, window_end: end, count: by })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when ${ended} then cast(${by} as integer) else rate_limits.count + cast(${by} as integer) end`,
          window_end: sql<number>`case when ${ended} then cast(${end} as bigint) else rate_limits.window_end end`,
        }),
      )
      .returning(['count', 'window_end'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetAt: Number(row.window_end) };
  }

  async peek(key: string, nowMs: number): Promise<CounterHit> {
    const row = await this.db.selectFrom('rate_limits').select(['count', 'window_end']).where('key', '=', key).executeTakeFirst();
    if (!row || Number(row.window_end) <= nowMs) return { count: 0, resetAt: 0 };
    return { count: Number(row.count), resetAt: Number(row.window_end) };
  }

  async release(key: string, nowMs: number): Promise<void> {
    await this.db
      .updateTable('rate_limits')
      .set({ count: sql<number>`rate_limits.count - 1` })
      .where('key', '=', key)
      .where('count', '>', 0)
      .where('window_end', '>', Math.floor(nowMs))
      .execute();
  }

  async reset(key: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', key).execute();
  }

  async active(prefix: string, min: number, nowMs: number): Promise<(CounterHit & { key: string })[]> {
    // The prefix is ours (login:user:, login:ip:), never typed by anyone: no LIKE wildcards in it.
    const rows = await this.db
      .selectFrom('rate_limits')
      .select(['key', 'count', 'window_end'])
      .where('key', 'like', `${prefix}%`)
      .where('window_end', '>', Math.floor(nowMs))
      .where('count', '>=', min)
      .orderBy('key')
      .limit(500)
      .execute();
    return rows.map((r) => ({ key: r.key, count: Number(r.count), resetAt: Number(r.window_end) }));
  }

  async prune(nowMs: number): Promise<number> {
    const r = await this.db.deleteFrom('rate_limits').where('window_end', '<=', Math.floor(nowMs)).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}
