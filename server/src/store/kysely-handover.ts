// Handovers of a dossier between the staff of its unit (Mẫu 05), on Kysely (SQLite and
// PostgreSQL). One row per handover; the open one (ended_at null) names the holder. A handover
// is one transaction: the holder's step is closed only if it is still the one the handover was
// decided on, the new step is inserted (unique per dossier and seq) and the audit entry written.
import { StaffRole } from '@hsc/shared';
import { sql, type Kysely, type Migration } from 'kysely';
import { insertAudit } from './rows.ts';
import type { Database } from './schema.ts';
import type { AuditEntry } from './store.ts';

interface HandoversTable {
  id: string;
  dossier_id: string;
  seq: number;
  from_staff_id: string;
  to_staff_id: string;
  handed_at: string;
  due_at: string;
  note: string | null;
  /** When the holder handed it on; null: the current step. */
  ended_at: string | null;
}

interface StaffSpecialistColumn {
  id: string;
  display_name: string;
  role: string;
  unit_code: string | null;
  disabled_at: string | null;
  specialist: number;
}

type Db = Kysely<Database & { handovers: HandoversTable; staff: StaffSpecialistColumn }>;

/**
 * Migration 0016: the handovers, and the specialist flag of a staff account (an officer the desk
 * hands dossiers to; 0 for every account that existed).
 */
