// Row ↔ record mapping shared by the Kysely store's parts, and the audit insert every
// transaction of a lifecycle step makes.
import { Channel, DossierStatus } from '@hsc/shared';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AttachmentsTable, AuditLogTable, Database, DossiersTable } from './schema.ts';
import type { AttachmentRecord, AuditEntry, AuditRecord, DossierRecord, UnitRecord } from './store.ts';

export const toAttachment = (r: Selectable<AttachmentsTable>): AttachmentRecord => ({
  id: r.id,
  dossierId: r.dossier_id,
  sha256: r.sha256,
  size: Number(r.size),
  mediaType: r.media_type,
  fileName: r.file_name,
  path: r.path,
  storedAt: r.stored_at,
});

export const toDossier = (r: Selectable<DossiersTable>): DossierRecord => ({
  id: r.id,
  code: r.code,
  lookupCode: r.lookup_code,
  unitCode: r.unit_code,
  procedureCode: r.procedure_code,
  procedureVersion: Number(r.procedure_version ?? 1),
  status: DossierStatus.parse(r.status),
  body: r.body,
  bodyHash: r.body_hash,
  secretHash: r.secret_hash,
  receipt: r.receipt,
  receivedAt: r.received_at,
  dueAt: r.due_at,
  channel: Channel.parse(r.channel),
  clockFrom: r.clock_from || r.received_at,
  rescheduled: Number(r.rescheduled) === 1,
  resultId: r.result_id,
  finishedAt: r.finished_at,
  payment: r.payment,
});

export const toUnit = (r: { code: string; name: string; type: string; agency_id: string }): UnitRecord => ({
  code: r.code,
  name: r.name,
  type: r.type === 'ward' ? 'ward' : 'commune',
  agencyId: r.agency_id,
});

export const toAudit = (r: Selectable<AuditLogTable>): AuditRecord => ({
  id: Number(r.id),
  at: r.at,
  actorKind: r.actor_kind === 'staff' || r.actor_kind === 'citizen' ? r.actor_kind : 'system',
  staffId: r.staff_id,
  dossierId: r.dossier_id,
  action: r.action,
  fromStatus: r.from_status === null ? null : DossierStatus.parse(r.from_status),
  toStatus: r.to_status === null ? null : DossierStatus.parse(r.to_status),
  ip: r.ip,
  userAgent: r.user_agent,
  details: r.details === null ? null : (JSON.parse(r.details) as unknown),
  actionId: r.action_id,
});

export async function insertAudit(db: Kysely<Database> | Transaction<Database>, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: e.at,
      actor_kind: e.actorKind,
      staff_id: e.staffId ?? null,
      dossier_id: e.dossierId ?? null,
      action: e.action,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      ip: e.ip ?? null,
      user_agent: e.userAgent?.slice(0, 500) ?? null,
      details: e.details === undefined || e.details === null ? null : JSON.stringify(e.details),
      action_id: e.actionId ?? null,
    })
    .execute();
}
