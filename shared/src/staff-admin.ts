// The administrator's tools for a busy desk: editing, disabling and resetting staff accounts,
// lifting a sign-in lockout, reading the audit log; and the leader's daily summary.
import { z } from 'zod';
import { IsoDate, MIN_PASSWORD_LENGTH, StaffAccount, StaffPhone } from './staff.ts';

/** What an administrator may change on an account: the desk phone (null clears it), the specialist flag. */
export const UpdateStaffRequest = z.object({
  phone: StaffPhone.nullable().optional(),
  specialist: z.boolean().optional(),
});
export type UpdateStaffRequest = z.infer<typeof UpdateStaffRequest>;

/** A password reset: the temporary password, shown once to the admin to hand over. */
export const ResetPasswordResponse = z.object({ account: StaffAccount, temporaryPassword: z.string() });
export type ResetPasswordResponse = z.infer<typeof ResetPasswordResponse>;

/** The forced change (and any later one): the current password, then the new one. */
export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH).max(256),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

/** A sign-in lockout in force: a username's or an IP's failures in the current window. */
export const Lockout = z.object({
  kind: z.enum(['user', 'ip']),
  value: z.string(),
  failures: z.number().int(),
  /** When the window ends (ISO). */
  until: z.string(),
});
export type Lockout = z.infer<typeof Lockout>;
export const LockoutList = z.object({ lockouts: z.array(Lockout) });
export type LockoutList = z.infer<typeof LockoutList>;
export const UnlockRequest = z.object({ kind: z.enum(['user', 'ip']), value: z.string().trim().min(1).max(100) });
export type UnlockRequest = z.infer<typeof UnlockRequest>;

export const AUDIT_PAGE_SIZE = 50;

/** A date that exists (2026-02-30 does not). */
const RealDate = IsoDate.refine((d) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
}, 'not a calendar date');

export const AuditQuery = z.object({
  /** A staff member's id. */
  staff: z.string().max(100).optional(),
  action: z.string().max(60).optional(),
  /** A dossier's code (as printed) or its id. */
  dossier: z.string().trim().max(100).optional(),
  /** Vietnamese local dates, both included. */
  from: RealDate.optional(),
  to: RealDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditLine = z.object({
  id: z.number(),
  at: z.string(),
  actorKind: z.string(),
  staffId: z.string().nullable(),
  /** The staff member's display name and username when known. */
  staffName: z.string().nullable(),
  staffUsername: z.string().nullable(),
  action: z.string(),
  dossierId: z.string().nullable(),
  dossierCode: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.unknown().optional(),
});
export type AuditLine = z.infer<typeof AuditLine>;
export const AuditPage = z.object({ items: z.array(AuditLine), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

/** The leader's day: counts for the unit, each a filter of the queue. */
export const DailySummary = z.object({
  unitCode: z.string(),
  /** Today's local date in Vietnam. */
  date: IsoDate,
  /** The next working day (the calendar's). */
  nextWorkday: IsoDate,
  receivedToday: z.number().int(),
  dueTomorrow: z.number().int(),
  overdue: z.number().int(),
  waitingCitizen: z.number().int(),
});
export type DailySummary = z.infer<typeof DailySummary>;

export type DailyView = 'received_today' | 'due_next' | 'overdue' | 'waiting';
export const DAILY_VIEWS: readonly DailyView[] = ['received_today', 'due_next', 'overdue', 'waiting'];