export const m0016Handover: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('handovers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('from_staff_id', 'text', (c) => c.notNull())
      .addColumn('to_staff_id', 'text', (c) => c.notNull())
      .addColumn('handed_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('ended_at', 'text')
      .addUniqueConstraint('handovers_dossier_seq', ['dossier_id', 'seq'])
      .execute();
    // "Của tôi": the open steps of a staff member.
    await db.schema.createIndex('handovers_holder').on('handovers').columns(['to_staff_id', 'ended_at']).execute();
    await db.schema.alterTable('staff').addColumn('specialist', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  },
};

export interface HandoverRecord {
  id: string;
  dossierId: string;
  /** 1 for the first handover. */
  seq: number;
  fromStaffId: string;
  toStaffId: string;
  at: string;
  dueAt: string;
  note: string | null;
  endedAt: string | null;
}

export interface UnitStaffMember {
  id: string;
  name: string;
  role: StaffRole;
  unitCode: string | null;
  specialist: boolean;
  disabled: boolean;
}

export interface HandoverStore {
  /** A dossier's handovers, first first. */
  list(dossierId: string): Promise<HandoverRecord[]>;
  /** The open step: who holds the dossier (undefined: nobody was handed it, the desk holds it). */
  current(dossierId: string): Promise<HandoverRecord | undefined>;
  /** Holders of these dossiers (those nobody was handed are absent). */
  holders(dossierIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Closes the open step (it must be seq `h.seq - 1`, or none for the first) and opens `h`, with
   * the audit entry, in one transaction; false when another handover came first.
   */
  hand(h: HandoverRecord, audit: AuditEntry): Promise<boolean>;
  setSpecialist(staffId: string, specialist: boolean): Promise<void>;
  /** A staff member with the flag (undefined: no such account). */
  member(staffId: string): Promise<UnitStaffMember | undefined>;
  /** The accounts of a unit, by name. */
  unitStaff(unitCode: string): Promise<UnitStaffMember[]>;
  /** The ids of every specialist account (the administrator's list says who is one). */
  specialists(): Promise<Set<string>>;
  /** How many handovers the dossiers of these units (null: all) have had, and the last one's time. */
  mark(units: readonly string[] | null): Promise<{ count: number; last: string | null }>;
}

const toRecord = (r: HandoversTable): HandoverRecord => ({
  id: r.id,
  dossierId: r.dossier_id,
  seq: Number(r.seq),
  fromStaffId: r.from_staff_id,
  toStaffId: r.to_staff_id,
  at: r.handed_at,
  dueAt: r.due_at,
  note: r.note,
  endedAt: r.ended_at,
});

const toMember = (r: StaffSpecialistColumn): UnitStaffMember => ({
  id: r.id,
  name: r.display_name,
  role: StaffRole.parse(r.role),
  unitCode: r.unit_code,
  specialist: Number(r.specialist) === 1,
  disabled: !!r.disabled_at,
});

/** Thrown inside the transaction to roll it back when another handover came first. */
class Moved extends Error {}

export class KyselyHandoverStore implements HandoverStore {
  private readonly db: Db;
  constructor(db: Kysely<unknown>) {
    this.db = db as Db;
  }

  async list(dossierId: string): Promise<HandoverRecord[]> {
    return (await this.db.selectFrom('handovers').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute()).map(toRecord);
  }

  async current(dossierId: string): Promise<HandoverRecord | undefined> {
    const r = await this.db.selectFrom('handovers').selectAll().where('dossier_id', '=', dossierId).where('ended_at', 'is', null).executeTakeFirst();
    return r && toRecord(r);
  }

  async holders(dossierIds: readonly string[]): Promise<Map<string, string>> {
    if (dossierIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('handovers')
      .select(['dossier_id', 'to_staff_id'])
      .where('dossier_id', 'in', [...dossierIds])
      .where('ended_at', 'is', null)
      .execute();
    return new Map(rows.map((r) => [r.dossier_id, r.to_staff_id]));
  }

  async hand(h: HandoverRecord, audit: AuditEntry): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (tx) => {
        if (h.seq > 1) {
          const closed = await tx
            .updateTable('handovers')
            .set({ ended_at: h.at })
            .where('dossier_id', '=', h.dossierId)
            .where('seq', '=', h.seq - 1)
            .where('ended_at', 'is', null)
            .executeTakeFirst();
          if (Number(closed.numUpdatedRows) !== 1) throw new Moved();
        }
        // A concurrent first handover (or the same seq) breaks the unique (dossier, seq).
        await tx
          .insertInto('handovers')
          .values({ id: h.id, dossier_id: h.dossierId, seq: h.seq, from_staff_id: h.fromStaffId, to_staff_id: h.toStaffId, handed_at: h.at, due_at: h.dueAt, note: h.note, ended_at: null })
          .execute();
        await insertAudit(tx as unknown as Kysely<Database>, audit);
      });
      return true;
    } catch (e) {
      if (e instanceof Moved) return false;
      const taken = await this.db.selectFrom('handovers').select('id').where('dossier_id', '=', h.dossierId).where('seq', '=', h.seq).executeTakeFirst();
      if (taken && taken.id !== h.id) return false;
      throw e;
    }
  }

  async setSpecialist(staffId: string, specialist: boolean): Promise<void> {
    await this.db.updateTable('staff').set({ specialist: specialist ? 1 : 0 }).where('id', '=', staffId).execute();
  }

  async member(staffId: string): Promise<UnitStaffMember | undefined> {
    const r = await this.db.selectFrom('staff').select(['id', 'display_name', 'role', 'unit_code', 'disabled_at', 'specialist']).where('id', '=', staffId).executeTakeFirst();
    return r && toMember(r);
  }

  async mark(units: readonly string[] | null): Promise<{ count: number; last: string | null }> {
    if (units?.length === 0) return { count: 0, last: null };
    let q = this.db
      .selectFrom('handovers')
      .innerJoin('dossiers', 'dossiers.id', 'handovers.dossier_id')
      .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('handovers.handed_at').as('last')]);
    if (units) q = q.where('dossiers.unit_code', 'in', [...units]);
    const r = await q.executeTakeFirstOrThrow();
    return { count: Number(r.n), last: r.last ?? null };
  }

  async specialists(): Promise<Set<string>> {
    return new Set((await this.db.selectFrom('staff').select('id').where('specialist', '=', 1).execute()).map((r) => r.id));
  }

  async unitStaff(unitCode: string): Promise<UnitStaffMember[]> {
    const rows = await this.db
      .selectFrom('staff')
      .select(['id', 'display_name', 'role', 'unit_code', 'disabled_at', 'specialist'])
      .where('unit_code', '=', unitCode)
      .orderBy('display_name')
      .execute();
    return rows.map(toMember);
  }
}

/** The dossiers a staff member holds, as a condition on `dossiers.id` (the queue's "Của tôi"). */
export const heldBy = (staffId: string) => sql<boolean>`id in (select dossier_id from handovers where to_staff_id = ${staffId} and ended_at is null)`;
