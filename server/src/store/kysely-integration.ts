// The province's one-stop system's side of the store: the outbound events (one per status
// change, written in the transaction of the change), the API keys that read them, the webhook
// receivers and the deliveries to them. On Kysely, SQLite and PostgreSQL alike.
import { sql, SqliteAdapter, type Kysely, type Migration, type Transaction } from 'kysely';
import { IntegrationEvent } from '@hsc/shared/integration';
import { portalStatus } from '@hsc/shared/integration';
import type { DossierStatus } from '@hsc/shared';
import type { StoreKind } from './store.ts';

export interface IntegrationEventRecord {
  id: number;
  dossierId: string;
  seq: number;
  /** The event's JSON exactly as it is served and POSTed (every delivery signs these bytes). */
  body: string;
}

export interface ApiKeyRecord {
  id: string;
  name: string;
  /** SHA-256 hex of the key; the key itself is shown once and never stored. */
  keyHash: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface ReceiverRecord {
  id: string;
  name: string;
  url: string;
  /** The HMAC secret, sealed with the key-encryption key (`v1.<iv>.<ct>.<tag>`). */
  sealedSecret: string;
  createdAt: string;
  disabledAt: string | null;
}

/** A delivery claimed by this node until `claimedUntil`: its event and where it goes. */
export interface ClaimedDelivery {
  receiverId: string;
  eventId: number;
  dossierId: string;
  /** Attempts so far, this one included. */
  attempts: number;
  body: string;
  url: string;
  sealedSecret: string;
}

export interface DeliveryRecord {
  receiverId: string;
  eventId: number;
  dossierId: string;
  attempts: number;
  nextAttemptAt: string;
  deliveredAt: string | null;
  lastError: string | null;
}

export interface IntegrationStore {
  /** Events with an id above `after`, in id order. */
  events(after: number, limit: number): Promise<IntegrationEventRecord[]>;
  dossierEvents(dossierId: string): Promise<IntegrationEventRecord[]>;

  addKey(key: ApiKeyRecord): Promise<void>;
  keyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  listKeys(): Promise<ApiKeyRecord[]>;
  /** Revokes the key with this id or name; the number of keys revoked. */
  revokeKey(idOrName: string, at: string): Promise<number>;

  addReceiver(r: ReceiverRecord): Promise<void>;
  listReceivers(): Promise<ReceiverRecord[]>;
  /** Stops deliveries to the receiver with this id or name; the number disabled. */
  disableReceiver(idOrName: string, at: string): Promise<number>;

