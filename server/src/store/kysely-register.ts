// The reads behind the case register (Mẫu 06) and the day's receipts: dossiers received in a
// period with the dates the register shows, and the Mẫu 01 issued in a period. Reads only, so
// they go straight to the tables rather than through the desk store's interface.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { KyselyStore } from './kysely-store.ts';
import type { Store } from './store.ts';

export interface RegisterSourceRow {
  id: string;
  code: string;
  unitCode: string;
  procedureCode: string;
  procedureVersion: number;
  channel: string;
  status: string;
  /** The submission JSON (the applicant is in it). */
  body: string;
  receivedAt: string;
  dueAt: string;
  finishedAt: string | null;
  rescheduled: boolean;
  /** When the timeline first reached `returned`. */
  returnedAt: string | null;
  /** The Mẫu 01 as issued, when there is one. */
  receipt01: string | null;
  /** Whom the desk first handed the dossier to (Mẫu 05's first step), by name. */
  handedTo: string | null;
}

export class KyselyRegisterStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Dossiers first received in [from, to), of the units (null: all), in the order received. */
  async rows(units: readonly string[] | null, from: string, to: string): Promise<RegisterSourceRow[]> {
    if (units && units.length === 0) return [];
    let q = this.db
      .selectFrom('dossiers')
      .select(['id', 'code', 'unit_code', 'procedure_code', 'procedure_version', 'channel', 'status', 'body', 'received_at', 'due_at', 'finished_at', 'rescheduled'])
      .select((eb) => [
        eb.selectFrom('timeline').select((t) => t.fn.min('timeline.at').as('at')).whereRef('timeline.dossier_id', '=', 'dossiers.id').where('timeline.status', '=', 'returned').as('returned_at'),
        // The first Mẫu 01 (a dossier is accepted once).
        eb.selectFrom('forms').select('forms.body').whereRef('forms.dossier_id', '=', 'dossiers.id').where('forms.kind', '=', '01').orderBy('forms.issued_at').limit(1).as('receipt01'),
        // The handovers table (kysely-handover.ts) is not in the typed schema: plain SQL.
        sql<string | null>`(select s.display_name from handovers h join staff s on s.id = h.to_staff_id where h.dossier_id = dossiers.id order by h.seq limit 1)`.as('handed_to'),
      ])
      .where('received_at', '>=', from)
      .where('received_at', '<', to);
    if (units) q = q.where('unit_code', 'in', [...units]);
    const rows = await q.orderBy('received_at').orderBy('code').execute();
    return rows.map((r) => ({
      id: r.id,
      code: r.code,
      unitCode: r.unit_code,
      procedureCode: r.procedure_code,
      procedureVersion: Number(r.procedure_version),
      channel: r.channel,
      status: r.status,
      body: r.body,
      receivedAt: r.received_at,
      dueAt: r.due_at,
      finishedAt: r.finished_at,
      rescheduled: Number(r.rescheduled) === 1,
      returnedAt: (r.returned_at as string | null) ?? null,
      receipt01: (r.receipt01 as string | null) ?? null,
      handedTo: r.handed_to ?? null,
    }));
  }

  /** The stored text of every form of `kind` issued in [from, to) for the units, by number. */
  async formsIssued(units: readonly string[] | null, kind: string, from: string, to: string): Promise<string[]> {
    if (units && units.length === 0) return [];
    let q = this.db
      .selectFrom('forms')
      .innerJoin('dossiers', 'dossiers.id', 'forms.dossier_id')
      .select(['forms.body'])
      .where('forms.kind', '=', kind)
      .where('forms.issued_at', '>=', from)
      .where('forms.issued_at', '<', to);
    if (units) q = q.where('dossiers.unit_code', 'in', [...units]);
    // Forms issued in one instant (a test's fixed clock) come in the order of their dossiers' codes.
    return (await q.orderBy('forms.issued_at').orderBy('dossiers.code').execute()).map((r) => r.body);
  }
}

/** The register's reads of a store (every store is a KyselyStore; another kind would have none). */
export function registerStore(store: Store): KyselyRegisterStore | undefined {
  return store instanceof KyselyStore ? new KyselyRegisterStore(store.db) : undefined;
}
