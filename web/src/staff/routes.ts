// The console's own paths under /staff (the app's router hands over everything below it).
export type StaffRoute =
  | { name: 'queue' }
  | { name: 'dossier'; id: string }
  | { name: 'form'; formId: string }
  | { name: 'reports' }
  | { name: 'notFound' };

export const staffPaths = {
  queue: () => '/staff',
  dossier: (id: string) => `/staff/dossiers/${encodeURIComponent(id)}`,
  form: (formId: string) => `/staff/forms/${encodeURIComponent(formId)}`,
  reports: () => '/staff/reports',
};

export function matchStaffRoute(path: string): StaffRoute {
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [root, a, b] = parts;
  if (root !== 'staff') return { name: 'notFound' };
  if (parts.length === 1) return { name: 'queue' };
  if (a === 'dossiers' && b && parts.length === 3) return { name: 'dossier', id: b };
  if (a === 'forms' && b && parts.length === 3) return { name: 'form', formId: b };
  if (a === 'reports' && parts.length === 2) return { name: 'reports' };
  return { name: 'notFound' };
}