  /**
   * Claims up to `limit` deliveries due at `now` until `claimUntil`: for each receiver and
   * dossier only the oldest undelivered event, so event n+1 of a dossier never leaves before n
   * was accepted. Rows another node holds are skipped (PostgreSQL `FOR UPDATE SKIP LOCKED`).
   */
  claim(now: string, claimUntil: string, limit: number): Promise<ClaimedDelivery[]>;
  delivered(receiverId: string, eventId: number, at: string): Promise<void>;
  failed(receiverId: string, eventId: number, nextAttemptAt: string, error: string): Promise<void>;
  deliveries(receiverId?: string): Promise<DeliveryRecord[]>;
  /** Per receiver with deliveries waiting: how many, and the most attempts one of them has had. */
  backlog(): Promise<{ receiverId: string; pending: number; maxAttempts: number }[]>;
  /** Deletes the rows of deliveries accepted before `before`; how many. */
  pruneDelivered(before: string): Promise<number>;
}

interface CounterTable {
  name: string;
  last: number | string | bigint;
}
interface EventsTable {
  id: number | string | bigint;
  dossier_id: string;
  seq: number;
  at: string;
  body: string;
}
interface KeysTable {
  id: string;
  name: string;
  key_hash: string;
  created_at: string;
  revoked_at: string | null;
}
interface ReceiversTable {
  id: string;
  name: string;
  url: string;
  sealed_secret: string;
  created_at: string;
  disabled_at: string | null;
}
interface DeliveriesTable {
  receiver_id: string;
  event_id: number | string | bigint;
  dossier_id: string;
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  delivered_at: string | null;
  last_error: string | null;
}
interface UnitsRow {
  code: string;
  name: string;
  agency_id: string;
}
interface Db {
  integration_counter: CounterTable;
  integration_events: EventsTable;
  integration_keys: KeysTable;
  integration_receivers: ReceiversTable;
  integration_deliveries: DeliveriesTable;
  units: UnitsRow;
}

/** Migration 0015: events, API keys, webhook receivers and their deliveries. */
export const m0015Integration: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    const big = sqlite ? 'integer' : 'bigint';
    await db.schema
      .createTable('integration_counter')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('last', big, (c) => c.notNull())
      .execute();
    // No foreign key to dossiers: the purge deletes dossiers withdrawn before acceptance, and the
    // events the province already has stay as they were sent.
    await db.schema
      .createTable('integration_events')
      .addColumn('id', big, (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addUniqueConstraint('integration_events_dossier_seq', ['dossier_id', 'seq'])
      .execute();
    await db.schema
      .createTable('integration_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createTable('integration_receivers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('sealed_secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createTable('integration_deliveries')
      .addColumn('receiver_id', 'text', (c) => c.notNull().references('integration_receivers.id'))
      .addColumn('event_id', big, (c) => c.notNull().references('integration_events.id'))
      .addColumn('dossier_id', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('delivered_at', 'text')
      .addColumn('last_error', 'text')
      .addPrimaryKeyConstraint('integration_deliveries_pk', ['receiver_id', 'event_id'])
      .execute();
    // The claim's two questions: what is due, and is an older event of the dossier still waiting.
    await db.schema.createIndex('integration_deliveries_due').on('integration_deliveries').columns(['delivered_at', 'next_attempt_at']).execute();
    await db.schema.createIndex('integration_deliveries_dossier').on('integration_deliveries').columns(['receiver_id', 'dossier_id', 'event_id']).execute();
    await backfillEvents(db as never);
  },
};

/**
 * Dossiers that exist when 0015 runs get one event each (action `migrated`): their status at
 * the upgrade, at the time of their last step, so the province's system learns of every dossier
 * in progress, not only of those that change again. Ids in order of receipt.
 */
export async function backfillEvents(db: Kysely<Db & { dossiers: EventSource; timeline: { dossier_id: string; at: string } }>): Promise<void> {
  const rows = await db
    .selectFrom('dossiers as d')
    .leftJoin('units as u', 'u.code', 'd.unit_code')
    .select(['d.id', 'd.code', 'd.unit_code', 'd.procedure_code', 'd.procedure_version', 'd.channel', 'd.status', 'd.received_at', 'd.due_at', 'u.name as unit_name', 'u.agency_id'])
    .select((eb) => eb.selectFrom('timeline as t').select((t) => t.fn.max('t.at').as('at')).whereRef('t.dossier_id', '=', 'd.id').as('last_at'))
    .orderBy('d.received_at')
    .orderBy('d.id')
    .execute();
  if (rows.length === 0) return;
  const values = rows.map((d, i) => {
    const status = d.status as DossierStatus;
    const at = d.last_at ?? d.received_at;
    const event = IntegrationEvent.parse({
      id: i + 1,
      seq: 1,
      type: 'dossier.status',
      action: 'migrated',
      dossierId: d.id,
      dossierCode: d.code,
      unitCode: d.unit_code,
      unitName: d.unit_name ?? '',
      agencyId: d.agency_id ?? '',
      procedureCode: d.procedure_code,
      procedureVersion: Number(d.procedure_version),
      channel: d.channel === 'desk' ? 'desk' : 'online',
      status,
      portalStatus: portalStatus(status),
      at,
      receivedAt: d.received_at,
      dueAt: d.due_at,
    });
    return { id: event.id, dossier_id: d.id, seq: 1, at, body: JSON.stringify(event) };
  });
  for (let i = 0; i < values.length; i += 500) await db.insertInto('integration_events').values(values.slice(i, i + 500)).execute();
  await db.insertInto('integration_counter').values({ name: 'events', last: values.length }).execute();
}

/** What the event of a change is made from: the dossier row as the change left it. */
export interface EventSource {
  id: string;
  code: string;
  unit_code: string;
  procedure_code: string;
  procedure_version: number;
  channel: string;
  status: string;
  received_at: string;
  due_at: string;
}

/**
 * Writes the event of a status change inside the change's transaction, and a delivery row for
 * every active receiver. Call it last in the transaction: the counter row it takes is held
 * until commit, so two changes committing at once get ids in commit order and a reader of the
 * feed never sees id n+1 before n (an id taken by a transaction that rolls back is given again).
 */
export async function recordEvent(txAny: Transaction<unknown>, d: EventSource, action: string, at: string): Promise<void> {
  const tx = txAny as unknown as Transaction<Db>;
  const { last } = await tx
    .insertInto('integration_counter')
    .values({ name: 'events', last: 1 })
    .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ last: eb('integration_counter.last', '+', 1) })))
    .returning('last')
    .executeTakeFirstOrThrow();
  const id = Number(last);
  const { max } = await tx
    .selectFrom('integration_events')
    .select((eb) => eb.fn.max('seq').as('max'))
    .where('dossier_id', '=', d.id)
    .executeTakeFirstOrThrow();
  const unit = await tx.selectFrom('units').select(['name', 'agency_id']).where('code', '=', d.unit_code).executeTakeFirst();
  const status = d.status as DossierStatus;
  const event: IntegrationEvent = IntegrationEvent.parse({
    id,
    seq: Number(max ?? 0) + 1,
    type: 'dossier.status',
    action,
    dossierId: d.id,
    dossierCode: d.code,
    unitCode: d.unit_code,
    unitName: unit?.name ?? '',
    agencyId: unit?.agency_id ?? '',
    procedureCode: d.procedure_code,
    procedureVersion: Number(d.procedure_version),
    channel: d.channel === 'desk' ? 'desk' : 'online',
    status,
    portalStatus: portalStatus(status),
    at,
    receivedAt: d.received_at,
    dueAt: d.due_at,
  });
  await tx.insertInto('integration_events').values({ id, dossier_id: d.id, seq: event.seq, at, body: JSON.stringify(event) }).execute();
  const receivers = await tx.selectFrom('integration_receivers').select('id').where('disabled_at', 'is', null).execute();
  for (const r of receivers) {
    await tx
      .insertInto('integration_deliveries')
      .values({ receiver_id: r.id, event_id: id, dossier_id: d.id, attempts: 0, next_attempt_at: at, claimed_until: null, delivered_at: null, last_error: null })
      .execute();
  }
}

