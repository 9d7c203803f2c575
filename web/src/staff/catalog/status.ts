// Where a procedure stands, as the list and the editor say it.
import type { AdminProcedure, ProcedureDef } from '@hsc/shared/procedure';

export type ListState = 'draft' | 'published' | 'retired' | 'pending';

/** A published (or retired) procedure with a draft waiting has changes not yet published. */
export const hasPending = (p: AdminProcedure): boolean => p.version !== null && p.draft !== undefined;

/** The procedure as the administrator last wrote it: the draft, else the published version. */
export function currentDef(p: AdminProcedure): ProcedureDef | undefined {
  if (p.draft) return p.draft;
  if (!p.published) return undefined;
  const { version: _published, ...def } = p.published;
  return def;
}

/** Which filter a procedure falls under (a procedure with pending changes under "pending" too). */
export function matchesState(p: AdminProcedure, state: ListState | ''): boolean {
  if (!state) return true;
  if (state === 'pending') return hasPending(p);
  return p.status === state;
}
