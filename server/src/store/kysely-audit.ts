// The audit log: appended to, never changed (the database's triggers refuse UPDATE and DELETE).
import type { Kysely } from 'kysely';
import { insertAudit, toAudit } from './rows.ts';
import type { Database } from './schema.ts';
import type { AuditEntry, AuditRecord, AuditStore } from './store.ts';

export class KyselyAuditStore implements AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  append(entry: AuditEntry): Promise<void> {
    return insertAudit(this.db, entry);
  }

  async list(filter: { dossierId?: string; staffId?: string; limit?: number }): Promise<AuditRecord[]> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (filter.dossierId !== undefined) q = q.where('dossier_id', '=', filter.dossierId);
    if (filter.staffId !== undefined) q = q.where('staff_id', '=', filter.staffId);
    const rows = await q.orderBy('id').limit(filter.limit ?? 1000).execute();
    return rows.map(toAudit);
  }

  async byActionId(actionId: string): Promise<AuditRecord | undefined> {
    const row = await this.db.selectFrom('audit_log').selectAll().where('action_id', '=', actionId).executeTakeFirst();
    return row && toAudit(row);
  }
}
