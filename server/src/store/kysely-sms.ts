// SmsStore on Kysely (SQLite and PostgreSQL): one row per dossier.
import type { Kysely, Migration } from 'kysely';
import type { SmsOptInRecord, SmsStore } from './sms-store.ts';

interface SmsTable {
  dossier_id: string;
  phone: string;
  lang: string;
  by_kind: string;
  staff_id: string | null;
  created_at: string;
}
type SmsDb = Kysely<{ sms_optins: SmsTable }>;

/** Migration 0018: the opt-ins (removed with their dossier by the purge). */
export const m0018Sms: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sms_optins')
      .addColumn('dossier_id', 'text', (c) => c.primaryKey().references('dossiers.id'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('by_kind', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};

export class KyselySmsStore implements SmsStore {
  private readonly db: SmsDb;
  constructor(db: Kysely<never>) {
    this.db = db as unknown as SmsDb;
  }

  async save(o: SmsOptInRecord): Promise<void> {
    const row = { phone: o.phone, lang: o.lang, by_kind: o.by, staff_id: o.staffId, created_at: o.createdAt };
    await this.db
      .insertInto('sms_optins')
      .values({ dossier_id: o.dossierId, ...row })
      .onConflict((oc) => oc.column('dossier_id').doUpdateSet(row))
      .execute();
  }

  async get(dossierId: string): Promise<SmsOptInRecord | undefined> {
    const r = await this.db.selectFrom('sms_optins').selectAll().where('dossier_id', '=', dossierId).executeTakeFirst();
    return r && { dossierId: r.dossier_id, phone: r.phone, lang: r.lang, by: r.by_kind === 'staff' ? 'staff' : 'device', staffId: r.staff_id, createdAt: r.created_at };
  }

  async remove(dossierId: string): Promise<boolean> {
    const res = await this.db.deleteFrom('sms_optins').where('dossier_id', '=', dossierId).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }
}