const toEvent = (r: EventsTable): IntegrationEventRecord => ({ id: Number(r.id), dossierId: r.dossier_id, seq: Number(r.seq), body: r.body });
const toKey = (r: KeysTable): ApiKeyRecord => ({ id: r.id, name: r.name, keyHash: r.key_hash, createdAt: r.created_at, revokedAt: r.revoked_at });
const toReceiver = (r: ReceiversTable): ReceiverRecord => ({ id: r.id, name: r.name, url: r.url, sealedSecret: r.sealed_secret, createdAt: r.created_at, disabledAt: r.disabled_at });

export class KyselyIntegrationStore implements IntegrationStore {
  private readonly db: Kysely<Db>;
  constructor(
    db: Kysely<never>,
    private readonly kind: StoreKind,
  ) {
    this.db = db as unknown as Kysely<Db>;
  }

  async events(after: number, limit: number): Promise<IntegrationEventRecord[]> {
    const rows = await this.db.selectFrom('integration_events').selectAll().where('id', '>', after).orderBy('id').limit(limit).execute();
    return rows.map(toEvent);
  }

  async dossierEvents(dossierId: string): Promise<IntegrationEventRecord[]> {
    return (await this.db.selectFrom('integration_events').selectAll().where('dossier_id', '=', dossierId).orderBy('seq').execute()).map(toEvent);
  }

  async addKey(k: ApiKeyRecord): Promise<void> {
    await this.db.insertInto('integration_keys').values({ id: k.id, name: k.name, key_hash: k.keyHash, created_at: k.createdAt, revoked_at: k.revokedAt }).execute();
  }

  async keyByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('integration_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    return row && toKey(row);
  }

  async listKeys(): Promise<ApiKeyRecord[]> {
    return (await this.db.selectFrom('integration_keys').selectAll().orderBy('created_at').execute()).map(toKey);
  }

