// Each unit's payee account on Kysely (SQLite and PostgreSQL): one row per unit, upserted.
import type { Kysely, Migration } from 'kysely';
import type { Database } from './schema.ts';

export interface PayeeRecord {
  unitCode: string;
  bankBin: string;
  accountNumber: string;
  accountName: string;
  updatedAt: string;
  updatedBy: string | null;
}

export interface PayeeStore {
  get(unitCode: string): Promise<PayeeRecord | undefined>;
  /** Insert or replace the unit's account. */
  put(p: PayeeRecord): Promise<void>;
  /** Sets the account only where the unit has none (the demo seed never overwrites an admin's). */
  seed(p: PayeeRecord): Promise<void>;
  /** Fees marked paid within [from, to) in these units (null: all), from the dossiers' payment records. */
  paidFees(units: readonly string[] | null, from: string, to: string): Promise<{ unitCode: string; paidAt: string; amount: number }[]>;
}

/** Migration 0006: the payee table, one row per unit. */
export const m0006Payees: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('unit_payees')
      .addColumn('unit_code', 'text', (c) => c.primaryKey().references('units.code'))
      .addColumn('bank_bin', 'text', (c) => c.notNull())
      .addColumn('account_number', 'text', (c) => c.notNull())
      .addColumn('account_name', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
  },
};

const row = (p: PayeeRecord) => ({
  unit_code: p.unitCode,
  bank_bin: p.bankBin,
  account_number: p.accountNumber,
  account_name: p.accountName,
  updated_at: p.updatedAt,
  updated_by: p.updatedBy,
});

export class KyselyPayeeStore implements PayeeStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(unitCode: string): Promise<PayeeRecord | undefined> {
    const r = await this.db.selectFrom('unit_payees').selectAll().where('unit_code', '=', unitCode).executeTakeFirst();
    return r && { unitCode: r.unit_code, bankBin: r.bank_bin, accountNumber: r.account_number, accountName: r.account_name, updatedAt: r.updated_at, updatedBy: r.updated_by };
  }

  async put(p: PayeeRecord): Promise<void> {
    const { unit_code: _, ...set } = row(p);
    await this.db.insertInto('unit_payees').values(row(p)).onConflict((oc) => oc.column('unit_code').doUpdateSet(set)).execute();
  }

  async paidFees(units: readonly string[] | null, from: string, to: string): Promise<{ unitCode: string; paidAt: string; amount: number }[]> {
    if (units?.length === 0) return [];
    let q = this.db.selectFrom('dossiers').select(['unit_code', 'payment']).where('payment', 'is not', null);
    if (units) q = q.where('unit_code', 'in', units);
    // The payment is JSON text on both databases; the few paid fees of a period are read in code.
    const out: { unitCode: string; paidAt: string; amount: number }[] = [];
    for (const r of await q.execute()) {
      const p = JSON.parse(r.payment!) as { amount: number; paidAt?: string; paidAmount?: number };
      if (p.paidAt && p.paidAt >= from && p.paidAt < to) out.push({ unitCode: r.unit_code, paidAt: p.paidAt, amount: p.paidAmount ?? p.amount });
    }
    return out;
  }

  async seed(p: PayeeRecord): Promise<void> {
    await this.db.insertInto('unit_payees').values(row(p)).onConflict((oc) => oc.column('unit_code').doNothing()).execute();
  }
}
