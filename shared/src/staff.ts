// Staff accounts and sessions of the desk console. A staff member belongs to one unit (or to
// none: province viewers and administrators) and has one role; the role decides what they may
// read and do (see lifecycle.ts for dossier actions, server/README.md for the whole matrix).
import { z } from 'zod';

/**
 * `officer`: desk officer of one unit. `leader`: unit leader (officer rights, plus reschedule,
 * stop and the unit's figures). `province`: reads the figures and dossiers of every unit, acts
 * on none. `admin`: manages staff accounts and the holiday calendar, sees no dossier.
 */
export const StaffRole = z.enum(['officer', 'leader', 'province', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

/** Roles that belong to one unit and act on its dossiers. */
export const UNIT_ROLES: readonly StaffRole[] = ['officer', 'leader'];
export const roleHasUnit = (role: StaffRole) => UNIT_ROLES.includes(role);

export const UnitCode = z.string().regex(/^\d{5}$/);

export const StaffUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
  /** Null for `province` and `admin`. */
  unitCode: z.string().nullable(),
  /**
   * A specialist (chuyên viên) of the unit: an officer whom the desk hands dossiers to for
   * examination (handover.ts). Otherwise an officer like any other; absent means false.
   */
  specialist: z.boolean().optional(),
  /** Set after an administrator's reset: the console asks for a new password before anything else. */
  mustChangePassword: z.boolean().optional(),
});
export type StaffUser = z.infer<typeof StaffUser>;

export const Username = z
  .string()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lowercase letters, digits, dot, dash, underscore');

export const LoginRequest = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export type LoginRequest = z.infer<typeof LoginRequest>;

/** Answer of login and of `GET /api/staff/me`: who is signed in, and the CSRF token to echo. */
export const StaffSession = z.object({ user: StaffUser, csrfToken: z.string() });
export type StaffSession = z.infer<typeof StaffSession>;

/** Cookie holding the session token (httpOnly: the app never reads it). */
export const STAFF_COOKIE = 'hsc_staff';
/** Header every state-changing staff request carries: the `csrfToken` of the session. */
export const CSRF_HEADER = 'x-csrf-token';

export const MIN_PASSWORD_LENGTH = 8;

/** A phone number as printed: digits, spaces, dots, dashes, parentheses, a leading +. */
export const StaffPhone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 .()-]{5,19}$/, 'a phone number');

export const CreateStaffRequest = z
  .object({
    username: Username,
    displayName: z.string().trim().min(1).max(120),
    role: StaffRole,
    unitCode: UnitCode.nullable().optional(),
    password: z.string().min(MIN_PASSWORD_LENGTH).max(256),
    /** The desk phone people call about a supplement request (printed on Mẫu 02); optional. */
    phone: StaffPhone.optional(),
    /** An officer who examines the dossiers the desk hands over (chuyên viên). */
    specialist: z.boolean().optional(),
  })
  .refine((s) => (roleHasUnit(s.role) ? !!s.unitCode : !s.unitCode), {
    path: ['unitCode'],
    message: 'officer and leader need a unit; province and admin have none',
  })
  .refine((s) => !s.specialist || s.role === 'officer', { path: ['specialist'], message: 'only an officer is a specialist' });
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>;

export const StaffAccount = StaffUser.extend({ createdAt: z.string(), phone: z.string().optional(), disabledAt: z.string().optional() });
export type StaffAccount = z.infer<typeof StaffAccount>;
export const StaffList = z.object({ staff: z.array(StaffAccount) });
export type StaffList = z.infer<typeof StaffList>;

/** A holiday of the working-day calendar (ISO local date). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const Holiday = z.object({ date: IsoDate, name: z.string().max(200).nullable() });
export type Holiday = z.infer<typeof Holiday>;
export const HolidayList = z.object({
  holidays: z.array(Holiday),
  /** Make-up working days: weekend dates that count as working days (absent from older servers). */
  workdays: z.array(Holiday).optional(),
});
export type HolidayList = z.infer<typeof HolidayList>;
export const PutHolidayRequest = z.object({ name: z.string().trim().max(200).nullable().optional() });
