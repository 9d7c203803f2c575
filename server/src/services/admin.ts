// The administrator's reads and writes that are not a staff account, a holiday or the catalog:
// the audit log (reading it is itself audited) and each unit's payee account; and the audit line
// every administrator route writes. The routes map these outcomes to HTTP.
import { AUDIT_PAGE_SIZE, type AuditPage, type AuditQuery, type PutPayeeRequest, type UnitPayeeResponse } from '@hsc/shared';
import type { Store } from '../store/store.ts';
import { staffAudit, type Viewer } from './access.ts';
import { toPayee } from './payees.ts';

export class AdminService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** One line of the audit log for what an administrator did. */
  async record(v: Viewer, action: string, details: Record<string, unknown>, at = this.now()): Promise<void> {
    await this.store.audit.append(staffAudit(v, at, { action, details }));
  }

  /** The audit log, newest first, one page of it; the read is audited with the filters asked for. */
  async auditPage(v: Viewer, q: AuditQuery): Promise<AuditPage> {
    const store = this.store;
    let dossierId: string | undefined;
    if (q.dossier) dossierId = (await store.getDossierByCode(q.dossier.toUpperCase()))?.id ?? (await store.getDossierByCode(q.dossier))?.id ?? q.dossier;
    const dayStart = (d: string) => new Date(Date.parse(`${d}T00:00:00+07:00`)).toISOString();
    const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00+07:00`) + 86_400_000).toISOString();
    const page = q.page;
    const { items, total } = await store.audit.search({
      staffId: q.staff || undefined,
      action: q.action || undefined,
      dossierId,
      fromAt: q.from ? dayStart(q.from) : undefined,
      toAt: q.to ? nextDay(q.to) : undefined,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
      limit: AUDIT_PAGE_SIZE,
    });
    await this.record(v, 'audit_read', { ...q });
    const people = new Map((await store.staff.list()).map((s) => [s.id, s]));
    const codes = new Map<string, string | null>();
    for (const a of items) if (a.dossierId && !codes.has(a.dossierId)) codes.set(a.dossierId, (await store.getDossier(a.dossierId))?.code ?? null);
    return {
      items: items.map((a) => {
        const who = a.staffId ? people.get(a.staffId) : undefined;
        return {
          id: a.id,
          at: a.at,
          actorKind: a.actorKind,
          staffId: a.staffId ?? null,
          staffName: who?.displayName ?? null,
          staffUsername: who?.username ?? null,
          action: a.action,
          dossierId: a.dossierId ?? null,
          dossierCode: a.dossierId ? (codes.get(a.dossierId) ?? null) : null,
          ip: a.ip ?? null,
          userAgent: a.userAgent ?? null,
          details: a.details ?? undefined,
        };
      }),
      total,
      page,
      pageSize: AUDIT_PAGE_SIZE,
    };
  }

  /** The unit's payee account; undefined when there is no such unit. */
  async payee(unitCode: string): Promise<UnitPayeeResponse | undefined> {
    if (!(await this.store.getUnit(unitCode))) return undefined;
    const p = await this.store.payees.get(unitCode);
    return { unitCode, payee: p ? { ...toPayee(p), updatedAt: p.updatedAt } : null };
  }

  /** Sets the unit's payee account (audited); undefined when there is no such unit. */
  async putPayee(v: Viewer, unitCode: string, body: PutPayeeRequest): Promise<UnitPayeeResponse | undefined> {
    if (!(await this.store.getUnit(unitCode))) return undefined;
    const at = this.now();
    const record = { unitCode, ...body, updatedAt: at.toISOString(), updatedBy: v.id };
    await this.store.payees.put(record);
    // Fee requests already made keep the account they were made with (the QR the person holds).
    await this.record(v, 'payee_put', { unitCode, ...body }, at);
    return { unitCode, payee: { ...toPayee(record), updatedAt: record.updatedAt } };
  }
}
