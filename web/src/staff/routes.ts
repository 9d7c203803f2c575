// The console's own paths under /staff (the app's router hands over everything below it).
import { DAILY_VIEWS, type DailyView } from '@hsc/shared/staff-admin';

export type StaffRoute =
  | { name: 'queue' }
  | { name: 'dossier'; id: string }
  | { name: 'form'; formId: string }
  | { name: 'controlSheet'; id: string }
  | { name: 'reports' }
  | { name: 'register' }
  | { name: 'receipts'; day: string }
  | { name: 'catalog' }
  | { name: 'payees' }
  | { name: 'calendar' }
  | { name: 'accounts' }
  | { name: 'daily'; view: DailyView }
  | { name: 'audit' }
  | { name: 'procedure'; code: string | null }
  | { name: 'notFound' };

/** The new procedure's path segment: a code cannot start with "_", so it never shadows one. */
const NEW_PROCEDURE = '_new';

export const staffPaths = {
  queue: () => '/staff',
  dossier: (id: string) => `/staff/dossiers/${encodeURIComponent(id)}`,
  form: (formId: string) => `/staff/forms/${encodeURIComponent(formId)}`,
  /** Mẫu 05 of a dossier (the control sheet), printed from its handover steps. */
  controlSheet: (id: string) => `/staff/dossiers/${encodeURIComponent(id)}/mau-05`,
  reports: () => '/staff/reports',
  catalog: () => '/staff/catalog',
  payees: () => '/staff/payees',
  calendar: () => '/staff/calendar',
  accounts: () => '/staff/accounts',
  audit: () => '/staff/audit',
  /** One figure of the leader's day, as a list. */
  daily: (view: DailyView) => `/staff/today/${view}`,
  /** null: a procedure not saved yet. */
  procedure: (code: string | null) => `/staff/catalog/${code === null ? NEW_PROCEDURE : encodeURIComponent(code)}`,
};

export function matchStaffRoute(path: string): StaffRoute {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [root, a, b] = parts;
  if (root !== 'staff') return { name: 'notFound' };
  if (parts.length === 1) return { name: 'queue' };
  if (a === 'dossiers' && b && parts.length === 3) return { name: 'dossier', id: b };
  if (a === 'dossiers' && b && parts.length === 4 && parts[3] === 'mau-05') return { name: 'controlSheet', id: b };
  if (a === 'forms' && b && parts.length === 3) return { name: 'form', formId: b };
  if (a === 'reports' && parts.length === 2) return { name: 'reports' };
  if (a === 'register' && parts.length === 2) return { name: 'register' };
  if (a === 'receipts' && b && parts.length === 3) return { name: 'receipts', day: b };
  if (a === 'catalog' && parts.length === 2) return { name: 'catalog' };
  if (a === 'payees' && parts.length === 2) return { name: 'payees' };
  if (a === 'calendar' && parts.length === 2) return { name: 'calendar' };
  if (a === 'accounts' && parts.length === 2) return { name: 'accounts' };
  if (a === 'audit' && parts.length === 2) return { name: 'audit' };
  if (a === 'today' && b && parts.length === 3 && (DAILY_VIEWS as readonly string[]).includes(b)) return { name: 'daily', view: b as DailyView };
  if (a === 'catalog' && b && parts.length === 3) return { name: 'procedure', code: b === NEW_PROCEDURE ? null : b };
  return { name: 'notFound' };
}
