// PushStore on Kysely (SQLite and PostgreSQL): one table, upserted by (dossier, endpoint).
import type { Kysely, Migration } from 'kysely';
import type { PushStore, PushSubscriptionRecord } from './push-store.ts';

interface PushTable {
  dossier_id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  lang: string;
  created_at: string;
}
type PushDb = Kysely<{ push_subscriptions: PushTable }>;

/** Migration 0003: the subscriptions table (no foreign key needed: rows die with their endpoint). */
export const m0003Push: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('push_subscriptions')
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('endpoint', 'text', (c) => c.notNull())
      .addColumn('p256dh', 'text', (c) => c.notNull())
      .addColumn('auth', 'text', (c) => c.notNull())
      .addColumn('lang', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('push_subscriptions_pk', ['dossier_id', 'endpoint'])
      .execute();
    await db.schema.createIndex('push_subscriptions_endpoint').on('push_subscriptions').column('endpoint').execute();
  },
};

export class KyselyPushStore implements PushStore {
  private readonly db: PushDb;
  constructor(db: Kysely<never>) {
    this.db = db as unknown as PushDb;
  }

  async save(s: PushSubscriptionRecord): Promise<void> {
    await this.db
      .insertInto('push_subscriptions')
      .values({ dossier_id: s.dossierId, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, lang: s.lang, created_at: s.createdAt })
      .onConflict((oc) => oc.columns(['dossier_id', 'endpoint']).doUpdateSet({ p256dh: s.p256dh, auth: s.auth, lang: s.lang }))
      .execute();
  }

  async forDossier(dossierId: string): Promise<PushSubscriptionRecord[]> {
    const rows = await this.db.selectFrom('push_subscriptions').selectAll().where('dossier_id', '=', dossierId).orderBy('created_at').orderBy('endpoint').execute();
    return rows.map((r) => ({ dossierId: r.dossier_id, endpoint: r.endpoint, p256dh: r.p256dh, auth: r.auth, lang: r.lang, createdAt: r.created_at }));
  }

  async removeEndpoint(endpoint: string): Promise<void> {
    await this.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint).execute();
  }
}
