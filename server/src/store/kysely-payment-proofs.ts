// Transfer photos a citizen sends for a requested fee, on Kysely (SQLite and PostgreSQL). One
// row per proof, keyed by the id the device made, so a resend finds the first answer.
import type { Kysely, Migration } from 'kysely';

export interface PaymentProofRecord {
  id: string;
  dossierId: string;
  attachmentId: string;
  /** SHA-256 of the canonical request body: a resend with the same body gets the same receipt. */
  bodyHash: string;
  /** The signed receipt, exactly as issued. */
  receipt: string;
  receivedAt: string;
}

export interface PaymentProofStore {
  get(id: string): Promise<PaymentProofRecord | undefined>;
  /** A dossier's proofs, oldest first. */
  list(dossierId: string): Promise<PaymentProofRecord[]>;
  /** Inserts unless the id exists; answers the row that is stored either way. */
  add(p: PaymentProofRecord): Promise<PaymentProofRecord>;
  /** Whether a proof holds this attachment (it is then part of a receipt and never replaced). */
  holds(attachmentId: string): Promise<boolean>;
}

interface PaymentProofsTable {
  id: string;
  dossier_id: string;
  attachment_id: string;
  body_hash: string;
  receipt: string;
  received_at: string;
}

interface Db {
  payment_proofs: PaymentProofsTable;
}

/** Migration 0010: the transfer photos. */
export const m0010PaymentProofs: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('payment_proofs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
      .addColumn('attachment_id', 'text', (c) => c.notNull().unique().references('attachments.id'))
      .addColumn('body_hash', 'text', (c) => c.notNull())
      .addColumn('receipt', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('payment_proofs_dossier').on('payment_proofs').column('dossier_id').execute();
  },
};

const toRecord = (r: PaymentProofsTable): PaymentProofRecord => ({
  id: r.id,
  dossierId: r.dossier_id,
  attachmentId: r.attachment_id,
  bodyHash: r.body_hash,
  receipt: r.receipt,
  receivedAt: r.received_at,
});

export class KyselyPaymentProofStore implements PaymentProofStore {
  private readonly db: Kysely<Db>;
  constructor(db: Kysely<never>) {
    this.db = db as unknown as Kysely<Db>;
  }

  async get(id: string): Promise<PaymentProofRecord | undefined> {
    const r = await this.db.selectFrom('payment_proofs').selectAll().where('id', '=', id).executeTakeFirst();
    return r && toRecord(r);
  }

  async list(dossierId: string): Promise<PaymentProofRecord[]> {
    return (await this.db.selectFrom('payment_proofs').selectAll().where('dossier_id', '=', dossierId).orderBy('received_at').orderBy('id').execute()).map(toRecord);
  }

  async add(p: PaymentProofRecord): Promise<PaymentProofRecord> {
    await this.db
      .insertInto('payment_proofs')
      .values({ id: p.id, dossier_id: p.dossierId, attachment_id: p.attachmentId, body_hash: p.bodyHash, receipt: p.receipt, received_at: p.receivedAt })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return (await this.get(p.id))!;
  }

  async holds(attachmentId: string): Promise<boolean> {
    return !!(await this.db.selectFrom('payment_proofs').select('id').where('attachment_id', '=', attachmentId).executeTakeFirst());
  }
}
