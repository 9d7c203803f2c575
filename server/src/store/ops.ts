// What the operator's checks read from the store: a trivial query for readiness, and the
// queue's figures for /metrics (one grouped query over the open dossiers, no personal data:
// units, statuses, counts and ages only).
import { CLOCK_STATUSES } from '@hsc/shared';
import { sql, type Kysely } from 'kysely';
import { KyselyStore } from './kysely-store.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export interface QueueRow {
  unitCode: string;
  status: string;
  /** Dossiers of this unit in this status. */
  count: number;
  /** The earliest `clock_from` (the receipt, or the last resubmission) among them. */
  oldestClockFrom: string;
  /** Those past their due date. */
  overdue: number;
}

export interface OpsStore {
  /** `SELECT 1`; rejects when the store cannot answer (closed, unreachable). */
  ping(): Promise<void>;
  /** The dossiers whose clock runs (shared `CLOCK_STATUSES`), per unit and status. */
  queue(now: Date): Promise<QueueRow[]>;
}

export class KyselyOpsStore implements OpsStore {
  constructor(private readonly db: Kysely<Database>) {}

  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }

  async queue(now: Date): Promise<QueueRow[]> {
    const nowIso = now.toISOString();
    const rows = await this.db
      .selectFrom('dossiers')
      .select((eb) => [
        'unit_code',
        'status',
        eb.fn.countAll<number | string>().as('n'),
        eb.fn.min('clock_from').as('oldest'),
        // Instants are ISO text in UTC (the store writes toISOString()), so text order is time order.
        sql<number | string>`SUM(CASE WHEN due_at < ${nowIso} THEN 1 ELSE 0 END)`.as('overdue'),
      ])
      .where('status', 'in', [...CLOCK_STATUSES])
      .groupBy(['unit_code', 'status'])
      .execute();
    return rows.map((r) => ({ unitCode: r.unit_code, status: r.status, count: Number(r.n), oldestClockFrom: String(r.oldest), overdue: Number(r.overdue) }));
  }
}

/** The ops view of a store (every store is a KyselyStore; another kind would have none). */
export function opsStore(store: Store): OpsStore | undefined {
  return store instanceof KyselyStore ? new KyselyOpsStore(store.db) : undefined;
}
