// What the purge removes, in SQL both databases share. Only two kinds of rows ever go: pages
// uploaded for a dossier that never arrived, and dossiers withdrawn before the commune accepted
// them. A dossier that was ever accepted is a legal record and is never touched here.
import { DossierStatus } from '@hsc/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Statuses a dossier can only reach once the commune has accepted it. */
const AFTER_ACCEPTANCE = DossierStatus.options.filter((s) => !['registered', 'supplement_requested', 'refused', 'withdrawn'].includes(s));

interface PushTable {
  push_subscriptions: { dossier_id: string };
  sms_optins: { dossier_id: string };
}

export interface PurgeStore {
  /** Pages stored before `before` for a dossier id that no dossier has: their blob keys. Rows are deleted. */
  deleteOrphanAttachments(before: string): Promise<string[]>;
  /** Dossiers withdrawn before `before` and never accepted: removed whole; their blob keys. */
  deleteWithdrawnUnaccepted(before: string): Promise<{ dossiers: number; keys: string[] }>;
}

export class KyselyPurgeStore implements PurgeStore {
  constructor(private readonly db: Kysely<Database>) {}

  async deleteOrphanAttachments(before: string): Promise<string[]> {
    // One statement: the "no dossier" check and the delete cannot be split by a PUT in between.
    const rows = await this.db
      .deleteFrom('attachments')
      .where('stored_at', '<', before)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dossiers').select('dossiers.id').whereRef('dossiers.id', '=', 'attachments.dossier_id'))))
      .returning('path')
      .execute();
    return rows.map((r) => r.path);
  }

  async deleteWithdrawnUnaccepted(before: string): Promise<{ dossiers: number; keys: string[] }> {
    const ids = (
      await this.db
        .selectFrom('dossiers')
        .select('id')
        .where('status', '=', 'withdrawn')
        .where(({ exists, selectFrom }) =>
          exists(selectFrom('timeline').select('timeline.seq').whereRef('timeline.dossier_id', '=', 'dossiers.id').where('timeline.status', '=', 'withdrawn').where('timeline.at', '<', before)),
        )
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('timeline').select('timeline.seq').whereRef('timeline.dossier_id', '=', 'dossiers.id').where('timeline.status', 'in', AFTER_ACCEPTANCE))),
        )
        .execute()
    ).map((r) => r.id);
    const keys: string[] = [];
    for (const id of ids) keys.push(...(await this.db.transaction().execute((tx) => removeDossier(tx, id))));
    return { dossiers: ids.length, keys };
  }
}

async function removeDossier(tx: Transaction<Database>, id: string): Promise<string[]> {
  await tx.deleteFrom('dossier_documents').where('dossier_id', '=', id).execute();
  await tx.deleteFrom('supplements').where('dossier_id', '=', id).execute();
  await tx.deleteFrom('forms').where('dossier_id', '=', id).execute();
  const results = await tx.deleteFrom('results').where('dossier_id', '=', id).returning('path').execute();
  await tx.deleteFrom('timeline').where('dossier_id', '=', id).execute();
  await (tx as unknown as Transaction<PushTable>).deleteFrom('push_subscriptions').where('dossier_id', '=', id).execute();
  // The phone an SMS went to is personal data: it goes with the dossier.
  await (tx as unknown as Transaction<PushTable>).deleteFrom('sms_optins').where('dossier_id', '=', id).execute();
  const pages = await tx.deleteFrom('attachments').where('dossier_id', '=', id).returning('path').execute();
  await tx.deleteFrom('dossiers').where('id', '=', id).execute();
  return [...pages, ...results].map((r) => r.path);
}