  async revokeKey(idOrName: string, at: string): Promise<number> {
    const r = await this.db
      .updateTable('integration_keys')
      .set({ revoked_at: at })
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async addReceiver(r: ReceiverRecord): Promise<void> {
    await this.db
      .insertInto('integration_receivers')
      .values({ id: r.id, name: r.name, url: r.url, sealed_secret: r.sealedSecret, created_at: r.createdAt, disabled_at: r.disabledAt })
      .execute();
  }

  async listReceivers(): Promise<ReceiverRecord[]> {
    return (await this.db.selectFrom('integration_receivers').selectAll().orderBy('created_at').execute()).map(toReceiver);
  }

  async disableReceiver(idOrName: string, at: string): Promise<number> {
    const r = await this.db
      .updateTable('integration_receivers')
      .set({ disabled_at: at })
      .where((eb) => eb.or([eb('id', '=', idOrName), eb('name', '=', idOrName)]))
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  }

  async claim(now: string, claimUntil: string, limit: number): Promise<ClaimedDelivery[]> {
    // SQLite is one process whose statements run one at a time: the UPDATE is the claim.
    const lock = this.kind === 'postgres' ? sql`for update of d1 skip locked` : sql``;
    const { rows } = await sql<{ receiver_id: string; event_id: number | string; dossier_id: string; attempts: number }>`
      update integration_deliveries set claimed_until = ${claimUntil}, attempts = attempts + 1
      where (receiver_id, event_id) in (
        select d1.receiver_id, d1.event_id from integration_deliveries d1
        join integration_receivers r on r.id = d1.receiver_id and r.disabled_at is null
        where d1.delivered_at is null and d1.next_attempt_at <= ${now}
          and (d1.claimed_until is null or d1.claimed_until <= ${now})
          and not exists (
            select 1 from integration_deliveries d0
            where d0.receiver_id = d1.receiver_id and d0.dossier_id = d1.dossier_id
              and d0.event_id < d1.event_id and d0.delivered_at is null)
        order by d1.event_id
        limit ${limit}
        ${lock})
      returning receiver_id, event_id, dossier_id, attempts`.execute(this.db);
    if (rows.length === 0) return [];
    const ids = [...new Set(rows.map((r) => Number(r.event_id)))];
    const events = new Map((await this.db.selectFrom('integration_events').select(['id', 'body']).where('id', 'in', ids).execute()).map((e) => [Number(e.id), e.body]));
    const receivers = new Map((await this.listReceivers()).map((r) => [r.id, r]));
    return rows
      .map((r) => {
        const receiver = receivers.get(r.receiver_id)!;
        return {
          receiverId: r.receiver_id,
          eventId: Number(r.event_id),
          dossierId: r.dossier_id,
          attempts: Number(r.attempts),
          body: events.get(Number(r.event_id))!,
          url: receiver.url,
          sealedSecret: receiver.sealedSecret,
        };
      })
      .sort((a, b) => a.eventId - b.eventId);
  }

  async delivered(receiverId: string, eventId: number, at: string): Promise<void> {
    await this.db
      .updateTable('integration_deliveries')
      .set({ delivered_at: at, claimed_until: null, last_error: null })
      .where('receiver_id', '=', receiverId)
      .where('event_id', '=', eventId)
      .execute();
  }

  async failed(receiverId: string, eventId: number, nextAttemptAt: string, error: string): Promise<void> {
    await this.db
      .updateTable('integration_deliveries')
      .set({ next_attempt_at: nextAttemptAt, claimed_until: null, last_error: error.slice(0, 500) })
      .where('receiver_id', '=', receiverId)
      .where('event_id', '=', eventId)
      .where('delivered_at', 'is', null)
      .execute();
  }

  async backlog(): Promise<{ receiverId: string; pending: number; maxAttempts: number }[]> {
    const rows = await this.db
      .selectFrom('integration_deliveries')
      .select((eb) => ['receiver_id', eb.fn.countAll<number | string>().as('n'), eb.fn.max('attempts').as('max')])
      .where('delivered_at', 'is', null)
      .groupBy('receiver_id')
      .execute();
    return rows.map((r) => ({ receiverId: r.receiver_id, pending: Number(r.n), maxAttempts: Number(r.max) }));
  }

  async pruneDelivered(before: string): Promise<number> {
    const r = await this.db.deleteFrom('integration_deliveries').where('delivered_at', 'is not', null).where('delivered_at', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async deliveries(receiverId?: string): Promise<DeliveryRecord[]> {
    let q = this.db.selectFrom('integration_deliveries').selectAll();
    if (receiverId) q = q.where('receiver_id', '=', receiverId);
    const rows = await q.orderBy('event_id').execute();
    return rows.map((r) => ({
      receiverId: r.receiver_id,
      eventId: Number(r.event_id),
      dossierId: r.dossier_id,
      attempts: Number(r.attempts),
      nextAttemptAt: r.next_attempt_at,
      deliveredAt: r.delivered_at,
      lastError: r.last_error,
    }));
  }
}
