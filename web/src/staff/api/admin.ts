// The administrator's account, lockout and audit-log endpoints (admin role; CSRF as for every
// state change), and the forced password change any signed-in account may make.
import { AuditPage, LockoutList, ResetPasswordResponse, type AuditQuery, type ChangePasswordRequest, type UnlockRequest, type UpdateStaffRequest } from '@hsc/shared/staff-admin';
import { StaffAccount, StaffList, StaffSession, type CreateStaffRequest } from '@hsc/shared/staff';
import { request, requestVoid } from './client.ts';

const staffPath = (id: string) => `/api/admin/staff/${encodeURIComponent(id)}`;
export const listStaff = () => request(StaffList, '/api/admin/staff');
export const createStaff = (body: CreateStaffRequest) => request(StaffAccount, '/api/admin/staff', { method: 'POST', json: body });
export const updateStaff = (id: string, body: UpdateStaffRequest) => request(StaffAccount, staffPath(id), { method: 'PATCH', json: body });
export const setStaffDisabled = (id: string, disabled: boolean) => request(StaffAccount, `${staffPath(id)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
export const resetStaffPassword = (id: string) => request(ResetPasswordResponse, `${staffPath(id)}/reset-password`, { method: 'POST' });
export const listLockouts = () => request(LockoutList, '/api/admin/lockouts');
export const unlock = (body: UnlockRequest) => requestVoid('/api/admin/unlock', { method: 'POST', json: body });

export function auditPath(q: Partial<AuditQuery>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== '' && !(k === 'page' && v === 1)) params.set(k, String(v));
  const s = params.toString();
  return `/api/admin/audit${s ? `?${s}` : ''}`;
}
export const getAudit = (q: Partial<AuditQuery>) => request(AuditPage, auditPath(q));

export const changePassword = (body: ChangePasswordRequest) => request(StaffSession, '/api/staff/password', { method: 'POST', json: body });
