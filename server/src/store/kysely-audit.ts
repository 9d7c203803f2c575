// The audit log: appended to, never changed (the database's triggers refuse UPDATE and DELETE).
import type { Kysely } from 'kysely';
import { insertAudit, toAudit } from './rows.ts';
import type { Database } from './schema.ts';
import type { AuditEntry, AuditRecord, AuditSearch, AuditStore } from './store.ts';

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

  async search(f: AuditSearch): Promise<{ items: AuditRecord[]; total: number }> {
    let q = this.db.selectFrom('audit_log');
    if (f.staffId !== undefined) q = q.where('staff_id', '=', f.staffId);
    if (f.action !== undefined) q = q.where('action', '=', f.action);
    if (f.dossierId !== undefined) q = q.where('dossier_id', '=', f.dossierId);
    if (f.fromAt !== undefined) q = q.where('at', '>=', f.fromAt);
    if (f.toAt !== undefined) q = q.where('at', '<', f.toAt);
    const count = await q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const rows = await q.selectAll().orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
    return { items: rows.map(toAudit), total: Number(count.n) };
  }
}
