// Who may see which dossier. An officer or leader sees their unit's dossiers only, and a
// dossier of another unit is treated exactly like one that does not exist; the province
// viewer sees all; an admin sees none.
import { roleHasUnit, type DossierStatus, type LifecycleState, type StaffUser } from '@hsc/shared';
import type { DossierRecord, Store } from '../store/store.ts';
import type { RequestMeta } from './staff.ts';

export interface Viewer extends StaffUser {
  meta: RequestMeta;
}

export const canRead = (v: StaffUser, unitCode: string) => v.role === 'province' || (roleHasUnit(v.role) && v.unitCode === unitCode);

export async function visibleDossier(store: Store, v: StaffUser, id: string): Promise<DossierRecord | undefined> {
  const d = await store.getDossier(id);
  return d && canRead(v, d.unitCode) ? d : undefined;
}

/** The units a viewer's lists and figures cover (null: all), or 'forbidden'. */
export function unitScope(v: StaffUser, requested: string | undefined): readonly string[] | null | 'forbidden' {
  if (v.role === 'province') return requested ? [requested] : null;
  if (!roleHasUnit(v.role) || !v.unitCode) return 'forbidden';
  if (requested && requested !== v.unitCode) return 'forbidden';
  return [v.unitCode];
}

/** `supplements`: how many supplement requests the dossier has had (the rule allows one). */
export const stateOf = (d: DossierRecord, supplements: number): LifecycleState => ({
  status: d.status,
  clockFrom: d.clockFrom,
  dueAt: d.dueAt,
  rescheduled: d.rescheduled,
  resultId: d.resultId,
  supplements,
});

export interface AuditOf {
  action: string;
  dossierId?: string;
  fromStatus?: DossierStatus;
  toStatus?: DossierStatus;
  details?: unknown;
}

/** Audit entry of a staff member's request. */
export const staffAudit = (v: Viewer, at: Date, e: AuditOf) => ({
  at: at.toISOString(),
  actorKind: 'staff' as const,
  staffId: v.id,
  ip: v.meta.ip,
  userAgent: v.meta.userAgent,
  ...e,
});
