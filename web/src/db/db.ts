// The Dexie schema: the only place that knows IndexedDB. Stored data carries its schema version;
// a new version adds `this.version(n).stores(...).upgrade(...)` below and never edits an old one,
// so a phone that skipped releases still migrates forward step by step.
import { Dexie, type EntityTable, type IDType } from 'dexie';
import type { AttachmentRecord, DossierRecord, DossierState, LeaseRecord, MetaRecord, PaymentProofRecord, Procedure, ResultRecord, SettingsRecord, SupplementRecord, Unit } from './types.ts';

export const DB_NAME = 'ho-so-cong';

export class HscDatabase extends Dexie {
  procedures!: EntityTable<Procedure, 'code'>;
  units!: EntityTable<Unit, 'code'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  dossiers!: EntityTable<DossierRecord, 'id'>;
  attachments!: EntityTable<AttachmentRecord, 'id'>;
  settings!: EntityTable<SettingsRecord, 'key'>;
  leases!: EntityTable<LeaseRecord, 'name'>;
  supplements!: EntityTable<SupplementRecord, 'id'>;
  results!: EntityTable<ResultRecord, 'dossierId'>;
  paymentProofs!: EntityTable<PaymentProofRecord, 'id'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      procedures: 'code',
      units: 'code',
      meta: 'key',
      dossiers: 'id, state, updatedAt',
      attachments: 'id, dossierId, [dossierId+slot]',
      settings: 'key',
    });
    // v2: photos are shrunk at capture, so a page records what was picked and whether the
    // stored bytes are the shrunk copy; `leases` lets browsers without Web Locks share the
    // outbox between tabs. Every v1 page was stored exactly as picked.
    this.version(2)
      .stores({ leases: 'name' })
      .upgrade((tx) =>
        tx
          .table<AttachmentRecord>('attachments')
          .toCollection()
          .modify((a) => {
            a.originalSize ??= a.size;
            a.shrunk ??= false;
          }),
      );
    // v3 (Desk): answers to supplement requests and their pages (`supplementId`), result
    // documents kept for offline reading, and walk-in dossiers of a shared desk device
    // (`channel`, `walkinSession`). Existing records need no change: every new field is optional
    // and a v2 dossier is a citizen's own dossier.
    this.version(3).stores({
      supplements: 'id, dossierId, requestId, state',
      results: 'dossierId',
      attachments: 'id, dossierId, [dossierId+slot], supplementId',
      dossiers: 'id, state, updatedAt, walkinSession',
    });
    // v4: photos of bank transfers sent for a fee, and their pages (`proofId`). Nothing to
    // change in existing records.
    this.version(4).stores({
      paymentProofs: 'id, dossierId, state',
      attachments: 'id, dossierId, [dossierId+slot], supplementId, proofId',
    });
  }
}

export const db = new HscDatabase();

/**
 * Changes an outbox entry of `table` (an answer to a supplement request, a transfer photo) only
 * while its state is one of `from`, in one transaction: a second tab, or a reply that comes after
 * the person moved it on, changes nothing. True when it was changed.
 */
export async function updateWhileIn<T extends { id: string; state: DossierState; updatedAt: number }>(
  table: EntityTable<T, 'id'>,
  id: IDType<T, 'id'>,
  changes: Partial<T>,
  now: number,
  from: readonly T['state'][],
): Promise<boolean> {
  return db.transaction('rw', table, async () => {
    const row = await table.get(id);
    if (!row || !from.includes(row.state)) return false;
    await table.put({ ...row, ...changes, updatedAt: now });
    return true;
  });
}
